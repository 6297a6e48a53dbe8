import { CAREER_LEVEL_GS, type CareerLevel } from './cards/domain';

export const MIN_GRADE = 1;
export const MAX_GRADE = 15;

export function isGsGrade(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_GRADE && value <= MAX_GRADE;
}

/**
 * The one mapping from a GS grade to the career level of the cards (ADR 0005): GS 7–9 Entry,
 * 10–13 Mid, 14–15 Senior. A grade below 7 maps to Entry, the next level to aim for.
 * The ranges are the cards' own (CFO.gov's roadmap page says Mid is GS 11–13).
 */
export function careerLevelForGrade(grade: number): CareerLevel {
  if (!isGsGrade(grade)) throw new RangeError(`GS grade must be a whole number from ${MIN_GRADE} to ${MAX_GRADE}, not ${grade}`);
  if (grade >= CAREER_LEVEL_GS.Senior.min) return 'Senior';
  if (grade >= CAREER_LEVEL_GS.Mid.min) return 'Mid';
  return 'Entry';
}
