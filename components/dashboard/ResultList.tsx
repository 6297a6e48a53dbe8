'use client';

import Link from 'next/link';
import type { MouseEvent } from 'react';
import { BookmarkButton } from '@/components/BookmarkButton';
import { Pagination } from '@/components/Pagination';
import type { DashboardState } from '@/lib/dashboard';
import { careerLevelForGrade } from '@/lib/grades';
import { effectiveSort, filterHref, PAGE_SIZE, PAGE_SIZES, type FacetName, type FacetValue, type Filter, type Sort } from '@/lib/filters';
import { ExportForm, SelectCard } from './ExportForm';
import { FILTER_FORM_ID } from './FilterForm';
import type { Selection } from './useDashboard';

interface Chip {
  readonly label: string;
  /** How many cards the value has, given the other filters (the facet's count). */
  readonly count: number | null;
  readonly without: Filter;
}

function chips(filter: Filter, facets: Record<FacetName, FacetValue[]>): Chip[] {
  const base = { ...filter, page: 1 };
  const count = (facet: FacetName, value: string) => facets[facet].find((v) => v.value === value)?.count ?? null;
  const label = (facet: FacetName, value: string) => facets[facet].find((v) => v.value === value)?.label ?? value;
  const out: Chip[] = [];
  for (const s of filter.series)
    out.push({ label: `Series ${s}`, count: count('series', s), without: { ...base, series: filter.series.filter((x) => x !== s) } });
  for (const l of filter.levels)
    out.push({ label: `${l} level`, count: count('level', l), without: { ...base, levels: filter.levels.filter((x) => x !== l) } });
  if (filter.grade !== null) {
    const level = careerLevelForGrade(filter.grade);
    out.push({
      label: `GS ${filter.grade} (${filter.grade < 7 ? `below the card levels; ${level}` : level})`,
      count: count('level', level),
      without: { ...base, grade: null },
    });
  }
  for (const g of filter.groups)
    out.push({ label: `${g} group`, count: count('group', g), without: { ...base, groups: filter.groups.filter((x) => x !== g) } });
  for (const c of filter.competencies) {
    out.push({ label: label('competency', c), count: count('competency', c), without: { ...base, competencies: filter.competencies.filter((x) => x !== c) } });
  }
  if (filter.q) out.push({ label: `Text: “${filter.q}”`, count: null, without: { ...base, q: '' } });
  if (filter.bookmarked) out.push({ label: 'In my plan', count: null, without: { ...base, bookmarked: false } });
  return out;
}

export interface Account {
  readonly signedIn: boolean;
  readonly bookmarks: ReadonlySet<string>;
  readonly onBookmark: (permalink: string, on: boolean) => void;
  readonly returnTo: string;
  readonly clearHref: string;
}

export interface SelectionControl {
  readonly state: Selection;
  readonly onRow: (key: string, on: boolean) => void;
  readonly onAll: (on: boolean) => void;
  readonly onClear: (only?: readonly string[]) => void;
}

const SORT_LABELS: Record<Sort, string> = { relevance: 'Relevance', series: 'Series', level: 'Career level', competency: 'Competency' };

