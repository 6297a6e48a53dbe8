/**
 * A card as the exports write it: the same words in the PDF and the CSV. Pure.
 */
import type { Card } from '../cards/card';
import { PROFICIENCY_LEVELS } from '../cards/domain';
import type { Course } from '../cards/courses';

/** The most cards one export holds. */
export const MAX_EXPORT = 500;

/** "3 Intermediate" */
export function levelName(level: keyof typeof PROFICIENCY_LEVELS): string {
  return `${level} ${PROFICIENCY_LEVELS[level]}`;
}

export function courseLine(course: Course): string {
  const title = course.comingSoon ? `${course.title} (coming soon)` : course.title;
  const provider = course.provider ? ` (${course.provider})` : '';
  return course.url ? `${title}${provider} <${course.url}>` : `${title}${provider}`;
}

/** Items tagged with their proficiency level ("[3 Intermediate] …"); untied items last, untagged. */
function tagged(card: Card, pick: 'behaviors' | 'definitions'): string[] {
  const out = card.levels.flatMap((l) => l[pick].map((item) => `[${levelName(l.level)}] ${item}`));
  out.push(...card.ungrouped[pick]);
  return out;
}

export interface CardRecord {
  readonly seriesCode: string;
  readonly seriesTitle: string;
  readonly careerLevel: string;
  readonly gsRange: string;
  readonly group: string;
  readonly designation: string;
  readonly competency: string;
  readonly description: string;
  readonly proficiencyLevels: string[];
  readonly behaviors: string[];
  readonly definitions: string[];
  readonly courses: string[];
  readonly permalink: string;
}

export function cardRecord(card: Card): CardRecord {
  return {
    seriesCode: card.seriesCode,
    seriesTitle: card.seriesTitle,
    careerLevel: card.careerLevel,
    gsRange: card.gsLabel,
    group: card.group,
    designation: card.designation,
    competency: card.competency,
    description: card.description,
    proficiencyLevels: card.levels.map((l) => levelName(l.level)),
    behaviors: tagged(card, 'behaviors'),
    definitions: tagged(card, 'definitions'),
    courses: card.courses.map(courseLine),
    permalink: card.permalink,
  };
}

/** The query value that names a card in an export: its page's path after `/cards/`. */
export function exportKey(card: Pick<Card, 'url'>): string {
  return card.url.startsWith('/cards/') ? card.url.slice('/cards/'.length) : card.url.slice(1);
}
