/**
 * The domain values of the FM career roadmap: job series, career levels, proficiency levels and
 * competency groups. Every other module takes these from here.
 */

export const SERIES = {
  '0501': 'Financial Administration and Program Support',
  '0510': 'Accounting',
  '0511': 'Auditing',
  '0560': 'Budget Analysis',
} as const;

export type SeriesCode = keyof typeof SERIES;
export const SERIES_CODES = Object.keys(SERIES) as SeriesCode[];

export function isSeriesCode(value: string): value is SeriesCode {
  return Object.hasOwn(SERIES, value);
}

export const CAREER_LEVELS = ['Entry', 'Mid', 'Senior'] as const;
export type CareerLevel = (typeof CAREER_LEVELS)[number];

export interface GsRange {
  readonly min: number;
  readonly max: number;
}

/** The GS ranges the cards themselves state (CFO.gov's roadmap page says Mid is 11–13; see ADR 0004). */
export const CAREER_LEVEL_GS: Record<CareerLevel, GsRange> = {
  Entry: { min: 7, max: 9 },
  Mid: { min: 10, max: 13 },
  Senior: { min: 14, max: 15 },
};

export function isCareerLevel(value: string): value is CareerLevel {
  return (CAREER_LEVELS as readonly string[]).includes(value);
}

export const PROFICIENCY_LEVELS = {
  1: 'Awareness',
  2: 'Basic',
  3: 'Intermediate',
  4: 'Advanced',
  5: 'Expert',
} as const;

export type ProficiencyNumber = keyof typeof PROFICIENCY_LEVELS;

export function isProficiencyNumber(value: number): value is ProficiencyNumber {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/** `Intermediate` for 3; `Level 7` for a number outside the scale. */
export function proficiencyName(level: number): string {
  return isProficiencyNumber(level) ? PROFICIENCY_LEVELS[level] : `Level ${level}`;
}

const FUNCTIONAL_DESIGNATIONS = {
  'Job Specific Competencies': ['Primary', 'Secondary', 'Alternate'],
  'General Career Competencies': ['Personal', 'Projects', 'Leading'],
} as const;

export type FunctionalDesignation = keyof typeof FUNCTIONAL_DESIGNATIONS;

export const COMPETENCY_GROUPS = ['Primary', 'Secondary', 'Alternate', 'Personal', 'Projects', 'Leading'] as const;
export type CompetencyGroup = (typeof COMPETENCY_GROUPS)[number];

export function designationOfGroup(group: CompetencyGroup): FunctionalDesignation {
  return (FUNCTIONAL_DESIGNATIONS['Job Specific Competencies'] as readonly string[]).includes(group)
    ? 'Job Specific Competencies'
    : 'General Career Competencies';
}

export function formatGsRange(range: GsRange): string {
  return range.min === range.max ? `GS ${range.min}` : `GS ${range.min}\u2013${range.max}`;
}
