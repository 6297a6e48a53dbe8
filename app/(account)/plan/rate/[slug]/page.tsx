import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RatingForm } from '@/components/plan/RatingForm';
import { RatingTimeline } from '@/components/plan/GapsView';
import { requireUser } from '@/lib/auth';
import { isSeriesCode, proficiencyName } from '@/lib/cards/domain';
import { DatabaseUnavailable } from '@/components/DatabaseUnavailable';
import { getDb } from '@/lib/db/client';
import { orUnavailable } from '@/lib/db/errors';
import { getProfile } from '@/lib/db/queries';
import { loadGaps } from '@/lib/my-gaps';
import { competencyOfSlug, scaleOf } from '@/lib/ratings';

export const metadata: Metadata = {
  title: 'Rate yourself',
  description: 'Rate your current proficiency in a competency, on the scale its cards describe.',
};

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RatePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const competency = competencyOfSlug(slug);
  if (!competency) notFound();
  const asked = typeof query.level === 'string' && /^[1-5]$/u.test(query.level) ? Number(query.level) : null;
  const loaded = await orUnavailable(async () => {
    const user = await requireUser(`/plan/rate/${slug}${asked !== null ? `?level=${asked}` : ''}`);
    const db = await getDb();
    return Promise.all([getProfile(db, user.id), loadGaps(db, user.id)]);
  });
  if (!loaded.ok) return <DatabaseUnavailable title={`Rate yourself: ${competency}`} />;
  const [profile, gaps] = loaded.value;
  const series = profile && isSeriesCode(profile.series) ? profile.series : null;
  const row = gaps.rows.find((r) => r.slug === slug);
  return (
    <div className="grid-container page-section plan">
      <nav aria-label="My plan" className="plan-tabs no-print">
        <Link href="/plan">My plan</Link>
        <Link href="/plan/gaps">Where I stand</Link>
      </nav>
      <h1>Rate yourself: {competency}</h1>
      {asked !== null ? (
        <div className="usa-alert usa-alert--info usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">You chose level {asked} before signing in. Check it and save.</p>
          </div>
        </div>
      ) : null}
      <p>
        Choose the level that describes what you do today. The words are your series’ cards’ own
        {series ? '' : ' (set your series on your profile to see your own series’ words)'}. Each rating is kept with its date; the latest counts.
      </p>
      {row ? (
        <p>
          Your target: {row.target === null ? 'none (no card at your target level)' : `${row.target} ${proficiencyName(row.target)}`}
          {row.card ? (
            <>
              , from <Link href={row.card.url}>{row.card.title}</Link>
            </>
          ) : null}
          .
        </p>
      ) : null}
      <RatingForm slug={slug} competency={competency} scale={scaleOf(slug, series)} selected={asked ?? row?.current ?? null} returnTo="/plan/gaps" full />
      <h2>Your ratings so far</h2>
      {row ? <RatingTimeline row={row} /> : <p>Ratings show here once your series and grade are set.</p>}
    </div>
  );
}