/** Results: notices, the count (always with its page), chips, order and page size, the export form, the rows and the pages. */
export function ResultList({
  view,
  follow,
  onChange,
  account,
  selection,
}: {
  view: DashboardState;
  follow: (e: MouseEvent<HTMLAnchorElement>) => void;
  onChange: (next: Filter) => void;
  account: Account;
  selection: SelectionControl;
}) {
  const { filter, total, rows, page, pageCount, notices } = view;
  const active = chips(filter, view.facets);
  const order = effectiveSort(filter);
  const sorts = (filter.q ? (['relevance', 'series', 'level', 'competency'] as const) : (['series', 'level', 'competency'] as const)) satisfies readonly Sort[];
  return (
    <section aria-labelledby="results-heading">
      {notices.length > 0 ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim notice" role="alert">
          <div className="usa-alert__body">
            <ul className="usa-alert__text usa-list--unstyled">
              {notices.map((n, i) => (
                <li key={i}>{n.message}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <h2 id="results-heading" className="results-heading" tabIndex={-1}>
        Results
      </h2>
      <p role="status" aria-live="polite" aria-atomic="true" className="result-count" id="result-count">
        {total === 1 ? '1 card' : `${total} cards`}
        {filter.grade !== null ? ` at ${careerLevelForGrade(filter.grade)} level` : ''}, page {page} of {pageCount}
      </p>
      {active.length > 0 ? (
        <ul className="filter-chips" aria-label="Active filters">
          {active.map((chip) => (
            <li key={chip.label}>
              <Link prefetch={false} className="usa-button usa-button--outline usa-button--small" href={filterHref(chip.without)} onClick={follow}>
                <span className="usa-sr-only">Remove filter </span>
                {chip.label}
                {chip.count === null ? '' : ` (${chip.count})`} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
          <li>
            <Link prefetch={false} className="usa-button usa-button--unstyled" href={account.clearHref} onClick={follow}>
              Clear all
            </Link>
          </li>
        </ul>
      ) : null}
      <div className="result-controls">
        <div className="result-control">
          <label className="usa-label" htmlFor="sort">
            Sort by
          </label>
          <select
            className="usa-select"
            id="sort"
            name="sort"
            form={FILTER_FORM_ID}
            value={filter.sort ?? ''}
            onChange={(e) => onChange({ ...filter, sort: sorts.find((s) => s === e.target.value) ?? null, page: 1 })}
          >
            {sorts.map((s) => (
              // The default order's value is empty: a plain form leaves it out of the address.
              <option key={s} value={filter.sort === null && s === order ? '' : s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="result-control">
          <label className="usa-label" htmlFor="per">
            Per page
          </label>
          <select
            className="usa-select"
            id="per"
            name="per"
            form={FILTER_FORM_ID}
            value={filter.per === PAGE_SIZE ? '' : filter.per}
            onChange={(e) => onChange({ ...filter, per: Number(e.target.value) || PAGE_SIZE, page: 1 })}
          >
            {PAGE_SIZES.map((n) => (
              // The default size's value is empty: a plain form leaves it out of the address.
              <option key={n} value={n === PAGE_SIZE ? '' : n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      {rows.length === 0 ? (
        <div className="usa-alert usa-alert--info" role="region" aria-label="No results">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">No cards match</h3>
            <p className="usa-alert__text">
              {active.length > 0 ? 'Remove a filter above, ' : ''}
              {filter.q ? 'try fewer or shorter words, ' : ''}
              or{' '}
              <Link prefetch={false} href={account.clearHref} onClick={follow}>
                see all cards
              </Link>
              .
            </p>
          </div>
        </div>
      ) : (
        <>
          <ExportForm
            filter={filter}
            total={total}
            visibleKeys={rows.map((r) => r.slug)}
            selection={selection.state}
            onSelectAll={selection.onAll}
            onClear={selection.onClear}
          />
          <ol className="usa-list usa-list--unstyled result-list" start={(page - 1) * filter.per + 1}>
            {rows.map((row) => {
              const key = row.slug;
              return (
                <li key={row.url} className="result-row">
                  <SelectCard
                    slug={key}
                    label={row.title}
                    checked={selection.state.all || selection.state.keys.has(key)}
                    onChange={(on) => selection.onRow(key, on)}
                  />
                  <div className="result-body">
                    <Link prefetch={false} href={row.url} className="result-title">
                      {row.competency}
                      {/* One string each: React separates adjacent text with comments, 25 rows × several. */}
                      <span className="result-title__card">{` — ${row.seriesCode} ${row.careerLevel}`}</span>
                    </Link>
                    <span className="result-meta">{`${row.seriesCode} ${row.seriesTitle} · ${row.careerLevel} (${row.gsLabel}) · ${row.group}`}</span>
                    <BookmarkButton
                      permalink={row.permalink}
                      title={row.title}
                      returnTo={account.returnTo}
                      initial={{ signedIn: account.signedIn, bookmarked: account.bookmarks.has(row.permalink) }}
                      onChange={(on) => account.onBookmark(row.permalink, on)}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => filterHref({ ...filter, page: p })} onClick={follow} />
    </section>
  );
}
