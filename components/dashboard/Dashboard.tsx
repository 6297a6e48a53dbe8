'use client';

import Link from 'next/link';
import { Suspense, useDeferredValue, useState, useSyncExternalStore, type FormEvent, type MouseEvent } from 'react';
import type { DashboardState } from '@/lib/dashboard';
import { filterHref } from '@/lib/filters';
import type { Me } from '@/lib/me';
import { FilterForm } from './FilterForm';
import { ResultList } from './ResultList';
import { UrlListener } from './UrlListener';
import { NO_SELECTION, useDashboard } from './useDashboard';

/** Below USWDS' tablet breakpoint the filters fold away. */
const NARROW = '(max-width: 39.99em)';
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

function focusResults() {
  document.getElementById('results-heading')?.focus();
}

/**
 * The card dashboard: the filters and the results. Prerendered (or rendered for a filtered address
 * without JavaScript) from `initial`; once the card data has loaded it filters in the browser and
 * keeps the address in step, and it follows the address on Back, Forward and links (useDashboard).
 */
export function Dashboard({ initial, dataUrl, initialMe = null }: { initial: DashboardState; dataUrl: string; initialMe?: Me | null }) {
  const m = useDashboard(initial, dataUrl, initialMe);
  const narrow = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  const [openOnNarrow, setOpenOnNarrow] = useState(false);
  // The competency list opened whole (`more=competency` in the address, or "Show all").
  const [competenciesOpen, setCompetenciesOpen] = useState(initial.folded?.open ?? false);
  const { view, filter } = m;
  // The facet counts (hundreds of checkboxes at 10,000 cards) follow one render behind: a click
  // shows its results and count first, then the counts catch up, interruptibly.
  const facets = useDeferredValue(view.facets);
  const signedIn = m.me?.signedIn ?? false;

  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    if (!m.follow(event.currentTarget.href)) return;
    event.preventDefault();
    focusResults();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!m.live) return; // a plain GET without the data
    event.preventDefault();
    m.flushAddress();
    setOpenOnNarrow(false);
    focusResults();
  };

  return (
    <>
      {m.defaulted ? (
        <p className="defaults-note" role="status">
          Showing your series and career level.{' '}
          <Link href="/cards?all=1" onClick={follow}>
            Show all cards
          </Link>
        </p>
      ) : null}
      <Suspense fallback={null}>
        <UrlListener onAddress={m.onAddress} />
      </Suspense>
      {/* A first touch, focus or key anywhere in the dashboard fetches the card data, so that it is
          there by the time a filter is changed (useDashboard). */}
      <div className="grid-row grid-gap-lg dashboard" onPointerDown={m.want} onFocus={m.want} onKeyDown={m.want}>
        <div className="tablet:grid-col-4 dashboard-filters">
          <FilterForm
            filter={filter}
            facets={facets}
            total={view.total}
            live={m.live}
            signedIn={signedIn}
            bookmarkCount={m.bookmarks.size}
            open={!narrow || openOnNarrow}
            onOpen={(open) => {
              if (narrow) setOpenOnNarrow(open);
            }}
            onSubmit={onSubmit}
            onChange={m.update}
            onToggle={m.toggle}
            competencyFold={{
              // A page from the server holds a preview; the card data, every competency.
              size: view.folded?.competency ?? facets.competency.length,
              open: competenciesOpen,
              live: m.live,
              onOpen: (open) => {
                if (open) m.want();
                setCompetenciesOpen(open);
              },
            }}
          />
        </div>
        <div className="tablet:grid-col-8 dashboard-results">
          <ResultList
            view={view}
            follow={follow}
            onChange={m.update}
            selection={{
              state: m.selection,
              onAll: (on) => m.setSelection(() => (on ? { all: true, keys: new Set() } : NO_SELECTION)),
              onClear: (only) =>
                m.setSelection((current) => (only ? { all: current.all, keys: new Set([...current.keys].filter((k) => !only.includes(k))) } : NO_SELECTION)),
              onRow: (key, on) =>
                m.setSelection((current) => {
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
              bookmarks: m.bookmarks,
              clearHref: m.clearHref,
              returnTo: filterHref(filter),
              onBookmark: m.setBookmarked,
            }}
          />
        </div>
      </div>
    </>
  );
}
