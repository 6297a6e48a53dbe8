import { describe, expect, it } from 'vitest';
import type { CardSummary } from '@/lib/cards/summary';
import { applyFilter, competencyIndex, EMPTY_FILTER, filterHref, paginate, parseFilter, selectedLevels, sortSummaries, type Filter } from '@/lib/filters';
import { careerLevelForGrade } from '@/lib/grades';
import { createCardSearch } from '@/lib/search';

function card(
  seriesCode: CardSummary['seriesCode'],
  careerLevel: CardSummary['careerLevel'],
  group: CardSummary['group'],
  competency: string,
  text = '',
): CardSummary {
  const slug = competency.replace(/\W+/gu, '-');
  return {
    slug: `${seriesCode.slice(1)}-${slug}-${careerLevel}`,
    url: `/cards/${seriesCode.slice(1)}-${slug}-${careerLevel}`,
    permalink: `/cards/${seriesCode.slice(1)}-${slug}-${careerLevel}`,
    title: `${seriesCode} ${careerLevel} ${competency}`,
    seriesCode,
    seriesTitle: 'T',
    careerLevel,
    gsLabel: 'GS',
    group,
    competency,
    competencySlug: slug,
    text,
  };
}

const cards: CardSummary[] = sortSummaries([
  card('0511', 'Senior', 'Primary', 'Audit Reporting', 'writes audit reports'),
  card('0510', 'Mid', 'Personal', 'Customer Service', 'develops customer satisfaction surveys'),
  card('0510', 'Senior', 'Personal', 'Customer Service', 'leads customer initiatives'),
  card('0510', 'Entry', 'Leading', 'Conflict Management', 'resolves conflict'),
  card('0560', 'Mid', 'Personal', 'Customer Service', 'budget customers'),
  card('0510', 'Mid', 'Primary', 'Financial Stewardship', 'stewardship of funds; survey of assets'),
]);
const comps = competencyIndex(cards);
const parse = (query: string) => parseFilter(new URLSearchParams(query), comps);
const filter = (f: Partial<Filter>): Filter => ({ ...EMPTY_FILTER, ...f });
const urls = (list: readonly CardSummary[]) => list.map((c) => c.url);
const counts = (values: readonly { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

describe('grades', () => {
  it.each([
    [1, 'Entry'],
    [6, 'Entry'],
    [7, 'Entry'],
    [9, 'Entry'],
    [10, 'Mid'],
    [11, 'Mid'],
    [13, 'Mid'],
    [14, 'Senior'],
    [15, 'Senior'],
  ])('GS %i is %s', (grade, level) => expect(careerLevelForGrade(grade)).toBe(level));
  it('refuses a grade outside 1–15', () => {
    expect(() => careerLevelForGrade(0)).toThrow(RangeError);
    expect(() => careerLevelForGrade(16)).toThrow(RangeError);
    expect(() => careerLevelForGrade(10.5)).toThrow(RangeError);
  });
});

describe('parseFilter', () => {
  it('reads the shareable URL of the issue', () => {
    const { filter, notices } = parse('series=0510&level=Mid&group=Personal&q=survey');
    expect(notices).toEqual([]);
    expect(filter).toEqual(filter && { ...EMPTY_FILTER, series: ['0510'], levels: ['Mid'], groups: ['Personal'], q: 'survey' });
  });
  it('accepts variants: 510 for 0510, any letter case, repeats', () => {
    expect(parse('series=510&series=0510&level=mid&group=personal&competency=customer-service').filter).toEqual(
      filter({ series: ['0510'], levels: ['Mid'], groups: ['Personal'], competencies: ['Customer-Service'] }),
    );
  });
  it('ignores unknown parameters and values with a notice each, never throws', () => {
    const { filter: f, notices } = parse('series=9999&level=Boss&group=<script>&competency=Nope&grade=16&page=-1&utm=x&q=a&q=b');
    expect(f).toEqual(filter({ q: 'a' }));
    expect(notices.map((n) => n.param)).toEqual(['series', 'level', 'group', 'competency', 'grade', 'page', 'utm', 'q']);
    expect(notices[2]?.message).toContain('“<script>” is not a competency group');
  });
  it('cuts an over-long query with a notice', () => {
    const { filter: f, notices } = parse(`q=${'x'.repeat(500)}`);
    expect(f.q).toHaveLength(200);
    expect(notices).toHaveLength(1);
  });
  it('round-trips through the canonical URL', () => {
    const f = filter({
      series: ['0510', '0511'],
      levels: ['Mid'],
      grade: 11,
      groups: ['Personal'],
      competencies: ['Customer-Service'],
      q: 'survey & more',
      page: 2,
    });
    const href = filterHref(f);
    expect(href).toBe('/cards?series=0510&series=0511&level=Mid&grade=11&group=Personal&competency=Customer-Service&q=survey+%26+more&page=2');
    expect(parse(href.split('?')[1] ?? '').filter).toEqual(f);
    expect(filterHref(EMPTY_FILTER)).toBe('/cards');
  });
});

describe('applyFilter', () => {
  it('without a filter returns every card sorted by series, competency, level', () => {
    expect(urls(applyFilter(cards, EMPTY_FILTER).results)).toEqual([
      '/cards/510-Conflict-Management-Entry',
      '/cards/510-Customer-Service-Mid',
      '/cards/510-Customer-Service-Senior',
      '/cards/510-Financial-Stewardship-Mid',
      '/cards/511-Audit-Reporting-Senior',
      '/cards/560-Customer-Service-Mid',
    ]);
  });
  it('combines values within a facet with OR and facets with AND', () => {
    expect(urls(applyFilter(cards, filter({ series: ['0510'], levels: ['Mid'] })).results)).toEqual([
      '/cards/510-Customer-Service-Mid',
      '/cards/510-Financial-Stewardship-Mid',
    ]);
    expect(urls(applyFilter(cards, filter({ series: ['0510', '0560'], levels: ['Mid'], groups: ['Personal'] })).results)).toEqual([
      '/cards/510-Customer-Service-Mid',
      '/cards/560-Customer-Service-Mid',
    ]);
  });
  it('a GS grade selects its career level, added to any chosen level', () => {
    const f = filter({ series: ['0510'], grade: 11 });
    expect(selectedLevels(f)).toEqual(['Mid']);
    expect(urls(applyFilter(cards, f).results)).toEqual(['/cards/510-Customer-Service-Mid', '/cards/510-Financial-Stewardship-Mid']);
    expect(selectedLevels(filter({ levels: ['Senior'], grade: 8 }))).toEqual(['Entry', 'Senior']);
  });
  it('counts each facet value given the other facets’ selections', () => {
    const { facets } = applyFilter(cards, filter({ series: ['0510'], levels: ['Mid'] }));
    // Series counts ignore the series selection but keep the level one.
    expect(counts(facets.series)).toEqual({ '0501': 0, '0510': 2, '0511': 0, '0560': 1 });
    // Level counts ignore the level selection but keep the series one.
    expect(counts(facets.level)).toEqual({ Entry: 1, Mid: 2, Senior: 1 });
    expect(counts(facets.group)).toEqual({ Primary: 1, Secondary: 0, Alternate: 0, Personal: 1, Projects: 0, Leading: 0 });
    expect(facets.series.find((v) => v.value === '0510')?.selected).toBe(true);
    // Every competency stays listed, with 0 where nothing would match.
    expect(counts(facets.competency)).toEqual({ 'Audit-Reporting': 0, 'Conflict-Management': 0, 'Customer-Service': 1, 'Financial-Stewardship': 1 });
  });
  it('ranks text matches and narrows the counts to them', () => {
    const search = createCardSearch(cards);
    const result = applyFilter(cards, filter({ q: 'survey' }), search);
    // An exact word ("survey") ranks above a prefix match ("surveys").
    expect(urls(result.results)).toEqual(['/cards/510-Financial-Stewardship-Mid', '/cards/510-Customer-Service-Mid']);
    expect(counts(result.facets.level)).toEqual({ Entry: 0, Mid: 2, Senior: 0 });
    expect(urls(applyFilter(cards, filter({ q: 'customer service' }), search).results)[0]).toMatch(/Customer-Service/u);
    expect(applyFilter(cards, filter({ q: 'zzzzqqq' }), search).results).toEqual([]);
  });
});

describe('paginate', () => {
  it('slices pages and clamps out-of-range pages', () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(paginate(items, 1)).toMatchObject({ page: 1, pageCount: 3, total: 60 });
    expect(paginate(items, 3).items).toEqual(items.slice(50));
    expect(paginate(items, 99).page).toBe(3);
    expect(paginate([], 5)).toMatchObject({ page: 1, pageCount: 1, items: [] });
  });
});
