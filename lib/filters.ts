/**
 * The dashboard's state and logic, pure: parse the URL's search parameters into a filter, apply
 * it to card summaries, and count each facet value. Used by the server page, the browser and the
 * open-data API alike, so all three agree.
 */
import {
  CAREER_LEVEL_GS,
  CAREER_LEVELS,
  COMPETENCY_GROUPS,
  formatGsRange,
  SERIES,
  SERIES_CODES,
  type CareerLevel,
  type CompetencyGroup,
  type SeriesCode,
} from './cards/domain';
import { compareCards } from './cards/collection';
import type { CardSummary } from './cards/summary';
import { careerLevelForGrade, isGsGrade, MAX_GRADE, MIN_GRADE } from './grades';
import { badRequest } from './http/errors';
import type { CardSearch } from './search';

export const PAGE_SIZE = 25;
/** The page sizes a person can choose (kept in the address as `per`). */
export const PAGE_SIZES = [10, 25, 50] as const;
/** Result orders (`sort`): relevance needs a text query; the default is relevance with one, else series. */
export const SORTS = ['relevance', 'series', 'level', 'competency'] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_QUERY_LENGTH = 200;

interface ParamSpec {
  readonly description: string;
  readonly repeatable: boolean;
  /** The values it takes, when they are a fixed list. */
  readonly values?: readonly string[];
  readonly type: 'string' | 'integer' | 'boolean';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  /** Only for a signed-in person (the dashboard and exports; not the open-data API). */
  readonly signedIn?: boolean;
  /** Not part of the open-data API's document (a dashboard switch). */
  readonly dashboardOnly?: boolean;
}

/**
 * Every URL parameter of the card filter, in one place: {@link parseFilter} (the dashboard, the
 * API, exports) reads these and no other, and the OpenAPI document describes them from here.
 */
export const FILTER_PARAMS = {
  series: { description: 'Job series (repeatable; values combine with OR).', repeatable: true, values: SERIES_CODES, type: 'string' },
  level: { description: 'Career level (repeatable).', repeatable: true, values: CAREER_LEVELS, type: 'string' },
  grade: {
    description: `A GS grade, ${MIN_GRADE}–${MAX_GRADE}: selects its career level.`,
    repeatable: false,
    type: 'integer',
    minimum: MIN_GRADE,
    maximum: MAX_GRADE,
  },
  group: { description: 'Competency group (repeatable).', repeatable: true, values: COMPETENCY_GROUPS, type: 'string' },
  competency: { description: 'Competency slug, as in `competencySlug` (repeatable).', repeatable: true, type: 'string' },
  q: {
    description: `Free text, ranked by relevance (at most ${MAX_QUERY_LENGTH} characters).`,
    repeatable: false,
    type: 'string',
    maxLength: MAX_QUERY_LENGTH,
  },
  bookmarked: { description: 'Only the cards in the signed-in person’s plan (1).', repeatable: false, type: 'boolean', signedIn: true },
  page: {
    description: `A page of results (\`per\` of them, ${PAGE_SIZE} unless given), as on the dashboard; without it, every match.`,
    repeatable: false,
    type: 'integer',
    minimum: 1,
  },
  per: { description: `Results per page: ${PAGE_SIZES.join(', ')}.`, repeatable: false, type: 'integer', values: PAGE_SIZES.map(String) },
  sort: {
    description: 'Result order: relevance (with q; the default then), series (the default otherwise: series, competency, career level), level or competency.',
    repeatable: false,
    type: 'string',
    values: SORTS,
  },
  all: { description: 'Show all cards: no signed-in defaults.', repeatable: false, type: 'boolean', dashboardOnly: true },
  more: {
    description: 'List every value of a long facet in the filter form (competency), not only its first ones.',
    repeatable: false,
    type: 'string',
    values: ['competency'],
    dashboardOnly: true,
  },
} as const satisfies Record<string, ParamSpec>;

export type FilterParam = keyof typeof FILTER_PARAMS;

export function isFilterParam(key: string): key is FilterParam {
  return Object.hasOwn(FILTER_PARAMS, key);
}

