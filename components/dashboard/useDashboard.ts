'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CardSummary } from '@/lib/cards/summary';
import { dashboardView, type DashboardState } from '@/lib/dashboard';
import { applyFilter, competencyIndex, EMPTY_FILTER, filterHref, parseFilter, type FacetName, type Filter, type Notice } from '@/lib/filters';
import { loadMe, type Me } from '@/lib/me';
import type { CardSearch } from '@/lib/search';

/** The cards chosen for export: every result of the filter (`all`), or these slugs. */
export interface Selection {
  readonly all: boolean;
  readonly keys: ReadonlySet<string>;
}

export const NO_SELECTION: Selection = { all: false, keys: new Set() };

const FILTER_KEYS = { series: 'series', level: 'levels', group: 'groups', competency: 'competencies' } as const;

/**
 * Keeps the address in step with the filter a moment later. Next's history integration clones its
 * whole router state on every pushState (tens of milliseconds at 10,000 cards), so the address
 * update stays off the path from a click to updated results, and a burst of changes makes one entry.
 */
class UrlSync {
  private pending: { href: string; push: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The query this page last wrote or saw (so the address listener can tell our writes from navigation). */
  written: string | null = null;
  /**
   * Queries written to the address whose echo (Next's search params catching up, which may come a
   * render later) has not been heard yet: an echo of an older write is not a navigation, even when
   * the filter has moved on since (a second click within that render).
   */
  private echoes: string[] = [];

  /** True, once, for the echo of a write of this page. */
  isEcho(query: string): boolean {
    const index = this.echoes.indexOf(query);
    if (index === -1) return false;
    this.echoes.splice(0, index + 1);
    return true;
  }

  remember(query: string): void {
    this.written = query;
  }

  schedule(href: string, push: boolean): void {
    this.pending = { href, push: push || (this.pending?.push ?? false) };
    this.written = new URL(href, 'http://x').search.slice(1);
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
    this.echoes = [...this.echoes.slice(-9), new URL(pending.href, window.location.href).search.slice(1)];
    if (pending.push) window.history.pushState(null, '', pending.href);
    else window.history.replaceState(null, '', pending.href);
  };
}

export interface DashboardModel {
  readonly view: DashboardState;
  readonly filter: Filter;
  /** The card data has loaded: filters apply in the browser, without a round trip. */
  readonly live: boolean;
  /**
   * Asks for the card data (a person reaches for the filters or the results). Until then the page
   * is the prerendered one: nothing is downloaded or parsed for a visit that only reads it.
   */
  want(): void;
  readonly me: Me | null;
  readonly bookmarks: ReadonlySet<string>;
  /** The person's own series and grade were applied (nothing in the address asked otherwise). */
  readonly defaulted: boolean;
  /** Where "Clear all" leads: `/cards?all=1` for someone whose defaults would apply again. */
  readonly clearHref: string;
  readonly selection: Selection;
  update(next: Filter, mode?: 'push' | 'replace'): void;
  toggle(facet: FacetName, value: string, on: boolean): void;
  /** Follows a link to another filter state in place (once the data has loaded). */
  follow(href: string): boolean;
  /** Called with the address' query whenever it changes (Back, Forward, a link, the first render). */
  onAddress(query: string): void;
  flushAddress(): void;
  setSelection(update: (current: Selection) => Selection): void;
  setBookmarked(permalink: string, on: boolean): void;
}

/**
 * The dashboard's state, in one place: the filter (which always follows the address), the card
 * data and search index loaded after the page, the signed-in person (defaults, bookmarks), and the
 * export selection. The parts that show it are presentational.
 */
export function useDashboard(initial: DashboardState, dataUrl: string, initialMe: Me | null = null): DashboardModel {
  const [filter, setFilter] = useState<Filter>(initial.filter);
  const [notices, setNotices] = useState<readonly Notice[]>(initial.notices);
  const [cards, setCards] = useState<readonly CardSummary[] | null>(null);
  // The card data is fetched when it is needed: an address with a filter, the person's defaults,
  // or a first touch, focus or key in the dashboard. At 10,000 cards it is 10 MB of JSON, whose
  // download and parse a phone should not pay for reading the first page of results.
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => setWanted(true), []);
  const [search, setSearch] = useState<CardSearch | null>(null);
  const [me, setMe] = useState<Me | null>(initialMe);
  const [bookmarks, setBookmarks] = useState<ReadonlySet<string>>(() => new Set(initialMe?.bookmarks ?? []));
  const [defaulted, setDefaulted] = useState(false);
  const [selection, setSelectionState] = useState<Selection>(NO_SELECTION);
  const [sync] = useState(() => new UrlSync());
  const searchLoading = useRef(false);
  /** The person changed the filter on this page: their defaults must not override it. */
  const touched = useRef(false);
  const filterRef = useRef(filter);
  useEffect(() => {
    filterRef.current = filter;
  }, [filter]);

