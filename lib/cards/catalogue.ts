/**
 * The course catalogue: CFO.gov's `courses.csv` as typed course records. Pure. The content step
 * checks the file with {@link parseCatalogue} (a bad row is a warning naming its line; the row, or
 * the bad part of it, is left out and nothing else is) and writes one document per course for
 * Contentlayer; the site matches courses to cards with {@link courseIndex}.
 */
import { parse } from 'csv-parse/sync';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { safeHttpUrl, type ListedCourse } from './courses';
import { isProficiencyNumber, proficiencyName, type ProficiencyNumber } from './domain';
import type { Problem } from './problems';
import { cleanText, slugify } from './text';

/** What a course serves: one competency at some proficiency levels. */
export interface CourseServes {
  readonly competency: string;
  readonly competencySlug: string;
  /** Proficiency levels 1–5, ascending. */
  readonly levels: number[];
}

export interface CourseDuration {
  readonly amount: number;
  /** `hours`, `days` or `months`. */
  readonly unit: string;
}

/** One course of the catalogue. Optional fields are absent when the catalogue leaves them empty. */
export interface Course {
  /** The course page is `/courses/<slug>`. */
  readonly slug: string;
  /** Line of its (first) row in courses.csv. */
  readonly line: number;
  readonly title: string;
  readonly provider?: string;
  /** An absolute http(s) URL. */
  readonly url: string;
  /** `CPE`, `Certification`… */
  readonly creditType?: string;
  /** Whole US dollars; 0 is free; absent when the catalogue states no price. */
  readonly price?: number;
  /** `Virtual`, `Asynchronous`, `In-person`, `Hybrid`, `Synchronous`… */
  readonly modality?: string;
  readonly duration?: CourseDuration;
  /** Plain text (the catalogue's few HTML tags removed). */
  readonly description: string;
  readonly additionalInformation: string;
  readonly serves: CourseServes[];
}

export interface Catalogue {
  readonly courses: Course[];
  readonly problems: Problem[];
}

const MAX_PAIRS = 10;

function plain(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return cleanText(html);
  return cleanText(toText(fromHtml(html, { fragment: true })));
}

/** `$1,295` → 1295; `959.00` → 959; `Free` → 0; empty → undefined; anything else → NaN. */
export function parsePrice(value: string): number | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (/^free$/iu.test(text)) return 0;
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/u.exec(text);
  if (!match?.[1]) return Number.NaN;
  return Math.round(Number(`${match[1].replace(/,/gu, '')}.${match[2] ?? '0'}`));
}

const UNITS: Record<string, string> = {
  hour: 'hours',
  hours: 'hours',
  day: 'days',
  days: 'days',
  month: 'months',
  months: 'months',
  week: 'weeks',
  weeks: 'weeks',
};

function parseDuration(amount: string, unit: string): CourseDuration | undefined | 'invalid' {
  if (!amount.trim() && !unit.trim()) return undefined;
  const n = Number(amount.trim());
  const u = UNITS[unit.trim().toLowerCase()];
  if (!amount.trim() || !Number.isFinite(n) || n <= 0 || !u) return 'invalid';
  return { amount: n, unit: u };
}

/** Levels written as `"1,2,3"`, `"2,1"`, `"3"`: the valid ones ascending, and the ones outside 1–5. */
function parseLevels(value: string): { levels: ProficiencyNumber[]; invalid: string[] } {
  const levels = new Set<ProficiencyNumber>();
  const invalid: string[] = [];
  for (const part of value.split(/[,;\s]+/u).filter(Boolean)) {
    const n = Number(part);
    if (/^\d+$/u.test(part) && isProficiencyNumber(n)) levels.add(n);
    else invalid.push(part);
  }
  return { levels: [...levels].sort((a, b) => a - b), invalid };
}

/**
 * Reads courses.csv. `competencies` maps each competency slug the cards use to its name: a course
 * naming another competency has that part left out, with a warning. Rows with the same title,
 * provider and link are one course (CFO.gov spreads a course over several rows when it serves more
 * than ten competencies). `file` is the path shown in messages.
 */
