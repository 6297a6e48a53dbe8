/**
 * The open-data API's cards: what `/api/cards`, `/api/cards.csv` and `/api/cards/<slug>` return.
 * The list takes the dashboard's URL parameters and runs the dashboard's own filter (lib/filters),
 * so both give the same cards in the same order. Pure; the schemas document the API (openapi.ts).
 */
import { z } from 'zod';
import type { Card } from '../cards/card';
import { CAREER_LEVELS, COMPETENCY_GROUPS, PROFICIENCY_LEVELS, SERIES_CODES } from '../cards/domain';
import type { CardSummary } from '../cards/summary';
import { compareHref } from '../compare';
import { exportKey } from '../export/fields';
import { applyFilter, competencyIndex, paginate, parseFilter, PAGE_SIZE, type Filter } from '../filters';
import { badRequest } from '../http';
import type { CardSearch } from '../search';

const seriesCode = z.enum(SERIES_CODES as [string, ...string[]]).describe('Job series code');
const careerLevel = z.enum(CAREER_LEVELS).describe('Career level');
const group = z.enum(COMPETENCY_GROUPS).describe('Competency group');

export const cardListItemSchema = z
  .object({
    slug: z.string().describe('The card in /api/cards/<slug> and /cards/export?slug=<slug>'),
    title: z.string(),
    permalink: z.string().describe('The permalink as written in the card file'),
    url: z.string().describe('Where the card page is served'),
    seriesCode,
    seriesTitle: z.string(),
    careerLevel,
    gsRange: z.string().describe('For example “GS 10–13”'),
    group,
    competency: z.string(),
    competencySlug: z.string(),
  })
  .meta({ id: 'CardListItem' });

export const cardListSchema = z
  .object({
    total: z.number().int().describe('How many cards match the filter'),
    page: z.number().int().nullable().describe('The page returned, when `page` was given; null for every match'),
    pageCount: z.number().int().nullable(),
    cards: z.array(cardListItemSchema),
  })
  .meta({ id: 'CardList' });

const proficiencySchema = z.object({
  level: z.number().int().min(1).max(5),
  name: z.enum(Object.values(PROFICIENCY_LEVELS) as [string, ...string[]]),
  behaviors: z.array(z.string()),
  definitions: z.array(z.string()),
});

export const cardSchema = cardListItemSchema
  .extend({
    designation: z.string().describe('Functional designation'),
    description: z.string(),
    proficiencyLevels: z.array(proficiencySchema),
    ungrouped: z.object({ behaviors: z.array(z.string()), definitions: z.array(z.string()) }).describe('Items not tied to a proficiency level'),
    courses: z.array(
      z.object({
        title: z.string(),
        provider: z.string().nullable(),
        number: z.number().int().nullable(),
        url: z.string().nullable().describe('An http(s) URL, or null'),
        comingSoon: z.boolean(),
      }),
    ),
    compareUrl: z.string().describe('The page comparing this competency at Entry, Mid and Senior'),
  })
  .meta({ id: 'Card' });

export const errorSchema = z.object({ error: z.string().describe('What was wrong, in a sentence') }).meta({ id: 'Error' });

export type CardListItem = z.infer<typeof cardListItemSchema>;
export type CardJson = z.infer<typeof cardSchema>;

type Listed = Pick<CardSummary, 'url' | 'permalink' | 'title' | 'seriesCode' | 'seriesTitle' | 'careerLevel' | 'gsLabel' | 'group' | 'competency' | 'competencySlug'>;

export function listItem(card: Listed): CardListItem {
  return {
    slug: exportKey(card),
    title: card.title,
    permalink: card.permalink,
    url: card.url,
    seriesCode: card.seriesCode,
    seriesTitle: card.seriesTitle,
    careerLevel: card.careerLevel,
    gsRange: card.gsLabel,
    group: card.group,
    competency: card.competency,
    competencySlug: card.competencySlug,
  };
}

export function cardJson(card: Card): CardJson {
  return {
    ...listItem(card),
    designation: card.designation,
    description: card.description,
    proficiencyLevels: card.levels.map((l) => ({ level: l.level, name: l.name, behaviors: l.behaviors, definitions: l.definitions })),
    ungrouped: card.ungrouped,
    courses: card.courses.map((c) => ({ title: c.title, provider: c.provider, number: c.number, url: c.url, comingSoon: c.comingSoon })),
    compareUrl: compareHref(card),
  };
}

/** The dashboard's parameters as a filter; where the dashboard would show a notice and carry on, a 400 with the notices' sentences. */
export function parseFilterStrictly(params: URLSearchParams, summaries: readonly CardSummary[]): Filter {
  const { filter, notices } = parseFilter(params, competencyIndex(summaries));
  if (notices.length > 0) throw badRequest(notices.map((n) => n.message).join(' '));
  return filter;
}

/** The public API has no signed-in person: "only my plan" is the dashboard's alone. */
const API_PARAMS = new Set(['series', 'level', 'group', 'competency', 'q', 'grade', 'all', 'page']);

/**
 * The cards the dashboard shows for these URL parameters, in its order: every match, or one page
 * of {@link PAGE_SIZE} when `page` is given. A parameter the dashboard would ignore with a notice
 * is a 400 here (a script should hear about its mistake).
 */
export function selectCards(
  params: URLSearchParams,
  summaries: readonly CardSummary[],
  search: () => CardSearch,
): { total: number; page: number | null; pageCount: number | null; cards: CardSummary[] } {
  for (const key of new Set(params.keys())) {
    if (key === 'bookmarked') throw badRequest('“bookmarked” needs a signed-in person; the open-data API has none.');
    if (!API_PARAMS.has(key)) throw badRequest(`The parameter “${key.slice(0, 40)}” is not one /api/cards understands (${[...API_PARAMS].join(', ')}).`);
  }
  const filter = parseFilterStrictly(params, summaries);
  const { results } = applyFilter(summaries, filter, filter.q ? search() : undefined);
  if (!params.has('page')) return { total: results.length, page: null, pageCount: null, cards: results };
  const page = paginate(results, filter.page, PAGE_SIZE);
  if (filter.page > page.pageCount) throw badRequest(`There are ${page.pageCount} page(s) of results; page ${filter.page} does not exist.`);
  return { total: page.total, page: page.page, pageCount: page.pageCount, cards: page.items };
}