  const competencies = useMemo(
    () => (cards ? competencyIndex(cards) : new Map(initial.facets.competency.map((c) => [c.value, c.label]))),
    [cards, initial.facets.competency],
  );
  const clearHref = me?.profile ? '/cards?all=1' : '/cards';

  const update = useCallback(
    (next: Filter, mode: 'push' | 'replace' = 'push') => {
      touched.current = true;
      setWanted(true);
      setFilter(next);
      setNotices([]);
      setDefaulted(false);
      const href = filterHref(next);
      sync.schedule(href === '/cards' ? clearHref : href, mode === 'push');
    },
    [sync, clearHref],
  );

  useEffect(() => {
    window.addEventListener('pagehide', sync.flush);
    return () => {
      window.removeEventListener('pagehide', sync.flush);
      sync.flush();
    };
  }, [sync]);

  // The card data, once wanted: until it arrives the form works as a plain GET form.
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    fetch(dataUrl)
      .then((r) => (r.ok ? (r.json() as Promise<CardSummary[]>) : Promise.reject(new Error(String(r.status)))))
      .then((data) => {
        if (live) setCards(data);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dataUrl, wanted]);

  // The search index is built on first use of the text box.
  useEffect(() => {
    if (!cards || search || searchLoading.current || !filter.q) return;
    searchLoading.current = true;
    void import('@/lib/search').then(({ createCardSearch }) => setSearch(() => createCardSearch(cards)));
  }, [cards, search, filter.q]);

  // The person's own series and grade, as defaults when the address asks for nothing else: applied
  // once both the person and the address are known, whichever arrives last.
  const meRef = useRef<Me | null>(initialMe);
  const addressRef = useRef<string | null>(null);
  const defaultsDone = useRef(false);
  const maybeDefaults = useCallback(() => {
    const profile = meRef.current?.profile;
    if (!profile || addressRef.current !== '' || touched.current || defaultsDone.current) return;
    defaultsDone.current = true;
    setWanted(true);
    const defaults: Filter = { ...EMPTY_FILTER, series: [profile.series], grade: profile.grade };
    setFilter(defaults);
    setNotices([]);
    setDefaulted(true);
    sync.schedule(filterHref(defaults), false);
    sync.flush();
  }, [sync]);

  useEffect(() => {
    let live = true;
    void loadMe().then((person) => {
      if (!live) return;
      meRef.current = person;
      setMe(person);
      setBookmarks(new Set(person.bookmarks ?? []));
      maybeDefaults();
    });
    return () => {
      live = false;
    };
  }, [maybeDefaults]);

  const onAddress = useCallback(
    (query: string) => {
      addressRef.current = query;
      if (query !== '') setWanted(true);
      // (isEcho first: hearing a write's echo forgets it and every older one.)
      if (sync.isEcho(query) || query === sync.written) return;
      if (sync.written !== null) touched.current = true;
      sync.cancel();
      sync.remember(query);
      const params = new URLSearchParams(query);
      // Before the card data has loaded the page knows only the competencies it lists (a preview of
      // a long list): one it does not list, in an address this page made or the server checked, is
      // taken as it is.
      const known = cards ? competencies : new Map([...params.getAll('competency').map((c): [string, string] => [c, c]), ...competencies]);
      const parsed = parseFilter(params, known);
      setFilter(parsed.filter);
      setNotices(parsed.notices);
      setDefaulted(false);
      maybeDefaults();
    },
    [sync, cards, competencies, maybeDefaults],
  );

  const live = cards !== null && (!filter.q || search !== null);
  const view: DashboardState = useMemo(() => {
    if (!live || !cards) return { ...initial, filter, notices };
    const result = applyFilter(cards, filter, search ?? undefined, bookmarks);
    return { ...dashboardView(filter, notices, result), results: result.results };
  }, [live, cards, filter, notices, search, initial, bookmarks]);

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

  const follow = (href: string): boolean => {
    if (!cards) return false;
    const url = new URL(href, window.location.href);
    const parsed = parseFilter(url.searchParams, competencies);
    update(parsed.filter, 'push');
    sync.flush();
    return true;
  };

  return {
    view,
    filter,
    live,
    want,
    me,
    bookmarks,
    defaulted,
    clearHref,
    selection,
    update,
    toggle,
    follow,
    onAddress,
    flushAddress: sync.flush,
    setSelection: setSelectionState,
    setBookmarked: (permalink, on) =>
      setBookmarks((current) => {
        const next = new Set(current);
        if (on) next.add(permalink);
        else next.delete(permalink);
        return next;
      }),
  };
}
