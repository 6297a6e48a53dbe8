/**
 * What an export request asks for: `format=pdf|csv` and the cards, named by `slug` (repeatable:
 * a card page's path after `/cards/`) or, with `select=all`, every card the dashboard's filter
 * parameters match. Pure: the route handler supplies the cards and the signed-in person's bookmarks.
 */
import type { Card } from '../cards/card';
import type { CardCourses } from '../cards/catalogue';
import { isSlug } from '../cards/identity';
import type { CardSummary } from '../cards/summary';
import { MAX_EXPORT, type ExportCard } from './fields';
import { applyFilter, competencyIndex, isFilterParam, parseFilterStrictly } from '../filters';
import { badRequest, notFound, unauthorized } from '../http/errors';
import type { CardSearch } from '../search';

const EXPORT_FORMATS = ['pdf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export's own parameters; the rest are the dashboard's filter parameters (lib/filters.ts). */
const OWN_PARAMS = new Set(['format', 'slug', 'select']);

export interface ExportSource {
  readonly summaries: () => readonly CardSummary[];
  readonly search: () => CardSearch;
  /** The card with this slug or page URL (lib/cards' one lookup). */
  readonly card: (ref: string) => Card | undefined;
  readonly courses: (card: Card) => CardCourses;
  /** The signed-in person's bookmarked permalinks, or null when nobody is signed in. */
  readonly bookmarks: () => Promise<ReadonlySet<string> | null>;
}

export function parseFormat(value: string | null): ExportFormat {
  if (value === null || value.trim() === '') throw badRequest('Choose a format: format=pdf or format=csv.');
  const format = EXPORT_FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format) throw badRequest(`“${value.slice(0, 40)}” is not an export format; use pdf or csv.`);
  return format;
}

const tooMany = (n: number) => badRequest(`${n} cards were selected; an export holds at most ${MAX_EXPORT}. Narrow the filter or select fewer cards.`);

export async function resolveExport(params: URLSearchParams, source: ExportSource): Promise<{ format: ExportFormat; cards: ExportCard[] }> {
  for (const key of new Set(params.keys())) {
    if (!OWN_PARAMS.has(key) && !isFilterParam(key)) throw badRequest(`The parameter “${key.slice(0, 40)}” is not one an export understands.`);
  }
  const withCourses = (card: Card): ExportCard => ({ card, courses: source.courses(card) });
  const format = parseFormat(params.get('format'));
  const select = params.getAll('select');
  if (select.some((s) => s !== 'all')) throw badRequest('select can only be “all” (every card the filter matches).');

  if (select.length > 0) {
    const filterParams = new URLSearchParams([...params].filter(([key]) => isFilterParam(key) && key !== 'page'));
    const filter = parseFilterStrictly(filterParams, competencyIndex(source.summaries()));
    let bookmarks: ReadonlySet<string> | undefined;
    if (filter.bookmarked) {
      const mine = await source.bookmarks();
      if (!mine) throw unauthorized();
      bookmarks = mine;
    }
    const { results } = applyFilter(source.summaries(), filter, filter.q ? source.search() : undefined, bookmarks);
    if (results.length === 0) throw badRequest('No cards match the filter; there is nothing to export.');
    if (results.length > MAX_EXPORT) throw tooMany(results.length);
    return {
      format,
      cards: results
        .map((r) => source.card(r.slug))
        .filter((c): c is Card => c !== undefined)
        .map(withCourses),
    };
  }

  const keys = [
    ...new Set(
      params
        .getAll('slug')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (keys.length === 0) throw badRequest('Select at least one card to export (slug=<card>, repeatable).');
  if (keys.length > MAX_EXPORT) throw tooMany(keys.length);
  const cards: ExportCard[] = [];
  const unknown: string[] = [];
  for (const key of keys) {
    const card = isSlug(key) ? source.card(key) : undefined;
    if (card) cards.push(withCourses(card));
    else unknown.push(key);
  }
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 3)
      .map((k) => `“${k.slice(0, 80)}”`)
      .join(', ');
    throw notFound(`No card has the slug ${shown}${unknown.length > 3 ? ` (and ${unknown.length - 3} more)` : ''}.`);
  }
  return { format, cards };
}
