import type { Metadata } from 'next';
import Link from 'next/link';
import { getCardSearch, getCardSummaries } from '@/lib/cards';
import { currentUser } from '@/lib/auth';
import type { SeriesCode } from '@/lib/cards/domain';
import { isSeriesCode } from '@/lib/cards/domain';
import { getDb } from '@/lib/db/client';
import { getProfile, listBookmarks } from '@/lib/db/queries';
import { dashboardFor, type DashboardState } from '@/lib/dashboard';
import type { Notice } from '@/lib/filters';
import { careerLevelForGrade, isGsGrade } from '@/lib/grades';
import { Dashboard } from './_components/Dashboard';

export const metadata: Metadata = {
  title: 'Competency cards',
  description: 'Find the competency cards of job series 0501, 0510, 0511 and 0560 by series, career level or GS grade, group, competency and text.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard, rendered on the server for the URL's filter: complete without JavaScript. */
export default async function CardsPage({ searchParams }: Props) {
  const summaries = getCardSummaries();
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]))));
  const account = await accountFor();
  let defaulted = false;
  if (account?.profile && [...query.keys()].length === 0) {
    // A signed-in person starts at their own series and career level.
    query.append('series', account.profile.series);
    query.append('level', careerLevelForGrade(account.profile.grade));
    defaulted = true;
  }
  const signedOutPlan = query.has('bookmarked') && !account;
  if (signedOutPlan) query.delete('bookmarked');
  const bookmarks = account?.bookmarks ?? [];
  const shown = dashboardFor(query, summaries, getCardSearch(), new Set(bookmarks));
  const notices: Notice[] = [
    ...shown.notices,
    ...(signedOutPlan ? [{ param: 'bookmarked', message: 'Sign in to see only the cards in your plan; showing all cards.' }] : []),
  ];
  const initial: DashboardState = { ...shown, notices, results: undefined };
  return (
    <div className="grid-container">
      <h1>Competency cards</h1>
      <p className="usa-intro">Find the competencies of your job series and career level: what each proficiency level looks like, and courses to get there.</p>
      {defaulted ? (
        <p className="defaults-note">
          Showing your series and career level. <Link href="/cards?all=1">Show all cards</Link>
        </p>
      ) : null}
      <Dashboard
        key={query.toString()}
        initial={initial}
        dataUrl="/data/cards.json"
        signedIn={account !== null}
        bookmarks={bookmarks}
        clearHref={account?.profile ? '/cards?all=1' : '/cards'}
      />
    </div>
  );
}

/** The signed-in person's profile and bookmarks; the dashboard still works if the database does not. */
async function accountFor(): Promise<{ profile: { series: SeriesCode; grade: number } | null; bookmarks: string[] } | null> {
  try {
    const user = await currentUser();
    if (!user) return null;
    const db = await getDb();
    const [profile, bookmarks] = await Promise.all([getProfile(db, user.id), listBookmarks(db, user.id)]);
    const valid = profile && isSeriesCode(profile.series) && isGsGrade(profile.grade) ? { series: profile.series, grade: profile.grade } : null;
    return { profile: valid, bookmarks: bookmarks.map((b) => b.permalink) };
  } catch (error) {
    console.error('dashboard: could not read the signed-in account', error);
    return null;
  }
}
