/**
 * A card as the exports write it: the same words in the PDF and the CSV. Pure.
 */
import type { Card } from '../cards/card';
import { durationLabel, priceLabel, type CardCourses, type Course } from '../cards/catalogue';
import type { ListedCourse } from '../cards/courses';
import { proficiencyName } from '../cards/domain';

/** The most cards one export holds. */
export const MAX_EXPORT = 500;

/** A card and the courses it shows: what an export writes. */
export interface ExportCard {
  readonly card: Card;
  readonly courses: CardCourses;
}

/** "3 Intermediate" */
export function levelName(level: number): string {
  return `${level} ${proficiencyName(level)}`;
}

/** A course of the card file's own list: `Title (Provider) <URL>`. */
export function listedCourseLine(course: ListedCourse): string {
  const title = course.comingSoon ? `${course.title} (coming soon)` : course.title;
  const provider = course.provider ? ` (${course.provider})` : '';
  return course.url ? `${title}${provider} <${course.url}>` : `${title}${provider}`;
}

/** What a person weighs when choosing a course: `Provider · Virtual · 2 days · $995 · CPE`. */
export function courseFacts(course: Course): string {
  return [course.provider, course.modality, course.duration ? durationLabel(course.duration) : null, priceLabel(course.price), course.creditType]
    .filter(Boolean)
    .join(' · ');
}

/** A catalogue course: `[3 Intermediate] Title (Provider · Virtual · 2 days · $995 · CPE) <URL>`. */
function catalogueCourseLine(level: number, course: Course): string {
  return `[${levelName(level)}] ${course.title} (${courseFacts(course)}) <${course.url}>`;
}

/** Every course of a card, one line each: the catalogue's by level, then the card file's own. */
function courseLines(courses: CardCourses): string[] {
  return [...courses.byLevel.flatMap((g) => g.courses.map(({ course }) => catalogueCourseLine(g.level, course))), ...courses.listed.map(listedCourseLine)];
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

export function cardRecord({ card, courses }: ExportCard): CardRecord {
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
    courses: courseLines(courses),
    permalink: card.permalink,
  };
}
