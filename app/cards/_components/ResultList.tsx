'use client';

import Link from 'next/link';
import type { MouseEvent } from 'react';
import { filterHref, PAGE_SIZE, selectedLevels, type Filter } from '@/lib/filters';
import { careerLevelForGrade } from '@/lib/grades';
import { BookmarkButton } from '@/components/BookmarkButton';
import type { DashboardState } from '@/lib/dashboard';
import { ExportForm, SelectCard, type Selection } from './ExportForm';

export type { ResultRow } from '@/lib/cards/summary';

interface Chip {
  readonly label: string;
  readonly without: Filter;
}

function chips(filter: Filter, competencyLabel: (slug: string) => string): Chip[] {
  const base = { ...filter, page: 1 };
  const out: Chip[] = [];
  for (const s of filter.series) out.push({ label: `Series ${s}`, without: { ...base, series: filter.series.filter((x) => x !== s) } });
  for (const l of filter.levels) out.push({ label: `${l} level`, without: { ...base, levels: filter.levels.filter((x) => x !== l) } });
  if (filter.grade !== null) out.push({ label: `GS ${filter.grade} (${careerLevelForGrade(filter.grade)})`, without: { ...base, grade: null } });
  for (const g of filter.groups) out.push({ label: `${g} group`, without: { ...base, groups: filter.groups.filter((x) => x !== g) } });
  for (const c of filter.competencies) {
    out.push({ label: competencyLabel(c), without: { ...base, competencies: filter.competencies.filter((x) => x !== c) } });
  }
  if (filter.q) out.push({ label: `Text: “${filter.q}”`, without: { ...base, q: '' } });
  if (filter.bookmarked) out.push({ label: 'Bookmarked', without: { ...base, bookmarked: false } });
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
  readonly onClear: () => void;
}

export function ResultList({
  view,
  follow,
  account,
  selection,
}: {
  view: DashboardState;
  follow: (e: MouseEvent<HTMLAnchorElement>) => void;
  account: Account;
  selection: SelectionControl;
}) {
  const { filter, total, rows, page, pageCount, notices } = view;
  const names = new Map(view.facets.competency.map((c) => [c.value, c.label]));
  const active = chips(filter, (slug) => names.get(slug) ?? slug);
  const levels = selectedLevels(filter);
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
        {levels.length > 0 && filter.grade !== null ? ` at ${levels.join(' or ')} level` : ''}
        {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}
      </p>
      {active.length > 0 ? (
        <ul className="filter-chips" aria-label="Active filters">
          {active.map((chip) => (
            <li key={chip.label}>
              <Link prefetch={false} className="usa-button usa-button--outline usa-button--small" href={filterHref(chip.without)} onClick={follow}>
                <span className="usa-sr-only">Remove filter </span>
                {chip.label} <span aria-hidden="true">×</span>
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
          <ol className="usa-list usa-list--unstyled result-list" start={(page - 1) * PAGE_SIZE + 1}>
            {rows.map((row) => {
              const key = row.slug;
              return (
                <li key={row.url} className="result-row">
                  <SelectCard
                    slug={key}
                    label={`${row.competency}, ${row.seriesCode} ${row.careerLevel}`}
                    checked={selection.state.all || selection.state.keys.has(key)}
                    onChange={(on) => selection.onRow(key, on)}
                  />
                  <div className="result-body">
                    <Link prefetch={false} href={row.url} className="result-title">
                      {row.competency}
                    </Link>
                    <span className="result-meta">
                      {row.seriesCode} {row.seriesTitle} · {row.careerLevel} ({row.gsLabel}) · {row.group}
                    </span>
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
      {pageCount > 1 ? <Pagination filter={filter} page={page} pageCount={pageCount} follow={follow} /> : null}
    </section>
  );
}

function Pagination({
  filter,
  page,
  pageCount,
  follow,
}: {
  filter: Filter;
  page: number;
  pageCount: number;
  follow: (e: MouseEvent<HTMLAnchorElement>) => void;
}) {
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="Result pages" className="usa-pagination">
      <ul className="usa-pagination__list">
        {page > 1 ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link
              prefetch={false}
              href={filterHref({ ...filter, page: page - 1 })}
              className="usa-pagination__link usa-pagination__previous-page"
              onClick={follow}
            >
              <span className="usa-pagination__link-text">Previous</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p} className="usa-pagination__item usa-pagination__page-no">
            {i > 0 && p - (pages[i - 1] ?? p) > 1 ? <span className="pagination-gap">…</span> : null}
            <Link
              prefetch={false}
              href={filterHref({ ...filter, page: p })}
              className={`usa-pagination__button${p === page ? ' usa-current' : ''}`}
              aria-label={`Page ${p}`}
              aria-current={p === page ? 'page' : undefined}
              onClick={follow}
            >
              {p}
            </Link>
          </li>
        ))}
        {page < pageCount ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link prefetch={false} href={filterHref({ ...filter, page: page + 1 })} className="usa-pagination__link usa-pagination__next-page" onClick={follow}>
              <span className="usa-pagination__link-text">Next</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
