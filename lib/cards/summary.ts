import type { Card } from './card';
import type { CareerLevel, CompetencyGroup, SeriesCode } from './domain';

/** What the dashboard needs of a card: no body, plus one string of searchable text. */
export interface CardSummary {
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
  /** Description, behaviors, proficiency definitions and course titles, for full-text search. */
  readonly text: string;
}

export function summarise(card: Card): CardSummary {
  const text = [
    card.description,
    ...card.levels.flatMap((l) => [...l.behaviors, ...l.definitions]),
    ...card.ungrouped.behaviors,
    ...card.ungrouped.definitions,
    ...card.courses.map((c) => c.title),
  ].join(' \n');
  return {
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
