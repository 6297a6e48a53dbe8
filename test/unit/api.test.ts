import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cardListSchema, cardSchema, errorSchema } from '@/lib/api/cards';
import { matchesIfNoneMatch } from '@/lib/api/respond';
import { BOM } from '@/lib/export/csv';
import { listedOnly } from '@/lib/cards/catalogue';
import { dashboardFor } from '@/lib/dashboard';
import { competencyIndex, filterToSearchParams, EMPTY_FILTER, PAGE_SIZES, SORTS, type Filter } from '@/lib/filters';
import { CAREER_LEVELS, COMPETENCY_GROUPS, SERIES_CODES } from '@/lib/cards/domain';
import { createCardSearch } from '@/lib/search';
import { parse } from 'csv-parse/sync';
import { generatedCards, summariesOf } from '../support/cards';

// The routes read the cards through lib/cards (Contentlayer's output); here it serves generated cards.
const cards = generatedCards(400, 11);
const summaries = summariesOf(cards);
const bySlug = new Map(cards.map((c) => [c.slug, c]));
const search = createCardSearch(summaries);
vi.mock('@/lib/cards', () => ({
  getCardSummaries: () => summaries,
  getCardSearch: () => search,
  getCard: (slug: string) => bySlug.get(slug),
  getCardCourses: listedOnly,
}));

let list: typeof import('@/app/api/cards/route').GET;
let one: typeof import('@/app/api/cards/[...slug]/route').GET;
let csv: typeof import('@/app/api/cards.csv/route').GET;
let openapi: typeof import('@/app/api/openapi.json/route').GET;
beforeAll(async () => {
  list = (await import('@/app/api/cards/route')).GET;
  one = (await import('@/app/api/cards/[...slug]/route')).GET;
  csv = (await import('@/app/api/cards.csv/route')).GET;
  openapi = (await import('@/app/api/openapi.json/route')).GET;
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://portal.test${path}`, { headers });

/** What the dashboard shows for a URL query: lib/dashboard's own answer, which its page and script render. */
function dashboard(query: URLSearchParams): { urls: string[]; total: number } {
  const shown = dashboardFor(query, summaries, search);
  return { urls: (query.has('page') ? shown.rows : shown.results).map((r) => r.url), total: shown.total };
}

const words = ['budget', 'audit', 'reconcile', 'variance', 'ledger', 'policy', 'risk', 'customer', 'xyzzy'];
const competencySlugs = [...competencyIndex(summaries).keys()];
const filterArb: fc.Arbitrary<Filter> = fc.record({
  series: fc.subarray([...SERIES_CODES]),
  levels: fc.subarray([...CAREER_LEVELS]),
  groups: fc.subarray([...COMPETENCY_GROUPS]),
  competencies: fc.subarray(competencySlugs, { maxLength: 4 }),
  q: fc.oneof(
    fc.constant(''),
    fc.subarray(words, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
  ),
  grade: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
  bookmarked: fc.constant(false),
  page: fc.integer({ min: 1, max: 3 }),
  per: fc.constantFrom(...PAGE_SIZES),
  sort: fc.constantFrom(null, ...SORTS),
});

describe('GET /api/cards', () => {
  it('agrees with the dashboard’s filter for random filter combinations: same cards, same order', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.boolean(), async (filter, paged) => {
        const query = filterToSearchParams(filter);
        if (paged) query.set('page', '1');
        else query.delete('page');
        const expected = dashboard(query);
        const response = await list(get(`/api/cards?${query}`));
        expect(response.status).toBe(200);
        const body = cardListSchema.parse(await response.json());
        expect(body.cards.map((c) => c.url)).toEqual(expected.urls);
        expect(body.total).toBe(expected.total);
      }),
      { numRuns: 150 },
    );
  });

  it('takes the dashboard’s URL forms too (unpadded series, any-case level), and pages of 25', async () => {
    const body = cardListSchema.parse(await (await list(get('/api/cards?series=510&level=mid&page=2'))).json());
    const all = summaries.filter((s) => s.seriesCode === '0510' && s.careerLevel === 'Mid');
    expect(body.total).toBe(all.length);
    expect(body.page).toBe(2);
    expect(body.cards.map((c) => c.url)).toEqual(all.slice(25, 50).map((s) => s.url));
  });

  it('answers a parameter the dashboard would ignore with a 400 and a sentence', async () => {
    for (const query of [
      'series=9999',
      'level=Boss',
      'grade=16',
      'page=0',
      'page=99',
      'q=a&q=b',
      'bookmarked=1',
      'utm_source=x',
      'competency=%3Cscript%3E',
      'series=%E0%A4%A',
    ]) {
      const response = await list(get(`/api/cards?${query}`));
      expect(response.status, query).toBe(400);
      expect(errorSchema.parse(await response.json()).error.length).toBeGreaterThan(10);
    }
  });

  it('sends an ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const first = await list(get('/api/cards?series=0511'));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{20,}"$/u);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    const again = await list(get('/api/cards?series=0511', { 'if-none-match': etag! }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await list(get('/api/cards?series=0511', { 'if-none-match': `"other", W/${etag}` }))).status).toBe(304);
    expect((await list(get('/api/cards?series=0510', { 'if-none-match': etag! }))).status).toBe(200);
    expect(matchesIfNoneMatch('*', etag!)).toBe(true);
    expect(matchesIfNoneMatch(null, etag!)).toBe(false);
  });
});

