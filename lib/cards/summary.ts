import type { Card } from './card';
import { listedOnly, type CardCourses } from './catalogue';
import type { CareerLevel, CompetencyGroup, SeriesCode } from './domain';

/** What the dashboard needs of a card: no body, plus one string of searchable text. */
export interface CardSummary {
  /** The card's key (lib/cards/identity.ts). */
  readonly slug: string;
  readonly url: string;
  readonly permalink: string;
  readonly title: string;
  readonly seriesCode: SeriesCode;
  readonly seriesTitle: string;
  readonly careerLevel: CareerLevel;
  readonly gsLabel: string;
  readonly group: CompetencyGroup;
  readonly competency: string;
  readonly competencySlug: string;
  /** What the card page shows, for full-text search: description, proficiency level names, behaviors, definitions, course titles and providers. */
  readonly text: string;
}

export function summarise(card: Card, courses: CardCourses = listedOnly(card)): CardSummary {
  const text = [
    card.description,
    ...card.levels.flatMap((l) => [`Level ${l.level} ${l.name}`, ...l.behaviors, ...l.definitions]),
    ...card.ungrouped.behaviors,
    ...card.ungrouped.definitions,
    ...courses.byLevel.flatMap((g) => g.courses.flatMap(({ course }) => [course.title, course.provider ?? ''])),
    ...courses.listed.flatMap((c) => [c.title, c.provider ?? '']),
  ]
    .filter(Boolean)
    .join(' \n');
  return {
    slug: card.slug,
    url: card.url,
    permalink: card.permalink,
    title: card.title,
    seriesCode: card.seriesCode,
    seriesTitle: card.seriesTitle,
    careerLevel: card.careerLevel,
    gsLabel: card.gsLabel,
    group: card.group,
    competency: card.competency,
    competencySlug: card.competencySlug,
    text,
  };
}

/** A dashboard result row: the summary without its search text. */
export type ResultRow = Omit<CardSummary, 'text' | 'competencySlug'>;

export function toRow({ text: _text, competencySlug: _slug, ...row }: CardSummary): ResultRow {
  return row;
}
