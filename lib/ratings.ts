import 'server-only';
/** Rating oneself: which competency a form names, and the scale a rating form shows for it. */
import { z } from 'zod';
import { getAllCards, type Card } from './cards';
import type { SeriesCode } from './cards/domain';
import { ratingScale, type ScaleLevel } from './rating-scale';

let bySlug: Map<string, string> | null = null;
/** The competency a slug names (as the cards name it), or undefined. */
export function competencyOfSlug(slug: string): string | undefined {
  bySlug ??= new Map(getAllCards().map((c) => [c.competencySlug, c.competency]));
  return bySlug.get(slug);
}

export const competencySlugField = z
  .string({ error: 'competency is required' })
  .max(200, { error: 'competency is too long' })
  .regex(/^[A-Za-z0-9-]+$/u, { error: 'competency must be a competency slug such as Customer-Service' });

export const ratingLevelField = z.coerce
  .number({ error: 'level must be a number from 1 to 5' })
  .int({ error: 'level must be a whole number from 1 to 5' })
  .min(1, { error: 'level must be from 1 to 5' })
  .max(5, { error: 'level must be from 1 to 5' });

/** The cards of one competency, the person's series first: where the scale's words come from. */
export function cardsOfCompetency(slug: string, series: SeriesCode | null): Card[] {
  const all = getAllCards().filter((c) => c.competencySlug === slug);
  const mine = series ? all.filter((c) => c.seriesCode === series) : [];
  return mine.length > 0 ? mine : all;
}

export function scaleOf(slug: string, series: SeriesCode | null): ScaleLevel[] {
  return ratingScale(cardsOfCompetency(slug, series));
}
