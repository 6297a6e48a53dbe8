/** What the dashboard shows for a filter: one page of rows, the counts, the notices. Pure; the server page and the browser both build it here. */
import { toRow, type CardSummary, type ResultRow } from './cards/summary';
import { applyFilter, competencyIndex, paginate, parseFilter, type FacetName, type FacetValue, type Filter, type FilterResult, type Notice } from './filters';
import type { CardSearch } from './search';

export interface DashboardState {
  readonly filter: Filter;
  readonly notices: readonly Notice[];
  readonly facets: Record<FacetName, FacetValue[]>;
  readonly rows: readonly ResultRow[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  /** Every result (all pages), once the browser filters; used to turn "all" into a list. */
  readonly results?: readonly CardSummary[];
  /**
   * A page sent from the server lists only a preview of a long facet ({@link foldFacets}): here is
   * how many values the facet has, and whether the page asked for all of them (`more=competency`).
   */
  readonly folded?: { readonly competency: number; readonly open: boolean };
}

/** A facet with more values than this shows a preview first, and a button for the rest. */
export const FACET_FOLD_AT = 24;
/** How many values the preview of a folded facet lists (besides the chosen ones). */
export const FACET_PREVIEW = 12;

/**
 * The values a long facet shows before a person asks for all of them: the ones with the most
 * cards (ties: list order) and every chosen one, in list order. A short facet is shown whole.
 */
export function facetPreview(values: readonly FacetValue[], chosen: ReadonlySet<string> = new Set(), preview = FACET_PREVIEW): readonly FacetValue[] {
  if (values.length <= FACET_FOLD_AT) return values;
  // A stable sort keeps list order among equal counts.
  const top = new Set(
    values
      .filter((v) => v.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, preview)
      .map((v) => v.value),
  );
  return values.filter((v) => v.selected || chosen.has(v.value) || top.has(v.value));
}

/**
 * The state a server page sends: the competency facet cut to its preview unless the address asked
 * for all of it (`more=competency`). At 10,000 cards the whole facet is hundreds of checkboxes,
 * most of the page's weight, written twice (HTML and React's payload); the browser lists the rest
 * from the card data when a person opens the list.
 */
export function foldFacets(state: DashboardState, params: URLSearchParams): DashboardState {
  const all = state.facets.competency;
  const open = params.get('more') === 'competency';
  return {
    ...state,
    facets: { ...state.facets, competency: open ? all : [...facetPreview(all)] },
    folded: { competency: all.length, open },
  };
}

/** The page of `result` the filter asks for (clamped to the pages there are). */
export function dashboardView(filter: Filter, notices: readonly Notice[], result: FilterResult): DashboardState {
  const page = paginate(result.results, filter.page, filter.per);
  return {
    filter: { ...filter, page: page.page },
    notices,
    facets: result.facets,
    rows: page.items.map(toRow),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
  };
}

/**
 * What the dashboard shows for a URL query, from the cards in list order: the server page renders
 * it, the browser recomputes it as filters change, and the open-data API must agree with it.
 */
export function dashboardFor(
  params: URLSearchParams,
  cards: readonly CardSummary[],
  search?: CardSearch,
  bookmarks?: ReadonlySet<string>,
): DashboardState & { readonly results: readonly CardSummary[] } {
  const { filter, notices } = parseFilter(params, competencyIndex(cards));
  const result = applyFilter(cards, filter, filter.q ? search : undefined, bookmarks);
  return { ...dashboardView(filter, notices, result), results: result.results };
}
