import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/DashboardPage';
import { currentUser } from '@/lib/auth';
import { getCardSearch, getCardSummaries } from '@/lib/cards';
import { isSeriesCode } from '@/lib/cards/domain';
import { dashboardFor, foldFacets, type DashboardState } from '@/lib/dashboard';
import { getDb } from '@/lib/db/client';
import { getProfile, listBookmarks } from '@/lib/db/queries';
import type { Notice } from '@/lib/filters';
import { isGsGrade } from '@/lib/grades';
import type { Me } from '@/lib/me';

export const metadata: Metadata = {
  title: 'Competency cards',
  description: 'Find the competency cards of job series 0501, 0510, 0511 and 0560 by series, career level or GS grade, group, competency and text.',
  alternates: { canonical: '/cards' },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /cards with a filter in its address (the proxy rewrites it here): rendered per request so that it
 * is complete without JavaScript. The work is bounded: one pass over the card summaries and one
 * page of rows.
 */
export default async function FilteredCardsPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]))));
  const me = query.has('bookmarked') ? await account() : null;
  const signedOutPlan = query.has('bookmarked') && !me?.signedIn;
  if (signedOutPlan) query.delete('bookmarked');
  const shown = dashboardFor(query, getCardSummaries(), getCardSearch(), new Set(me?.bookmarks ?? []));
  const notices: Notice[] = [
    ...shown.notices,
    ...(signedOutPlan ? [{ param: 'bookmarked', message: 'Sign in to see only the cards in your plan; showing all cards.' }] : []),
  ];
  const initial: DashboardState = foldFacets({ ...shown, notices, results: undefined }, query);
  return <DashboardPage initial={initial} initialMe={me} />;
}

/** The signed-in person, for "only cards in my plan"; the page still works if the database does not. */
async function account(): Promise<Me | null> {
  try {
    const user = await currentUser();
    if (!user) return { signedIn: false };
    const db = await getDb();
    const [profile, bookmarks] = await Promise.all([getProfile(db, user.id), listBookmarks(db, user.id)]);
    const valid = profile && isSeriesCode(profile.series) && isGsGrade(profile.grade) ? { series: profile.series, grade: profile.grade } : null;
    return { signedIn: true, name: user.name ?? 'you', profile: valid, bookmarks: bookmarks.map((b) => b.permalink) };
  } catch (error) {
    console.error('dashboard: could not read the signed-in account', error);
    return null;
  }
}
