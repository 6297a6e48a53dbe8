import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { pageOrigin } from '@/lib/http/origin';
import { ForgetMessage } from '@/components/plan/ForgetMessage';
import { PlanItemForm } from '@/components/plan/PlanItemForm';
import { requireUser } from '@/lib/auth';
import { formatGsRange, CAREER_LEVEL_GS } from '@/lib/cards/domain';
import { DatabaseUnavailable } from '@/components/DatabaseUnavailable';
import { getDb } from '@/lib/db/client';
import { orUnavailable } from '@/lib/db/errors';
import { careerLevelForGrade } from '@/lib/grades';
import { loadPlan } from '@/lib/my-plan';
import { PROGRESS_LABEL, STATUS_LABEL } from '@/lib/plan';
import { bookmarkIdField } from '@/lib/bookmarks';
import { competencySlug } from '@/lib/cards/derive';
import { proficiencyName } from '@/lib/cards/domain';
import type { GapRow } from '@/lib/gaps';
import { loadGaps } from '@/lib/my-gaps';
import { ownShareLinks, SHARE_DAYS, type OwnShareLink } from '@/lib/share-links';

// No `noindex`: the plan is only ever sent to its signed-in owner (a crawler is redirected to
// sign in), and Lighthouse's SEO target applies to this page too (issue #6).
export const metadata: Metadata = {
  title: 'My plan',
  description: 'The competencies you have bookmarked as targets, marked against your GS grade, to print or download for your development plan.',
};

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

