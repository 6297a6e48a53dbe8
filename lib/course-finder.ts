/**
 * The course finder's rules (`/courses`): the filter an address asks for, the courses it selects,
 * and the choices each filter offers with how many courses each would give. Pure, shared by the
 * page and its tests. The address is the state: a plain GET form writes it, so the finder works
 * without JavaScript, and every filtered view can be bookmarked or shared.
 */
import type { Course } from './cards/catalogue';
import { isProficiencyNumber, proficiencyName } from './cards/domain';

/** A course's length, in bands a person plans with. */
export const DURATIONS = {
  day: 'A day or less',
  week: 'Up to a week',
  longer: 'Longer than a week',
} as const;
export type DurationBand = keyof typeof DURATIONS;

/** Hours of study a unit stands for (a working day, week, month). */
const HOURS: Record<string, number> = { hours: 1, days: 8, weeks: 40, months: 160 };

export const PER_PAGE = 25;

/** The parameters `/courses` reads; anything else is named in a notice and ignored. */
export const COURSE_PARAMS = ['q', 'competency', 'level', 'provider', 'modality', 'credit', 'price', 'duration', 'page'] as const;

export interface CourseFilter {
  readonly q: string;
  /** A competency slug. */
  readonly competency: string | null;
  readonly level: number | null;
  readonly provider: string | null;
  readonly modality: string | null;
  readonly credit: string | null;
  /** `free`, or the most a person would pay, in whole dollars. */
  readonly price: 'free' | number | null;
  readonly duration: DurationBand | null;
  readonly page: number;
}

export const NO_COURSE_FILTER: CourseFilter = {
  q: '',
  competency: null,
  level: null,
  provider: null,
  modality: null,
  credit: null,
  price: null,
  duration: null,
  page: 1,
};

/** What the catalogue holds, for checking an address against it. */
export interface CourseChoices {
  /** Competency slug → name. */
  readonly competencies: ReadonlyMap<string, string>;
  readonly providers: readonly string[];
  readonly modalities: readonly string[];
  readonly credits: readonly string[];
}

export function courseChoices(courses: readonly Course[]): CourseChoices {
  const competencies = new Map<string, string>();
  const providers = new Set<string>();
  const modalities = new Set<string>();
  const credits = new Set<string>();
  for (const course of courses) {
    for (const s of course.serves) competencies.set(s.competencySlug, s.competency);
    if (course.provider) providers.add(course.provider);
    if (course.modality) modalities.add(course.modality);
    if (course.creditType) credits.add(course.creditType);
  }
  const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b, 'en'));
  return {
    competencies: new Map([...competencies].sort((a, b) => a[1].localeCompare(b[1], 'en'))),
    providers: sorted(providers),
    modalities: sorted(modalities),
    credits: sorted(credits),
  };
}

/**
 * The filter of an address. A value the catalogue does not hold, a malformed number or an unknown
 * parameter is left out and named in a notice: the page still answers, with what it could use.
 */
export function parseCourseFilter(params: URLSearchParams, choices: CourseChoices): { filter: CourseFilter; notices: string[] } {
  const notices: string[] = [];
  const one = (name: string): string | null => {
    const values = params.getAll(name).map((v) => v.trim());
    if (values.length > 1) notices.push(`Only one “${name}” is used; the first was kept.`);
    return values[0] ? values[0].slice(0, 200) : null;
  };
  for (const key of new Set(params.keys())) {
    if (!(COURSE_PARAMS as readonly string[]).includes(key)) notices.push(`“${key.slice(0, 40)}” is not a filter of the course finder; it was ignored.`);
  }
  const among = (name: string, value: string | null, allowed: readonly string[]): string | null => {
    if (value === null) return null;
    const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!found) notices.push(`No course has the ${name} “${value.slice(0, 60)}”; that filter was ignored.`);
    return found ?? null;
  };

  let competency = one('competency');
  if (competency !== null && !choices.competencies.has(competency)) {
    notices.push(`No course serves the competency “${competency.slice(0, 60)}”; that filter was ignored.`);
    competency = null;
  }
  const levelText = one('level');
  let level: number | null = null;
  if (levelText !== null) {
    const n = Number(levelText);
    if (/^\d$/u.test(levelText) && isProficiencyNumber(n)) level = n;
    else notices.push(`A proficiency level is a number from 1 to 5, not “${levelText.slice(0, 20)}”; that filter was ignored.`);
  }
  const priceText = one('price');
  let price: CourseFilter['price'] = null;
  if (priceText !== null) {
    if (priceText.toLowerCase() === 'free') price = 'free';
    else if (/^\d{1,6}$/u.test(priceText)) price = Number(priceText);
    else notices.push(`A price is “free” or a whole number of dollars, not “${priceText.slice(0, 20)}”; that filter was ignored.`);
  }
  const durationText = one('duration');
  let duration: DurationBand | null = null;
  if (durationText !== null) {
    if (Object.hasOwn(DURATIONS, durationText)) duration = durationText as DurationBand;
    else notices.push(`A duration is ${Object.keys(DURATIONS).join(', ')}, not “${durationText.slice(0, 20)}”; that filter was ignored.`);
  }
  const pageText = one('page');
  let page = 1;
  if (pageText !== null) {
    if (/^\d{1,5}$/u.test(pageText) && Number(pageText) >= 1) page = Number(pageText);
    else notices.push(`“${pageText.slice(0, 20)}” is not a page number; the first page is shown.`);
  }
  return {
    filter: {
      q: (one('q') ?? '').slice(0, 200),
      competency,
      level,
      provider: among('provider', one('provider'), choices.providers),
      modality: among('modality', one('modality'), choices.modalities),
      credit: among('credit type', one('credit'), choices.credits),
      price,
      duration,
      page,
    },
    notices,
  };
}

