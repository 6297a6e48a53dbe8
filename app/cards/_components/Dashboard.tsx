'use client';

import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import type { CardSummary } from '@/lib/cards/summary';
import { applyFilter, competencyIndex, filterHref, parseFilter, selectedLevels, type FacetName, type Filter, type Notice } from '@/lib/filters';
import type { CardSearch } from '@/lib/search';
import { Facet } from './Facet';
import { dashboardView, type DashboardState } from '@/lib/dashboard';
import { NO_SELECTION, type Selection } from './ExportForm';
import { ResultList } from './ResultList';

export type { DashboardState } from '@/lib/dashboard';

const FILTER_KEYS = { series: 'series', level: 'levels', group: 'groups', competency: 'competencies' } as const;

/**
 * The card dashboard. Rendered on the server for the URL's filter (and usable as a plain GET form
 * without JavaScript); once the card data has loaded it filters in the browser and keeps the URL
 * in step, so links can be shared and back/forward work.
 */
export function Dashboard({
  initial,
  dataUrl,
  signedIn,
  bookmarks: initialBookmarks,
  clearHref,
}: {
  initial: DashboardState;
  dataUrl: string;
  signedIn: boolean;
  bookmarks: readonly string[];
  clearHref: string;
}) {
  const [bookmarks, setBookmarks] = useState<ReadonlySet<string>>(() => new Set(initialBookmarks));
  const [filter, setFilter] = useState<Filter>(initial.filter);
  const [notices, setNotices] = useState<readonly Notice[]>(initial.notices);
  const [cards, setCards] = useState<readonly CardSummary[] | null>(null);
  const [search, setSearch] = useState<CardSearch | null>(null);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const searchLoading = useRef(false);
  const [urlSync] = useState(() => new UrlSync());
  useEffect(() => {
    window.addEventListener('pagehide', urlSync.flush);
    return () => {
      window.removeEventListener('pagehide', urlSync.flush);
      urlSync.flush();
    };
  }, [urlSync]);

  useEffect(() => {
    let live = true;
    fetch(dataUrl)
      .then((r) => (r.ok ? (r.json() as Promise<CardSummary[]>) : Promise.reject(new Error(String(r.status)))))
      .then((data) => {
        if (live) setCards(data);
      })
      .catch(() => {
        // Without the data the form keeps working as a plain GET form.
      });
    return () => {
      live = false;
    };
  }, [dataUrl]);

  // The search index is built on first use of the text box.
  useEffect(() => {
    if (!cards || search || searchLoading.current || !filter.q) return;
    searchLoading.current = true;
    void import('@/lib/search').then(({ createCardSearch }) => setSearch(() => createCardSearch(cards)));
  }, [cards, search, filter.q]);

  useEffect(() => {
    const onPop = () => {
      urlSync.cancel();
      const params = new URLSearchParams(window.location.search);
      const parsed = parseFilter(params, cards ? competencyIndex(cards) : new Map(initial.facets.competency.map((c) => [c.value, c.label])));
      setFilter(parsed.filter);
      setNotices(parsed.notices);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [cards, initial.facets.competency, urlSync]);

  const live = cards !== null && (!filter.q || search !== null);
  const view: DashboardState = useMemo(() => {
    if (!live || !cards) return { ...initial, filter, notices };
    const result = applyFilter(cards, filter, search ?? undefined, bookmarks);
    return { ...dashboardView(filter, notices, result), results: result.results };
  }, [live, cards, filter, notices, search, initial, bookmarks]);

  const update = useCallback(
    (next: Filter, mode: 'push' | 'replace' = 'push', now = false) => {
      setFilter(next);
      setNotices([]);
      const href = filterHref(next) === '/cards' ? clearHref : filterHref(next);
      urlSync.schedule(href, mode === 'push');
      if (now) urlSync.flush();
    },
    [clearHref, urlSync],
  );

  // A stable callback (the facet options are memoised), reading the latest filter from a ref.
  const filterRef = useRef(filter);
  useLayoutEffect(() => {
    filterRef.current = filter;
  }, [filter]);
  const toggle = useCallback(
    (facet: FacetName, value: string, on: boolean) => {
      const current = filterRef.current;
      const key = FILTER_KEYS[facet];
      const selected: readonly string[] = current[key];
      const values = on ? [...selected, value] : selected.filter((v) => v !== value);
      update({ ...current, [key]: values, page: 1 });
    },
    [update],
  );

  // Results and their count update at once; the facet counts follow in a deferred render, so a
  // long competency list never holds up the answer to a click.
  const facets = useDeferredValue(view.facets);
  const selected = useMemo(
    () => ({
      series: new Set<string>(filter.series),
      level: new Set<string>(selectedLevels(filter)),
      group: new Set<string>(filter.groups),
      competency: new Set<string>(filter.competencies),
    }),
    [filter],
  );

  /** With the data loaded, links to another filter state are followed in place. */
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!cards || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    const url = new URL(event.currentTarget.href);
    event.preventDefault();
    const parsed = parseFilter(url.searchParams, competencyIndex(cards));
    update(parsed.filter, 'push', true);
    document.getElementById('results-heading')?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!cards) return; // plain GET without the data
    event.preventDefault();
  };

  return (
    <div className="grid-row grid-gap-lg">
      <div className="tablet:grid-col-4">
        <form
          method="get"
          action="/cards"
          className="usa-form dashboard-form"
          onSubmit={onSubmit}
          aria-label="Filter cards"
          data-live={live ? 'true' : 'false'}
        >
          <label className="usa-label" htmlFor="q">
            Search text
          </label>
          <span className="usa-hint" id="q-hint">
            Competency, description, behaviors, definitions, courses
          </span>
          <input
            className="usa-input"
            id="q"
            name="q"
            type="search"
            aria-describedby="q-hint"
            maxLength={200}
            value={filter.q}
            onChange={(e) => update({ ...filter, q: e.target.value, page: 1 }, 'replace')}
          />
          <label className="usa-label" htmlFor="grade">
            Your GS grade
          </label>
          <span className="usa-hint" id="grade-hint">
            1 to 15; selects the matching career level
          </span>
          <input
            className="usa-input usa-input--small"
            id="grade"
            name="grade"
            type="number"
            inputMode="numeric"
            min={1}
            max={15}
            aria-describedby="grade-hint"
            value={filter.grade ?? ''}
            onChange={(e) => {
              const n = Number(e.target.value);
              const grade = e.target.value === '' || !Number.isInteger(n) || n < 1 || n > 15 ? null : n;
              update({ ...filter, grade, page: 1 }, 'replace');
            }}
          />
          <Facet legend="Job series" name="series" values={facets.series} selected={selected.series} onToggle={toggle} />
          <Facet legend="Career level" name="level" values={facets.level} selected={selected.level} onToggle={toggle} />
          <Facet legend="Competency group" name="group" values={facets.group} selected={selected.group} onToggle={toggle} />
          <Facet legend="Competency" name="competency" values={facets.competency} selected={selected.competency} onToggle={toggle} scroll />
          {signedIn ? (
            <fieldset className="usa-fieldset facet">
              <legend className="usa-legend facet-legend">My plan</legend>
              <div className="usa-checkbox">
                <input
                  className="usa-checkbox__input"
                  id="bookmarked"
                  type="checkbox"
                  name="bookmarked"
                  value="1"
                  checked={filter.bookmarked}
                  onChange={(e) => update({ ...filter, bookmarked: e.target.checked, page: 1 })}
                />
                <label className="usa-checkbox__label" htmlFor="bookmarked">
                  Only cards in my plan ({bookmarks.size})
                </label>
              </div>
            </fieldset>
          ) : null}
          <button type="submit" className="usa-button">
            Apply filters
          </button>
        </form>
      </div>
      <div className="tablet:grid-col-8">
        <ResultList
          view={view}
          follow={follow}
          selection={{
            state: selection,
            onAll: (on) => setSelection(on ? { all: true, keys: new Set() } : NO_SELECTION),
            onClear: () => setSelection(NO_SELECTION),
            onRow: (key, on) =>
              setSelection((current) => {
                // Unticking one card of "all results" leaves every other result selected.
                const base = current.all ? (view.results ?? view.rows).map((r) => r.slug) : [...current.keys];
                const keys = new Set(base);
                if (on) keys.add(key);
                else keys.delete(key);
                return { all: false, keys };
              }),
          }}
          account={{
            signedIn,
            bookmarks,
            clearHref,
            returnTo: filterHref(filter),
            onBookmark: (permalink, on) =>
              setBookmarks((current) => {
                const next = new Set(current);
                if (on) next.add(permalink);
                else next.delete(permalink);
                return next;
              }),
          }}
        />
      </div>
    </div>
  );
}

/**
 * Keeps the URL in step with the filter a moment later. Next's history integration clones its
 * whole router state on every pushState (tens of milliseconds at 10,000 cards), so the URL update
 * stays off the path from a click to updated results, and a burst of changes makes one entry.
 */
class UrlSync {
  private pending: { href: string; push: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  schedule(href: string, push: boolean): void {
    this.pending = { href, push: push || (this.pending?.push ?? false) };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, 250);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  readonly flush = (): void => {
    const pending = this.pending;
    this.cancel();
    if (!pending || pending.href === `${window.location.pathname}${window.location.search}`) return;
    if (pending.push) window.history.pushState(null, '', pending.href);
    else window.history.replaceState(null, '', pending.href);
  };
}