export function parseCatalogue(csv: string, competencies: ReadonlyMap<string, string>, file = 'content/courses.csv'): Catalogue {
  const problems: Problem[] = [];
  const warn = (line: number, field: string, message: string) => problems.push({ file, line, field, message, severity: 'warning' });
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { columns: true, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (error) {
    const line = typeof error === 'object' && error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    problems.push({
      file,
      line,
      field: 'file',
      message: `not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`,
      severity: 'error',
    });
    return { courses: [], problems };
  }
  const byIdentity = new Map<string, { course: Omit<Course, 'slug' | 'serves'>; serves: Map<string, Set<number>> }>();
  let previousEnd = 1; // the header
  for (const { record: row, info } of records) {
    // `info.lines` is the record's last line; a description may span several.
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const title = plain(row.course_title ?? '');
    const label = title ? `“${title.slice(0, 60)}”` : 'this row';
    if (!title) {
      warn(line, 'course_title', 'the course has no title; the row is left out');
      continue;
    }
    const url = safeHttpUrl(row.link);
    if (!url) {
      warn(line, 'link', `${label}: “${(row.link ?? '').slice(0, 60)}” is not an http(s) link; the row is left out`);
      continue;
    }
    const serves = new Map<string, Set<number>>();
    for (let i = 1; i <= MAX_PAIRS; i++) {
      const name = cleanText(row[`competency_${i}`] ?? '');
      if (!name) continue;
      const slug = slugify(name);
      if (!competencies.has(slug)) {
        warn(line, `competency_${i}`, `${label}: no card has the competency “${name.slice(0, 60)}”; this competency of the course is left out`);
        continue;
      }
      const { levels, invalid } = parseLevels(row[`proficiency_levels_${i}`] ?? '');
      if (invalid.length > 0) {
        warn(line, `proficiency_levels_${i}`, `${label}: “${invalid.join(', ').slice(0, 40)}” is not a proficiency level from 1 to 5; left out`);
      }
      if (levels.length === 0) {
        warn(line, `proficiency_levels_${i}`, `${label}: names “${name}” without a proficiency level from 1 to 5; this competency of the course is left out`);
        continue;
      }
      const set = serves.get(slug) ?? new Set<number>();
      for (const level of levels) set.add(level);
      serves.set(slug, set);
    }
    if (serves.size === 0) {
      warn(line, 'competency_1', `${label} serves no competency a card has; the row is left out`);
      continue;
    }
    const price = parsePrice(row.price ?? '');
    if (price !== undefined && Number.isNaN(price))
      warn(line, 'price', `${label}: “${(row.price ?? '').slice(0, 20)}” is not a price such as $995; shown as not listed`);
    const duration = parseDuration(row.course_duration_num ?? '', row.course_duration_attribute ?? '');
    if (duration === 'invalid') {
      warn(
        line,
        'course_duration_num',
        `${label}: “${row.course_duration_num ?? ''} ${row.course_duration_attribute ?? ''}” is not a duration such as 2 Days; shown as not listed`,
      );
    }
    const provider = plain(row.training_providers ?? '');
    const identity = `${title.toLowerCase()}\u0000${provider.toLowerCase()}\u0000${url}`;
    const existing = byIdentity.get(identity);
    if (existing) {
      for (const [slug, levels] of serves) {
        const set = existing.serves.get(slug) ?? new Set<number>();
        for (const level of levels) set.add(level);
        existing.serves.set(slug, set);
      }
      continue;
    }
    const creditType = cleanText(row.course_credit_type ?? '');
    const modality = cleanText(row.learning_modality ?? '');
    byIdentity.set(identity, {
      course: {
        line,
        title,
        url,
        description: plain(row.course_description ?? ''),
        additionalInformation: plain(row.additional_course_information ?? ''),
        ...(provider ? { provider } : {}),
        ...(creditType ? { creditType } : {}),
        ...(price !== undefined && !Number.isNaN(price) ? { price } : {}),
        ...(modality ? { modality } : {}),
        ...(duration && duration !== 'invalid' ? { duration } : {}),
      },
      serves,
    });
  }

  const taken = new Map<string, number>();
  const courses: Course[] = [];
  for (const { course, serves } of byIdentity.values()) {
    const base = slugify(course.title).toLowerCase() || 'course';
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    courses.push({
      ...course,
      slug: n === 1 ? base : `${base}-${n}`,
      serves: [...serves].map(([slug, levels]) => ({
        competency: competencies.get(slug) ?? slug,
        competencySlug: slug,
        levels: [...levels].sort((a, b) => a - b),
      })),
    });
  }
  return { courses, problems };
}

/** `$995`, `Free`, or `Price not listed`. */
export function priceLabel(price: number | undefined): string {
  if (price === undefined) return 'Price not listed';
  if (price === 0) return 'Free';
  return `$${price.toLocaleString('en-US')}`;
}

/** `2 days`, `0.5 hours`, `1 day`. */
export function durationLabel(duration: CourseDuration | undefined): string {
  if (!duration) return 'Duration not listed';
  const unit = duration.amount === 1 ? duration.unit.replace(/s$/u, '') : duration.unit;
  return `${duration.amount} ${unit}`;
}

/** The courses of one proficiency level of a card. */
export interface LevelCourses {
  readonly level: number;
  readonly name: string;
  readonly courses: { readonly course: Course; readonly alsoLevels: number[] }[];
}

export type CourseIndex = ReadonlyMap<string, readonly Course[]>;

/** Courses by the competency slug they serve, each list in catalogue order. */
export function courseIndex(courses: readonly Course[]): Map<string, Course[]> {
  const index = new Map<string, Course[]>();
  for (const course of courses) {
    for (const s of course.serves) index.set(s.competencySlug, [...(index.get(s.competencySlug) ?? []), course]);
  }
  return index;
}

/**
 * The courses that serve a card's competency at its proficiency levels, grouped by level: each
 * course once, under the lowest of the card's levels it serves (`alsoLevels` names the card's
 * other levels it serves). Levels with no course are left out.
 */
function coursesForCard(card: { readonly competencySlug: string; readonly levels: readonly { readonly level: number }[] }, index: CourseIndex): LevelCourses[] {
  const cardLevels = card.levels.map((l) => l.level).sort((a, b) => a - b);
  const groups = new Map<number, LevelCourses['courses']>(cardLevels.map((l) => [l, []]));
  for (const course of index.get(card.competencySlug) ?? []) {
    const served = course.serves.find((s) => s.competencySlug === card.competencySlug)?.levels ?? [];
    const matching = cardLevels.filter((l) => served.includes(l));
    const first = matching[0];
    if (first === undefined) continue;
    groups.get(first)?.push({ course, alsoLevels: matching.slice(1) });
  }
  return [...groups].filter(([, courses]) => courses.length > 0).map(([level, courses]) => ({ level, name: proficiencyName(level), courses }));
}

/** Every course a card shows: the catalogue's, by proficiency level, then the ones only its file lists. */
export interface CardCourses {
  readonly byLevel: readonly LevelCourses[];
  /** Courses the card file lists (`relevant_courses`) that the catalogue's list for it does not hold (matched by link, else title). */
  readonly listed: readonly ListedCourse[];
}

export function cardCourses(card: Parameters<typeof coursesForCard>[0] & { readonly courses: readonly ListedCourse[] }, index: CourseIndex): CardCourses {
  const byLevel = coursesForCard(card, index);
  const urls = new Set<string>();
  const titles = new Set<string>();
  for (const group of byLevel) {
    for (const { course } of group.courses) {
      urls.add(course.url);
      titles.add(course.title.toLowerCase());
    }
  }
  const listed = card.courses.filter((c) => !(c.url ? urls.has(c.url) : titles.has(c.title.toLowerCase())));
  return { byLevel, listed };
}

/** A card's own list only (no catalogue): what a card shows where there is no courses.csv. */
export function listedOnly(card: { readonly courses: readonly ListedCourse[] }): CardCourses {
  return { byLevel: [], listed: card.courses };
}

/** How many courses a card shows. */
export function courseCount(courses: CardCourses): number {
  return courses.listed.length + courses.byLevel.reduce((n, g) => n + g.courses.length, 0);
}
