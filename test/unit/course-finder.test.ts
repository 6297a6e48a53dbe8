import { describe, expect, it } from 'vitest';
import type { Course } from '@/lib/cards/catalogue';
import { courseChoices, courseFacets, courseFinderHref, durationBand, findCourses, NO_COURSE_FILTER, parseCourseFilter } from '@/lib/course-finder';

const course = (slug: string, c: Partial<Course>): Course => ({
  slug,
  line: 2,
  title: slug,
  url: `https://example.gov/${slug}`,
  description: '',
  additionalInformation: '',
  serves: [],
  ...c,
});

const CS = { competency: 'Customer Service', competencySlug: 'Customer-Service' };
const FR = { competency: 'Financial Reporting', competencySlug: 'Financial-Reporting' };
const COURSES: Course[] = [
  course('free-webinar', { provider: 'Treasury', modality: 'Virtual', price: 0, duration: { amount: 2, unit: 'hours' }, serves: [{ ...CS, levels: [1, 2] }] }),
  course('cpe-week', {
    provider: 'AGA',
    modality: 'Virtual',
    creditType: 'CPE',
    price: 725,
    duration: { amount: 5, unit: 'days' },
    serves: [
      { ...CS, levels: [3] },
      { ...FR, levels: [2, 3] },
    ],
  }),
  course('certificate', {
    provider: 'AGA',
    modality: 'In-person',
    creditType: 'Certification',
    price: 1995,
    duration: { amount: 3, unit: 'months' },
    serves: [{ ...FR, levels: [4, 5] }],
  }),
  course('no-price', { provider: 'GSA', modality: 'Asynchronous', serves: [{ ...FR, levels: [1] }], description: 'Reconciling the general ledger' }),
];
const choices = courseChoices(COURSES);
const filterOf = (query: string) => parseCourseFilter(new URLSearchParams(query), choices);
const slugs = (query: string) => findCourses(COURSES, filterOf(query).filter).map((c) => c.slug);

describe('the course finder', () => {
  it('finds by competency, and by competency at a proficiency level (the level must be one the course serves for that competency)', () => {
    expect(slugs('competency=Customer-Service')).toEqual(['free-webinar', 'cpe-week']);
    expect(slugs('competency=Customer-Service&level=3')).toEqual(['cpe-week']);
    expect(slugs('competency=Financial-Reporting&level=1')).toEqual(['no-price']);
    expect(slugs('level=5')).toEqual(['certificate']);
  });

  it('finds free courses, or courses up to an amount; a course without a listed price is left out once a price is chosen', () => {
    expect(slugs('price=free')).toEqual(['free-webinar']);
    expect(slugs('price=1000')).toEqual(['free-webinar', 'cpe-week']);
    expect(slugs('price=2000')).toEqual(['free-webinar', 'cpe-week', 'certificate']);
    expect(slugs('')).toHaveLength(4);
  });

  it('sorts durations into bands (a day, a week, longer) and a band includes the shorter ones', () => {
    expect(COURSES.map(durationBand)).toEqual(['day', 'week', 'longer', null]);
    expect(slugs('duration=day')).toEqual(['free-webinar']);
    expect(slugs('duration=week')).toEqual(['free-webinar', 'cpe-week']);
    expect(slugs('duration=longer')).toEqual(['free-webinar', 'cpe-week', 'certificate']);
  });

  it('combines provider, modality, credit type and text (every word, in title, provider, description or competency)', () => {
    expect(slugs('provider=AGA&modality=Virtual')).toEqual(['cpe-week']);
    expect(slugs('credit=Certification')).toEqual(['certificate']);
    expect(slugs('q=general+ledger')).toEqual(['no-price']);
    expect(slugs('q=customer+treasury')).toEqual(['free-webinar']);
    expect(slugs('provider=aga')).toEqual(['cpe-week', 'certificate']);
  });

  it('counts each choice with the other filters applied, so a choice says what it would give', () => {
    const facets = courseFacets(COURSES, filterOf('provider=AGA').filter, choices);
    expect(facets.modality.find((m) => m.value === 'Virtual')?.count).toBe(1);
    expect(facets.modality.find((m) => m.value === 'Asynchronous')?.count).toBe(0);
    // The provider facet ignores the provider filter itself.
    expect(facets.provider.map((p) => [p.value, p.count])).toEqual([
      ['AGA', 2],
      ['GSA', 1],
      ['Treasury', 1],
    ]);
    expect(facets.price[0]?.count).toBe(0);
    expect(facets.level.map((l) => l.count)).toEqual([0, 1, 1, 1, 1]);
  });

  it('ignores what it cannot use, with a sentence for each, and never fails on an address', () => {
    const { filter, notices } = filterOf('competency=Underwater&level=9&price=cheap&duration=forever&page=-1&colour=red&provider=Nobody&level=2');
    expect(filter).toEqual(NO_COURSE_FILTER);
    expect(notices).toHaveLength(8);
    expect(notices.join(' ')).toMatch(/Underwater.*1 to 5.*free.*day, week, longer.*page number|colour/su);
    // A malformed percent-encoding is read as it is written: text to search for.
    expect(filterOf('q=%ZZ')).toEqual({ filter: { ...NO_COURSE_FILTER, q: '%ZZ' }, notices: [] });
  });

  it('writes the address of a filter, and reading it back gives the same filter', () => {
    const { filter } = filterOf('q=ledger&competency=Financial-Reporting&level=3&provider=AGA&modality=Virtual&credit=CPE&price=500&duration=week&page=2');
    const href = courseFinderHref(filter);
    expect(href).toBe('/courses?q=ledger&competency=Financial-Reporting&level=3&provider=AGA&modality=Virtual&credit=CPE&price=500&duration=week&page=2');
    expect(filterOf(href.split('?')[1] ?? '').filter).toEqual(filter);
    expect(courseFinderHref(NO_COURSE_FILTER)).toBe('/courses');
  });
});
