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