describe('GET /api/cards.csv and /api/cards/<slug>', () => {
  it('gives the same cards as /api/cards as CSV rows, in order', async () => {
    const query = 'group=Primary&group=Leading&grade=12';
    const json = cardListSchema.parse(await (await list(get(`/api/cards?${query}`))).json());
    const response = await csv(get(`/api/cards.csv?${query}`));
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/u);
    expect(response.headers.get('etag')).toBeTruthy();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (a UTF-8 decoder drops it)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows.slice(1).map((r) => r[12])).toEqual(json.cards.map((c) => `http://portal.test${c.url}`));
    expect((await csv(get('/api/cards.csv?nonsense=1'))).status).toBe(400);
  });

  it('returns one card in full, and a 404 JSON error for an unknown slug', async () => {
    const card = cards[17]!;
    const response = await one(get(`/api/cards/${card.slug}`), { params: Promise.resolve({ slug: [card.slug] }) });
    const body = cardSchema.parse(await response.json());
    expect(body).toMatchObject({ title: card.title, permalink: card.permalink, careerLevel: card.careerLevel, description: card.description });
    expect(body.proficiencyLevels.map((l) => l.level)).toEqual(card.levels.map((l) => l.level));
    expect(body.courses).toHaveLength(card.courses.length);
    for (const slug of [['no-such-card'], ['..', 'etc'], ['x'.repeat(400)]]) {
      const missing = await one(get('/api/cards/x'), { params: Promise.resolve({ slug }) });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/u);
      expect(errorSchema.parse(await missing.json()).error).toMatch(/^No card has the slug/u);
    }
  });
});

describe('CORS', () => {
  it('lets a script on another origin read answers, errors and the ETag, and revalidate with If-None-Match', async () => {
    const ok = await list(get('/api/cards'));
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-expose-headers')).toBe('ETag');
    const bad = await list(get('/api/cards?nope=1'));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    const { OPTIONS } = await import('@/app/api/cards/route');
    const pre = OPTIONS();
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('If-None-Match');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the three endpoints, their parameters and schemas', async () => {
    const doc = (await (await openapi(get('/api/openapi.json'))).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/cards', '/api/cards.csv', '/api/cards/{slug}']);
    expect(doc.paths['/api/cards']!.get.parameters.map((p) => p.name)).toEqual([
      'series',
      'level',
      'grade',
      'group',
      'competency',
      'q',
      'page',
      'per',
      'sort',
      'If-None-Match',
    ]);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Card', 'CardList', 'CardListItem', 'Error']);
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
    // Every parameter the filter parser reads is documented (apart from the dashboard-only ones).
    const documented = new Set(doc.paths['/api/cards']!.get.parameters.map((p) => p.name));
    for (const key of filterToSearchParams({
      ...EMPTY_FILTER,
      series: ['0510'],
      levels: ['Mid'],
      groups: ['Primary'],
      competencies: ['x'],
      q: 'x',
      grade: 9,
      page: 2,
      per: 10,
      sort: 'level',
    }).keys()) {
      expect(documented.has(key), key).toBe(true);
    }
  });
});
