import Link from 'next/link';
import { proficiencyName } from '@/lib/cards/domain';
import { coursesFor, groupsOf, rowsOfGroup, summarize, summarySentence, type GapRow } from '@/lib/gaps';
import type { CompetencyGroup } from '@/lib/cards/domain';
import { GapChart } from './GapChart';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

const level = (n: number | null) => (n === null ? null : `${n} ${proficiencyName(n)}`);

/** A competency's ratings as a small timeline: each dated rating, oldest first. */
export function RatingTimeline({ row }: { row: GapRow }) {
  if (row.history.length === 0) return <span className="text-base">Not rated</span>;
  return (
    <ol className="rating-timeline" aria-label={`Your ratings of ${row.competency}, oldest first`}>
      {row.history.map((r, i) => (
        <li key={`${r.ratedAt.toISOString()}-${i}`}>
          <time dateTime={r.ratedAt.toISOString()}>{dateFormat.format(r.ratedAt)}</time>: {r.level}
        </li>
      ))}
    </ol>
  );
}

/**
 * Every competency of the person's series with current against target, sorted by gap: a summary
 * sentence, the chart and the same data as a table. `readOnly` is the supervisor's shared view: no
 * rating links. The group filter is a GET form to `filterAction`, so it works without JavaScript.
 */
export function GapsView({
  rows,
  group,
  filterAction,
  readOnly = false,
  headingLevel = 2,
  subject = 'you',
}: {
  rows: readonly GapRow[];
  group: CompetencyGroup | null;
  filterAction: string;
  readOnly?: boolean;
  /** 3 where the view sits under a heading of its own (the shared view). */
  headingLevel?: 2 | 3;
  /** Who rated: the person, or the owner of a shared plan. */
  subject?: 'you' | 'they';
}) {
  const shown = rowsOfGroup(rows, group);
  const summary = summarySentence(summarize(shown), subject);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const groups = groupsOf(rows);
  return (
    <div className="gaps">
      <form method="get" action={filterAction} className="usa-form gaps-filter no-print">
        <label className="usa-label" htmlFor="gap-group">
          Competency group
        </label>
        <select className="usa-select" id="gap-group" name="group" defaultValue={group ?? ''}>
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
        <button type="submit" className="usa-button usa-button--outline">
          Show
        </button>
      </form>
      <Heading id="gap-summary-heading">{group ? `${group} competencies` : 'All competencies'}</Heading>
      <p id="gap-summary" data-gap-summary="">
        {summary}
      </p>
      {shown.length > 0 ? (
        <figure className="gap-figure">
          <GapChart rows={shown} labelledBy="gap-summary" title="Current proficiency (bar) against target (mark), on the 0 to 5 scale" />
          <figcaption>Bars: current proficiency, from your latest rating. Marks: the target level. The table below holds the same figures.</figcaption>
        </figure>
      ) : null}
      {shown.length > 0 ? (
        <div className="gap-table-container">
          <table className="gap-table" data-gap-table="">
            <caption>Current proficiency against target, largest gap first</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col">Group</th>
                <th scope="col">Current</th>
                <th scope="col">Target</th>
                <th scope="col">Gap</th>
                <th scope="col">History</th>
                <th scope="col">Courses</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr
                  key={row.competency}
                  data-competency={row.competency}
                  data-current={row.current ?? ''}
                  data-target={row.target ?? ''}
                  data-gap={row.gap ?? ''}
                >
                  <th scope="row" data-label="Competency">
                    {row.competency}
                  </th>
                  <td data-label="Group">{row.group}</td>
                  <td data-label="Current">
                    {level(row.current) ?? 'Not rated'}
                    {readOnly ? null : (
                      <>
                        {' · '}
                        <Link href={`/plan/rate/${row.slug}`} className="no-print">
                          Rate<span className="usa-sr-only"> {row.competency}</span>
                        </Link>
                      </>
                    )}
                  </td>
                  <td data-label="Target">
                    {row.card && row.target !== null ? (
                      <Link href={row.card.url}>
                        {level(row.target)}
                        <span className="usa-sr-only">: {row.card.title}</span>
                      </Link>
                    ) : (
                      'No card at this level'
                    )}
                  </td>
                  <td data-label="Gap">{row.gap === null ? '—' : row.gap === 0 ? 'Met' : `${row.gap} level${row.gap === 1 ? '' : 's'}`}</td>
                  <td data-label="History">
                    <RatingTimeline row={row} />
                  </td>
                  <td data-label="Courses">
                    {row.missing.length > 0 ? (
                      <ul className="usa-list usa-list--unstyled">
                        {row.missing.map((n) => (
                          <li key={n}>
                            <Link href={coursesFor(row, n)}>
                              Level {n} courses<span className="usa-sr-only"> for {row.competency}</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <Link href={coursesFor(row, null)}>
                        All courses<span className="usa-sr-only"> for {row.competency}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