export interface Filter {
  readonly series: readonly SeriesCode[];
  readonly levels: readonly CareerLevel[];
  readonly groups: readonly CompetencyGroup[];
  /** Competency slugs. */
  readonly competencies: readonly string[];
  readonly q: string;
  readonly grade: number | null;
  /** Only the signed-in user's bookmarked cards. */
  readonly bookmarked: boolean;
  readonly page: number;
  /** Results per page. */
  readonly per: number;
  /** Null: the default (relevance with a text query, else series). */
  readonly sort: Sort | null;
}

export const EMPTY_FILTER: Filter = {
  series: [],
  levels: [],
  groups: [],
  competencies: [],
  q: '',
  grade: null,
  bookmarked: false,
  page: 1,
  per: PAGE_SIZE,
  sort: null,
};

/** The order results are in: the chosen one, else relevance with a text query, else series. */
export function effectiveSort(filter: Pick<Filter, 'q' | 'sort'>): Sort {
  if (filter.sort && (filter.sort !== 'relevance' || filter.q)) return filter.sort;
  return filter.q ? 'relevance' : 'series';
}

/** A parameter that was ignored, with a sentence saying why. */
export interface Notice {
  readonly param: string;
  readonly message: string;
}

export type FacetName = 'series' | 'level' | 'group' | 'competency';

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  readonly selected: boolean;
}

export interface FilterResult {
  /** Every matching card, ranked (text search) or sorted by series, competency, career level. */
  readonly results: CardSummary[];
  readonly facets: Record<FacetName, FacetValue[]>;
}

type Params = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function entries(params: Params): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) out.push([key, v]);
  }
  return out;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Reads `series`, `level`, `group`, `competency` (repeatable), `q`, `grade` and `page`.
 * Anything else, or a value that is not one of the known ones, is ignored with a notice.
 * `competencies` maps each known competency slug to its name.
 */
export function parseFilter(params: Params, competencies: ReadonlyMap<string, string>): { filter: Filter; notices: Notice[] } {
  const notices: Notice[] = [];
  const series = new Set<SeriesCode>();
  const levels = new Set<CareerLevel>();
  const groups = new Set<CompetencyGroup>();
  const comps = new Set<string>();
  let q = '';
  let grade: number | null = null;
  let bookmarked = false;
  let page = 1;
  let per: number = PAGE_SIZE;
  let sort: Sort | null = null;
  const seenSingle = new Set<string>();
  const single = (key: string): boolean => {
    if (seenSingle.has(key)) {
      notices.push({ param: key, message: `Only the first “${key}” is used; the others were ignored.` });
      return false;
    }
    seenSingle.add(key);
    return true;
  };

  for (const [key, raw] of entries(params)) {
    if (!isFilterParam(key)) {
      notices.push({ param: key, message: `The parameter “${clip(key)}” is not one the card list understands; it was ignored.` });
      continue;
    }
    const value = raw.trim();
    switch (key) {
      case 'series': {
        const code = /^0?(\d{3})$/u.exec(value)?.[1];
        const full = code ? `0${code}` : '';
        const known = SERIES_CODES.find((s) => s === full);
        if (known) series.add(known);
        else notices.push({ param: key, message: `“${clip(value)}” is not a job series we have (${SERIES_CODES.join(', ')}); it was ignored.` });
        break;
      }
      case 'level': {
        const known = CAREER_LEVELS.find((l) => l.toLowerCase() === value.toLowerCase());
        if (known) levels.add(known);
        else notices.push({ param: key, message: `“${clip(value)}” is not a career level (${CAREER_LEVELS.join(', ')}); it was ignored.` });
        break;
      }
      case 'group': {
        const known = COMPETENCY_GROUPS.find((g) => g.toLowerCase() === value.toLowerCase());
        if (known) groups.add(known);
        else notices.push({ param: key, message: `“${clip(value)}” is not a competency group (${COMPETENCY_GROUPS.join(', ')}); it was ignored.` });
        break;
      }
      case 'competency': {
        const known = [...competencies.keys()].find((slug) => slug.toLowerCase() === value.toLowerCase());
        if (known) comps.add(known);
        else notices.push({ param: key, message: `No card has the competency “${clip(value)}”; it was ignored.` });
        break;
      }
      case 'q': {
        if (!single(key)) break;
        if (value.length > MAX_QUERY_LENGTH) {
          notices.push({ param: key, message: `The search text was cut to its first ${MAX_QUERY_LENGTH} characters.` });
        }
        q = value.slice(0, MAX_QUERY_LENGTH);
        break;
      }
      case 'grade': {
        if (!single(key) || value === '') break;
        const n = /^\d{1,2}$/u.test(value) ? Number(value) : Number.NaN;
        if (isGsGrade(n)) grade = n;
        else notices.push({ param: key, message: `“${clip(value)}” is not a GS grade from ${MIN_GRADE} to ${MAX_GRADE}; it was ignored.` });
        break;
      }
      case 'bookmarked': {
        if (!single(key)) break;
        if (value === '1' || value === 'true') bookmarked = true;
        else if (value !== '' && value !== '0' && value !== 'false')
          notices.push({ param: key, message: `“${clip(value)}” is not 1 or 0; the bookmarked filter was ignored.` });
        break;
      }
      case 'all':
        // "Show all cards": an explicit empty filter (no signed-in defaults).
        break;
      case 'more':
        // How the filter form lists a long facet (lib/dashboard.ts, foldFacets), not a filter.
        if (single(key) && value !== 'competency' && value !== '')
          notices.push({ param: key, message: `“${clip(value)}” is not a list the filter form can open (competency); it was ignored.` });
        break;
      case 'page': {
        if (!single(key)) break;
        const n = /^\d{1,6}$/u.test(value) ? Number(value) : Number.NaN;
        if (n >= 1) page = n;
        else notices.push({ param: key, message: `“${clip(value)}” is not a page number; showing page 1.` });
        break;
      }
      case 'per': {
        if (!single(key) || value === '') break;
        const n = Number(value);
        if ((PAGE_SIZES as readonly number[]).includes(n) && /^\d+$/u.test(value)) per = n;
        else notices.push({ param: key, message: `“${clip(value)}” is not a page size (${PAGE_SIZES.join(', ')}); showing ${PAGE_SIZE} per page.` });
        break;
      }
      case 'sort': {
        if (!single(key) || value === '') break;
        const known = SORTS.find((s) => s === value.toLowerCase());
        if (known) sort = known;
        else notices.push({ param: key, message: `“${clip(value)}” is not an order (${SORTS.join(', ')}); the default order is used.` });
        break;
      }
      default: {
        const unhandled: never = key;
        throw new Error(`filter parameter ${String(unhandled)} is not handled`);
      }
    }
  }
  return {
    filter: { series: [...series], levels: [...levels], groups: [...groups], competencies: [...comps], q, grade, bookmarked, page, per, sort },
    notices,
  };
}