/** The band of a course's duration, or null when the catalogue does not state it. */
export function durationBand(course: Course): DurationBand | null {
  if (!course.duration) return null;
  const hours = course.duration.amount * (HOURS[course.duration.unit] ?? Number.NaN);
  if (!Number.isFinite(hours)) return null;
  return hours <= 8 ? 'day' : hours <= 40 ? 'week' : 'longer';
}

type Facet = 'competency' | 'level' | 'provider' | 'modality' | 'credit' | 'price' | 'duration';

function matches(course: Course, f: CourseFilter, words: readonly string[], except: Facet | null): boolean {
  if (except !== 'competency' && f.competency !== null) {
    const serves = course.serves.find((s) => s.competencySlug === f.competency);
    if (!serves) return false;
    if (f.level !== null && !serves.levels.includes(f.level)) return false;
  }
  if (except !== 'level' && f.level !== null && f.competency === null && !course.serves.some((s) => s.levels.includes(f.level!))) return false;
  if (except !== 'provider' && f.provider !== null && course.provider !== f.provider) return false;
  if (except !== 'modality' && f.modality !== null && course.modality !== f.modality) return false;
  if (except !== 'credit' && f.credit !== null && course.creditType !== f.credit) return false;
  if (except !== 'price' && f.price !== null) {
    if (course.price === undefined) return false;
    if (f.price === 'free' ? course.price !== 0 : course.price > f.price) return false;
  }
  if (except !== 'duration' && f.duration !== null) {
    const band = durationBand(course);
    if (band === null || Object.keys(DURATIONS).indexOf(band) > Object.keys(DURATIONS).indexOf(f.duration)) return false;
  }
  if (words.length > 0) {
    const text = [course.title, course.provider ?? '', course.description, ...course.serves.map((s) => s.competency)].join(' ').toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

const wordsOf = (q: string) => q.toLowerCase().split(/\s+/u).filter(Boolean);

/** The courses the filter selects, in catalogue order. */
export function findCourses(courses: readonly Course[], filter: CourseFilter): Course[] {
  const words = wordsOf(filter.q);
  return courses.filter((c) => matches(c, filter, words, null));
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** Courses this choice would give, with the other filters as they are. */
  readonly count: number;
}

/** Each filter's choices with their counts (counted with every other filter applied). */
export function courseFacets(courses: readonly Course[], filter: CourseFilter, choices: CourseChoices): Record<Facet, Choice[]> {
  const words = wordsOf(filter.q);
  const without = (facet: Facet) => courses.filter((c) => matches(c, filter, words, facet));
  const count = (list: readonly Course[], test: (c: Course) => boolean) => list.reduce((n, c) => n + (test(c) ? 1 : 0), 0);
  const byCompetency = without('competency');
  const byLevel = without('level');
  const byProvider = without('provider');
  const byModality = without('modality');
  const byCredit = without('credit');
  const byPrice = without('price');
  const byDuration = without('duration');
  const order = Object.keys(DURATIONS);
  return {
    competency: [...choices.competencies].map(([value, label]) => ({
      value,
      label,
      count: count(byCompetency, (c) => c.serves.some((s) => s.competencySlug === value && (filter.level === null || s.levels.includes(filter.level)))),
    })),
    level: [1, 2, 3, 4, 5].map((n) => ({
      value: String(n),
      label: `${n} ${proficiencyName(n)}`,
      count: count(byLevel, (c) => c.serves.some((s) => (filter.competency === null || s.competencySlug === filter.competency) && s.levels.includes(n))),
    })),
    provider: choices.providers.map((p) => ({ value: p, label: p, count: count(byProvider, (c) => c.provider === p) })),
    modality: choices.modalities.map((m) => ({ value: m, label: m, count: count(byModality, (c) => c.modality === m) })),
    credit: choices.credits.map((m) => ({ value: m, label: m, count: count(byCredit, (c) => c.creditType === m) })),
    price: [{ value: 'free', label: 'Free', count: count(byPrice, (c) => c.price === 0) }],
    duration: order.map((band) => ({
      value: band,
      label: DURATIONS[band as DurationBand],
      count: count(byDuration, (c) => {
        const b = durationBand(c);
        return b !== null && order.indexOf(b) <= order.indexOf(band);
      }),
    })),
  };
}

/** The address of a filter (only what is set; page 1 is left out). */
export function courseFinderHref(filter: CourseFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.competency) params.set('competency', filter.competency);
  if (filter.level !== null) params.set('level', String(filter.level));
  if (filter.provider) params.set('provider', filter.provider);
  if (filter.modality) params.set('modality', filter.modality);
  if (filter.credit) params.set('credit', filter.credit);
  if (filter.price !== null) params.set('price', String(filter.price));
  if (filter.duration) params.set('duration', filter.duration);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `/courses?${query}` : '/courses';
}
