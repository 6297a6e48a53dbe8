import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { GapsView } from '@/components/plan/GapsView';
import { COMPETENCY_GROUPS, type CompetencyGroup } from '@/lib/cards/domain';
import { DatabaseUnavailable } from '@/components/DatabaseUnavailable';
import { getDb } from '@/lib/db/client';
import { orUnavailable } from '@/lib/db/errors';
import { loadGaps } from '@/lib/my-gaps';
import { loadPlan } from '@/lib/my-plan';
import { PROGRESS_LABEL, STATUS_LABEL } from '@/lib/plan';
import { withinRate } from '@/lib/http/handle';
import { openShareLink } from '@/lib/share-links';

// A shared plan is for the person it was sent to: never in a search engine.
export const metadata: Metadata = {
  title: 'Shared plan',
  description: 'A read-only view of a person’s development plan and gaps, shared by them.',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * What a share link opens (ADR 0021): read-only, no sign-in. The owner's plan (without their private
 * notes) and gaps. A link that is revoked, expired or unknown goes back to its address, which answers
 * 410 or 404 with a sentence (app/share/[token]/route.ts).
 */
export default async function SharedPlanPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const loaded = await orUnavailable(async () => {
    // Counted like the address itself: beyond the allowance, the address answers 429 with a sentence.
    if (!(await withinRate('share'))) return 'limited' as const;
    const db = await getDb();
    const state = await openShareLink(db, token);
    if (state.kind !== 'open') return null;
    return { state, gaps: await loadGaps(db, state.owner.id), plan: await loadPlan(db, state.owner.id) };
  });
  if (!loaded.ok) return <DatabaseUnavailable title="Shared plan" />;
  if (!loaded.value || loaded.value === 'limited') redirect(`/share/${encodeURIComponent(token)}`);
  const { state, gaps, plan } = loaded.value;
  const asked = typeof query.group === 'string' ? query.group : null;
  const group = asked && (COMPETENCY_GROUPS as readonly string[]).includes(asked) ? (asked as CompetencyGroup) : null;
  return (
    <div className="grid-container page-section plan">
      <h1>Development plan of {state.owner.name}</h1>
      <div className="usa-alert usa-alert--info usa-alert--slim">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            Shared with you by {state.owner.name}, read-only, until {dateFormat.format(state.link.expiresAt)}. Their private notes are not shown.
          </p>
        </div>
      </div>
      {gaps.profile ? (
        <p>
          Series {gaps.profile.series}, GS {gaps.profile.grade}; targets from the {gaps.level} cards.
        </p>
      ) : (
        <p>{state.owner.name} has not set a series and grade yet, so there are no targets to compare with.</p>
      )}
      <h2>Target competencies</h2>
      {plan.groups.length === 0 ? (
        <p>No competencies are in the plan yet.</p>
      ) : (
        <ul className="usa-list">
          {plan.groups.flatMap((g) =>
            g.items.map(({ bookmark, card, status }) => (
              <li key={bookmark.id}>
                {card ? <Link href={card.url}>{card.title}</Link> : bookmark.title} — {STATUS_LABEL[status]}, {PROGRESS_LABEL[bookmark.progress]}
                {bookmark.targetDate ? `, target ${dateFormat.format(new Date(`${bookmark.targetDate}T00:00:00Z`))}` : ''}
              </li>
            )),
          )}
        </ul>
      )}
      {gaps.profile ? (
        <section aria-labelledby="shared-gaps">
          <h2 id="shared-gaps">Where they stand</h2>
          <GapsView rows={gaps.rows} group={group} filterAction={`/share/${encodeURIComponent(token)}/view`} readOnly headingLevel={3} subject="they" />
        </section>
      ) : null}
    </div>
  );
}