const MESSAGES: Record<string, string> = {
  added: 'The card was added to your plan.',
  removed: 'The card was removed from your plan.',
  restored: 'The card is back in your plan, with its note and dates.',
  updated: 'Your changes are saved.',
  shared: 'Your link is ready: copy it below and send it. Anyone with it can read your plan and gaps until it expires.',
  revoked: 'The link is revoked: it no longer opens your plan.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An id safe for `id` and `aria-labelledby` (no spaces), unique per competency name. */
function groupId(competency: string): string {
  return `plan-${competency
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')}`;
}

export default async function PlanPage({ searchParams }: Props) {
  const loaded = await orUnavailable(async () => {
    const user = await requireUser('/plan');
    const db = await getDb();
    return Promise.all([loadPlan(db, user.id), searchParams, loadGaps(db, user.id), ownShareLinks(db, user.id)]);
  });
  if (!loaded.ok) return <DatabaseUnavailable title="My plan" />;
  const [{ grade, groups }, params, gaps, links] = loaded.value;
  const gapOf = new Map(gaps.rows.map((r) => [r.competency, r]));
  const origin = pageOrigin(await headers()) ?? '';
  const saved = typeof params.saved === 'string' ? (MESSAGES[params.saved] ?? null) : null;
  const undo = params.saved === 'removed' && bookmarkIdField.safeParse(params.undo).success ? (params.undo as string) : null;

  return (
    <div className="grid-container page-section plan">
      <nav aria-label="My plan" className="plan-tabs no-print">
        <span aria-current="page">My plan</span>
        <Link href="/plan/gaps">Where I stand</Link>
      </nav>
      <h1>My plan</h1>
      <p className="usa-intro">The competencies you are aiming for, marked against your current grade.</p>
      <ForgetMessage params={['saved', 'undo']} />
      {saved ? (
        <div className="usa-alert usa-alert--success usa-alert--slim notice" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{saved}</p>
            {undo ? (
              <form method="post" action={`/api/bookmarks/${undo}/restore`} className="plan-undo">
                <input type="hidden" name="returnTo" value="/plan" />
                <button type="submit" className="usa-button usa-button--unstyled">
                  Undo
                  <span className="usa-sr-only">: bring the card back</span>
                </button>
              </form>
            ) : null}
          </div>
        </div>
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
          <section key={group.competency} className="plan-group" aria-labelledby={groupId(group.competency)}>
            <h2 id={groupId(group.competency)}>{group.competency}</h2>
            <RatingLine competency={group.competency} row={gapOf.get(group.competency)} />
            <ul className="usa-list usa-list--unstyled">
              {group.items.map(({ bookmark, card, status }) => {
                const title = card?.title ?? bookmark.title;
                return (
                  <li key={bookmark.id} className="plan-item" id={`plan-item-${bookmark.id}`}>
                    <div>
                      {card ? <Link href={card.url}>{card.title}</Link> : <span>{bookmark.title}</span>}
                      <span className={`usa-tag plan-status plan-status--${status}`}>{STATUS_LABEL[status]}</span>
                      <span className={`usa-tag plan-progress plan-progress--${bookmark.progress}`}>{PROGRESS_LABEL[bookmark.progress]}</span>
                    </div>
                    <div className="plan-meta">
                      {card ? `${card.seriesCode} ${card.careerLevel} (${card.gsLabel})` : 'This card is no longer published.'} · Saved{' '}
                      {dateFormat.format(bookmark.createdAt)}
                      {bookmark.gradeAtBookmark !== null ? ` at GS ${bookmark.gradeAtBookmark}` : ''}
                      {bookmark.targetDate ? ` · Target ${dateFormat.format(new Date(`${bookmark.targetDate}T00:00:00Z`))}` : ''}
                    </div>
                    {bookmark.note ? <p className="plan-note">{bookmark.note}</p> : null}
                    <PlanItemForm id={bookmark.id} title={title} progress={bookmark.progress} note={bookmark.note} targetDate={bookmark.targetDate} />
                    <form method="post" action={`/api/bookmarks/${bookmark.id}/remove`} className="plan-remove">
                      <input type="hidden" name="returnTo" value="/plan" />
                      <button type="submit" className="usa-button usa-button--unstyled">
                        Remove<span className="usa-sr-only"> {title}</span>
                      </button>
                    </form>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      <ShareSection links={links} origin={origin} />
    </div>
  );
}

/** The person's latest rating of a competency against its target, and where to rate it. */
function RatingLine({ competency, row }: { competency: string; row: GapRow | undefined }) {
  const slug = row?.slug ?? competencySlug(competency);
  return (
    <p className="plan-rating">
      {row?.current != null ? `Your rating: ${row.current} ${proficiencyName(row.current)}` : 'Not rated yet'}
      {row?.target != null ? ` · target ${row.target} ${proficiencyName(row.target)}` : ''}
      {row?.gap ? ` · gap ${row.gap}` : ''} ·{' '}
      <Link href={`/plan/rate/${slug}`}>
        Rate yourself<span className="usa-sr-only"> in {competency}</span>
      </Link>
    </p>
  );
}

/** Read-only links for a supervisor: make one (7, 30 or 90 days), see the open ones, revoke. */
function ShareSection({ links, origin }: { links: readonly OwnShareLink[]; origin: string }) {
  return (
    <section id="share" className="plan-share no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">Share with a supervisor</h2>
      <p>
        A link opens a read-only view of this plan and of <Link href="/plan/gaps">where you stand</Link>, with the name your sign-in gives (never your email
        address), without signing in. Your private notes are not shown. You can revoke a link at any time.
      </p>
      <form method="post" action="/api/share-links" className="usa-form share-form">
        <label className="usa-label" htmlFor="share-days">
          The link stays open for
        </label>
        <select className="usa-select" id="share-days" name="days" defaultValue="30">
          {SHARE_DAYS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
        <button type="submit" className="usa-button">
          Make a link
        </button>
      </form>
      {links.length > 0 ? (
        <ul className="usa-list usa-list--unstyled share-links">
          {links.map((link) => (
            <li key={link.id} className="share-link" data-share-link={link.id}>
              <label className="usa-label" htmlFor={`share-${link.id}`}>
                Link open until {dateFormat.format(link.expiresAt)}
              </label>
              <input
                className="usa-input share-link__url"
                id={`share-${link.id}`}
                type="text"
                readOnly
                value={`${origin}${link.path}`}
                data-share-path={link.path}
              />
              <form method="post" action={`/api/share-links/${link.id}/revoke`}>
                <button type="submit" className="usa-button usa-button--secondary usa-button--small">
                  Revoke<span className="usa-sr-only"> the link open until {dateFormat.format(link.expiresAt)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>You have no open links.</p>
      )}
    </section>
  );
}
