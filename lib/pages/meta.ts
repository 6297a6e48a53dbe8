/** Titles and descriptions of the content pages, shared by their static files and their Next routes. */
import type { Comparison } from '../compare';

export const SITE = 'FM Career Roadmap';

/** At most 160 characters, cut at a word. */
export function metaDescription(text: string): string {
  return text.length <= 160 ? text : `${text.slice(0, 157).replace(/\s+\S*$/u, '')}…`;
}

export function compareTitle(c: Pick<Comparison, 'competency' | 'seriesCode' | 'seriesTitle'>): string {
  return `${c.competency}: compare career levels, ${c.seriesCode} ${c.seriesTitle}`;
}

export function compareDescription(c: Pick<Comparison, 'competency' | 'seriesCode'>): string {
  return `The ${c.competency} competency of job series ${c.seriesCode} at Entry, Mid and Senior level, proficiency level by proficiency level.`;
}

/** The title and robots of the 404 page, also for a route that finds nothing (its own metadata would be empty). */
export const NOT_FOUND_METADATA = { title: 'Page not found', robots: { index: false } } as const;
