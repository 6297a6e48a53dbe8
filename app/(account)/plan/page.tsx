import type { Metadata } from 'next';
import { SlimAlert } from '@/components/SlimAlert';
import Link from 'next/link';
import { requireUser } from '@/lib/auth';
import { formatGsRange, CAREER_LEVEL_GS } from '@/lib/cards/domain';
import { getDb } from '@/lib/db/client';
import { careerLevelForGrade } from '@/lib/grades';
import { loadPlan } from '@/lib/my-plan';
import { STATUS_LABEL } from '@/lib/plan';

// No `noindex`: the plan is only ever sent to its signed-in owner (a crawler is redirected to
// sign in), and Lighthouse's SEO target applies to this page too (issue #6).
export const metadata: Metadata = {
  title: 'My plan',
  description: 'The competencies you have bookmarked as targets, marked against your GS grade, to print or download for your development plan.',
};

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlanPage({ searchParams }: Props) {
  const user = await requireUser('/plan');
  const db = await getDb();
  const [{ grade, groups }, params] = await Promise.all([loadPlan(db, user.id), searchParams]);
  const saved = params.saved === 'removed' ? 'The card was removed from your plan.' : params.saved === 'added' ? 'The card was added to your plan.' : null;

  return (
    <div className="grid-container page-section plan">
      <h1>My plan</h1>
      <p className="usa-intro">The competencies you are aiming for, marked against your current grade.</p>
      {saved ? (
        <SlimAlert type="success" role="status">
          {saved}
        </SlimAlert>
      ) : null}
      <p>
        {grade === null ? (
          <>
            You have not set your grade yet. <Link href="/profile">Set your series and grade</Link> to see where each card stands.
          </>
        ) : (
          <>
            Your grade: GS {grade}, {careerLevelForGrade(grade)} level ({formatGsRange(CAREER_LEVEL_GS[careerLevelForGrade(grade)])}).{' '}
            <Link href="/profile">Change</Link>
          </>
        )}
      </p>
      {groups.length > 0 ? (
        <div className="plan-actions no-print">
          <h2 className="usa-sr-only">Download or print</h2>
          <ul className="usa-button-group">
            <li className="usa-button-group__item">
              <a className="usa-button usa-button--outline" href="/plan/export?format=pdf" download>
                Download PDF
              </a>
            </li>
            <li className="usa-button-group__item">
              <a className="usa-button usa-button--outline" href="/plan/export?format=csv" download>
                Download CSV
              </a>
            </li>
          </ul>
        </div>
      ) : null}
      {groups.length === 0 ? (
        <div className="usa-alert usa-alert--info" role="region" aria-label="Empty plan">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">Your plan is empty</h2>
            <p className="usa-alert__text">
              Add cards with “Add to my plan” on any card or in the <Link href="/cards">competency cards</Link>.
            </p>
          </div>
        </div>
      ) : (
        groups.map((group) => (
          <section key={group.competency} className="plan-group" aria-labelledby={`plan-${group.competency}`}>
            <h2 id={`plan-${group.competency}`}>{group.competency}</h2>
            <ul className="usa-list usa-list--unstyled">
              {group.items.map(({ bookmark, card, status }) => (
                <li key={bookmark.id} className="plan-item">
                  <div>
                    {card ? <Link href={card.url}>{card.title}</Link> : <span>{bookmark.title}</span>}
                    <span className={`usa-tag plan-status plan-status--${status}`}>{STATUS_LABEL[status]}</span>
                  </div>
                  <div className="plan-meta">
                    {card ? `${card.careerLevel} (${card.gsLabel})` : 'This card is no longer published.'} · Saved {dateFormat.format(bookmark.createdAt)}
                    {bookmark.gradeAtBookmark !== null ? ` at GS ${bookmark.gradeAtBookmark}` : ''}
                  </div>
                  <form method="post" action={`/api/bookmarks/${bookmark.id}/remove`}>
                    <input type="hidden" name="returnTo" value="/plan" />
                    <button type="submit" className="usa-button usa-button--unstyled">
                      Remove<span className="usa-sr-only"> {bookmark.title}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
