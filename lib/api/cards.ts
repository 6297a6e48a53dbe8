/**
 * The open-data API's cards: what `/api/cards`, `/api/cards.csv` and `/api/cards/<slug>` return.
 * The list takes the dashboard's URL parameters and runs the dashboard's own filter (lib/filters),
 * so both give the same cards in the same order. Pure; the schemas document the API (openapi.ts).
 */
import { z } from 'zod';
import type { Card } from '../cards/card';
import { durationLabel, type CardCourses } from '../cards/catalogue';
import { CAREER_LEVELS, COMPETENCY_GROUPS, PROFICIENCY_LEVELS, SERIES_CODES } from '../cards/domain';
import { compareHref } from '../cards/identity';
import type { CardSummary } from '../cards/summary';
import { applyFilter, competencyIndex, FILTER_PARAMS, isFilterParam, paginate, parseFilterStrictly } from '../filters';
import { badRequest } from '../http/errors';
import type { CardSearch } from '../search';

const seriesCode = z.enum(SERIES_CODES as [string, ...string[]]).describe('Job series code');
const careerLevel = z.enum(CAREER_LEVELS).describe('Career level');
const group = z.enum(COMPETENCY_GROUPS).describe('Competency group');

const cardListItemSchema = z
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
    courses: z
      .array(
        z.object({
          title: z.string(),
          provider: z.string().nullable(),
          url: z.string().nullable().describe('An http(s) URL, or null'),
          levels: z
            .array(z.number().int().min(1).max(5))
            .describe('The card’s proficiency levels the course serves; empty for a course the card file lists itself'),
          modality: z.string().nullable(),
          duration: z.string().nullable().describe('For example “2 days”'),
          price: z.number().int().nullable().describe('Whole US dollars; 0 is free; null when not listed'),
          creditType: z.string().nullable(),
          comingSoon: z.boolean(),
        }),
      )
      .describe('The catalogue’s courses for the card’s competency at its proficiency levels (lowest level first), then the ones the card file lists itself'),
    compareUrl: z.string().describe('The page comparing this competency at Entry, Mid and Senior'),
  })
  .meta({ id: 'Card' });

export const errorSchema = z.object({ error: z.string().describe('What was wrong, in a sentence') }).meta({ id: 'Error' });

export type CardListItem = z.infer<typeof cardListItemSchema>;
export type CardJson = z.infer<typeof cardSchema>;

type Listed = Pick<
  CardSummary,
  'slug' | 'url' | 'permalink' | 'title' | 'seriesCode' | 'seriesTitle' | 'careerLevel' | 'gsLabel' | 'group' | 'competency' | 'competencySlug'
>;

export function listItem(card: Listed): CardListItem {
  return {
    slug: card.slug,
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

export function cardJson(card: Card, courses: CardCourses): CardJson {
  return {
    ...listItem(card),
    designation: card.designation,
    description: card.description,
    proficiencyLevels: card.levels.map((l) => ({ level: l.level, name: l.name, behaviors: l.behaviors, definitions: l.definitions })),
    ungrouped: card.ungrouped,
    courses: [
      ...courses.byLevel.flatMap((g) =>
        g.courses.map(({ course, alsoLevels }) => ({
          title: course.title,
          provider: course.provider ?? null,
          url: course.url,
          levels: [g.level, ...alsoLevels],
          modality: course.modality ?? null,
          duration: course.duration ? durationLabel(course.duration) : null,
          price: course.price ?? null,
          creditType: course.creditType ?? null,
          comingSoon: false,
        })),
      ),
      ...courses.listed.map((c) => ({
        title: c.title,
        provider: c.provider ?? null,
        url: c.url ?? null,
        levels: [],
        modality: null,
        duration: null,
        price: null,
        creditType: null,
        comingSoon: c.comingSoon,
      })),
    ],
    compareUrl: compareHref(card),
  };
}

/** The parameters the open-data API takes: the dashboard's, less the signed-in person's. */
const API_PARAMS: readonly string[] = Object.entries(FILTER_PARAMS)
  .filter(([, spec]) => !('signedIn' in spec))
  .map(([key]) => key);

/**
 * The cards the dashboard shows for these URL parameters, in its order: every match, or one page
 * of `per` (25 unless given) when `page` is given. A parameter the dashboard would ignore with a notice
 * is a 400 here (a script should hear about its mistake).
 */
export function selectCards(
  params: URLSearchParams,
  summaries: readonly CardSummary[],
  search: () => CardSearch,
): { total: number; page: number | null; pageCount: number | null; cards: CardSummary[] } {
  for (const key of new Set(params.keys())) {
    if (isFilterParam(key) && 'signedIn' in FILTER_PARAMS[key]) throw badRequest(`“${key}” needs a signed-in person; the open-data API has none.`);
    if (!isFilterParam(key)) throw badRequest(`The parameter “${key.slice(0, 40)}” is not one /api/cards understands (${API_PARAMS.join(', ')}).`);
  }
  const filter = parseFilterStrictly(params, competencyIndex(summaries));
  const { results } = applyFilter(summaries, filter, filter.q ? search() : undefined);
  if (!params.has('page')) return { total: results.length, page: null, pageCount: null, cards: results };
  const page = paginate(results, filter.page, filter.per);
  if (filter.page > page.pageCount) throw badRequest(`There are ${page.pageCount} page(s) of results; page ${filter.page} does not exist.`);
  return { total: page.total, page: page.page, pageCount: page.pageCount, cards: page.items };
}