/** The canonical URL query of a filter (stable order; empty parts left out). */
export function filterToSearchParams(filter: Filter): URLSearchParams {
  const params = new URLSearchParams();
  for (const s of filter.series) params.append('series', s);
  for (const l of filter.levels) params.append('level', l);
  if (filter.grade !== null) params.set('grade', String(filter.grade));
  for (const g of filter.groups) params.append('group', g);
  for (const c of filter.competencies) params.append('competency', c);
  if (filter.q) params.set('q', filter.q);
  if (filter.bookmarked) params.set('bookmarked', '1');
  if (filter.sort) params.set('sort', filter.sort);
  if (filter.per !== PAGE_SIZE) params.set('per', String(filter.per));
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

export function filterHref(filter: Filter, path = '/cards'): string {
  const query = filterToSearchParams(filter).toString();
  return query ? `${path}?${query}` : path;
}

/** The career levels selected, counting the one a GS grade selects. */
export function selectedLevels(filter: Filter): CareerLevel[] {
  const levels = new Set(filter.levels);
  if (filter.grade !== null) levels.add(careerLevelForGrade(filter.grade));
  return CAREER_LEVELS.filter((l) => levels.has(l));
}

/** List order: the same as the card pages' (lib/cards/collection.ts). */
const compareSummaries: (a: CardSummary, b: CardSummary) => number = compareCards;

const FACETS: readonly FacetName[] = ['series', 'level', 'group', 'competency'];
const LEVEL_RANK: Record<CareerLevel, number> = { Entry: 0, Mid: 1, Senior: 2 };

function facetKey(card: CardSummary, facet: FacetName): string {
  switch (facet) {
    case 'series':
      return card.seriesCode;
    case 'level':
      return card.careerLevel;
    case 'group':
      return card.group;
    case 'competency':
      return card.competencySlug;
  }
}

/** Sorts summaries into list order (series, competency, career level); applyFilter keeps it. */
export function sortSummaries(cards: readonly CardSummary[]): CardSummary[] {
  return [...cards].sort(compareSummaries);
}

const competencyLists = new WeakMap<readonly CardSummary[], { value: string; label: string }[]>();

/** Every competency of a card list, sorted by name; computed once per list. */
function competencyValues(cards: readonly CardSummary[]): { value: string; label: string }[] {
  let list = competencyLists.get(cards);
  if (!list) {
    list = [...competencyIndex(cards).entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
    competencyLists.set(cards, list);
  }
  return list;
}

/**
 * Applies a filter: values within a facet combine with OR, facets with AND, and the text query
 * with AND. Each facet value's count is the number of cards it would yield given the other
 * facets' selections (and the text query), in one pass over the cards.
 *
 * `cards` must be in list order ({@link sortSummaries}; the server and /data/cards.json give them
 * so): results keep that order, or are ranked by relevance when there is a text query.
 */
export function applyFilter(cards: readonly CardSummary[], filter: Filter, search?: CardSearch, bookmarks?: ReadonlySet<string>): FilterResult {
  const selected: Record<FacetName, ReadonlySet<string>> = {
    series: new Set(filter.series),
    level: new Set(selectedLevels(filter)),
    group: new Set(filter.groups),
    competency: new Set(filter.competencies),
  };
  const scores = filter.q && search ? search(filter.q) : null;
  const counts: Record<FacetName, Map<string, number>> = {
    series: new Map(),
    level: new Map(),
    group: new Map(),
    competency: new Map(),
  };
  const results: CardSummary[] = [];
  const bump = (facet: FacetName, key: string) => counts[facet].set(key, (counts[facet].get(key) ?? 0) + 1);

  for (const card of cards) {
    if (scores && !scores.has(card.url)) continue;
    if (filter.bookmarked && !bookmarks?.has(card.permalink)) continue;
    let misses = 0;
    let missed: FacetName | null = null;
    for (const facet of FACETS) {
      const set = selected[facet];
      if (set.size > 0 && !set.has(facetKey(card, facet))) {
        misses++;
        missed = facet;
        if (misses > 1) break;
      }
    }
    if (misses === 0) {
      results.push(card);
      for (const facet of FACETS) bump(facet, facetKey(card, facet));
    } else if (misses === 1 && missed) {
      bump(missed, facetKey(card, missed));
    }
  }

  // Array.prototype.sort is stable: equal keys keep list order (series, competency, career level).
  const order = effectiveSort(filter);
  if (order === 'relevance' && scores) results.sort((a, b) => (scores.get(b.url) ?? 0) - (scores.get(a.url) ?? 0));
  else if (order === 'level') results.sort((a, b) => LEVEL_RANK[a.careerLevel] - LEVEL_RANK[b.careerLevel]);
  else if (order === 'competency') results.sort((a, b) => a.competency.localeCompare(b.competency, 'en'));

  const values = (facet: FacetName, list: readonly { value: string; label: string }[]): FacetValue[] =>
    list.map(({ value, label }) => ({ value, label, count: counts[facet].get(value) ?? 0, selected: selected[facet].has(value) }));

  return {
    results,
    facets: {
      series: values(
        'series',
        SERIES_CODES.map((code) => ({ value: code, label: `${code} ${SERIES[code]}` })),
      ),
      level: values(
        'level',
        CAREER_LEVELS.map((level) => ({ value: level, label: `${level} (${formatGsRange(CAREER_LEVEL_GS[level])})` })),
      ),
      group: values(
        'group',
        COMPETENCY_GROUPS.map((group) => ({ value: group, label: group })),
      ),
      competency: values('competency', competencyValues(cards)),
    },
  };
}

export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
}

export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  return { items: items.slice((current - 1) * size, current * size), page: current, pageCount, total: items.length };
}

/**
 * The filter for a script (the open-data API, exports): where the dashboard would show a notice
 * and carry on, a 400 with the notices' sentences.
 */
export function parseFilterStrictly(params: URLSearchParams, competencies: ReadonlyMap<string, string>): Filter {
  const { filter, notices } = parseFilter(params, competencies);
  if (notices.length > 0) throw badRequest(notices.map((n) => n.message).join(' '));
  return filter;
}

/** Competency slug → name, from the cards. */
export function competencyIndex(cards: readonly CardSummary[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const card of cards) if (!map.has(card.competencySlug)) map.set(card.competencySlug, card.competency);
  return map;
}
