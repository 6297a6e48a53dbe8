import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards/card';
import { listedOnly } from '@/lib/cards/catalogue';
import { BOM, CARD_COLUMNS, cardsToCsv, PLAN_COLUMNS, planToCsv, safeCell, TextCode, toCsv } from '@/lib/export/csv';
import { MAX_EXPORT } from '@/lib/export/fields';
import { cardsToPdf, planToPdf } from '@/lib/export/pdf';
import { resolveExport, type ExportSource } from '@/lib/export/request';
import { HttpError } from '@/lib/http';
import { createCardSearch } from '@/lib/search';
import { corpusCards, exportCards, fixtureCourses, generatedCards, seedCards, summariesOf } from '../support/cards';
import { readPdf } from '../support/pdf';

const rows = (csv: string): string[][] => parse(csv.slice(BOM.length), { relax_column_count: false }) as string[][];
const ORIGIN = 'https://portal.example.gov';
const real = corpusCards();
const flat = (s: string) => s.replace(/\s+/gu, ' ');

describe('CSV writer', () => {
  it('neutralises every formula trigger OWASP lists, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(safeCell(`${start}1+2`)).toBe(`'${start}1+2`);
    expect(safeCell('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    for (const plain of ['Budget', '1+2', 'a=b', ' =1', '', "'quoted"]) expect(safeCell(plain)).toBe(plain);
  });

  it('writes RFC 4180 with a BOM: CRLF rows, quotes doubled, commas and line breaks inside quoted cells, non-ASCII intact', () => {
    const cells = ['Cost, "benefit" analysis', 'line one\nline two', 'Café – naïve 中文 ✓', '=SUM(A1:A2)', '@cmd', 'plain'];
    const csv = toCsv([['a', 'b', 'c', 'd', 'e', 'f'], cells]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Cost, ""benefit"" analysis"');
    expect(csv).toContain('"line one\nline two"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, row, and the empty string after the last CRLF
    expect(rows(csv)).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f'],
      ['Cost, "benefit" analysis', 'line one\nline two', 'Café – naïve 中文 ✓', "'=SUM(A1:A2)", "'@cmd", 'plain'],
    ]);
    // UTF-8 bytes, BOM first.
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps a numeric code as text in a spreadsheet (0510 stays 0510): the constant formula ="0510", for digits only', () => {
    expect(rows(toCsv([['code'], [new TextCode('0510')]]))[1]).toEqual(['="0510"']);
    expect(() => new TextCode('=1+1')).toThrow(RangeError);
  });

  it('gives one row per card with the 13 columns, from the card’s own data; the permalink is the card page’s absolute address', () => {
    const cards = seedCards();
    const table = rows(cardsToCsv(exportCards(cards), ORIGIN));
    expect(table[0]).toEqual([...CARD_COLUMNS]);
    expect(table[0]).toHaveLength(13);
    expect(table).toHaveLength(1 + cards.length);
    const mid = table.find((r) => r[12] === `${ORIGIN}/cards/510-Customer-Service-Mid`);
    expect(mid?.slice(0, 7)).toEqual(['="0510"', 'Accounting', 'Mid', 'GS 10\u201313', 'Personal', 'General Career Competencies', 'Customer Service']);
    const card = cards.find((c) => c.permalink === '/cards/510-Customer-Service-Mid')!;
    expect(mid?.[7]).toBe(card.description);
    expect(mid?.[8]?.split('\n')).toEqual(card.levels.map((l) => `${l.level} ${l.name}`));
    expect(mid?.[9]?.split('\n')).toEqual(card.levels.flatMap((l) => l.behaviors.map((b) => `[${l.level} ${l.name}] ${b}`)));
    expect(mid?.[10]?.split('\n')).toEqual(card.levels.flatMap((l) => l.definitions.map((d) => `[${l.level} ${l.name}] ${d}`)));
    expect(mid?.[11]?.split('\n')).toHaveLength(card.courses.length);
    for (const course of card.courses) expect(mid?.[11]).toContain(course.url ?? course.title);
  });

  it('lists the catalogue’s courses for the card by proficiency level, with what a person weighs, then the card’s own', () => {
    const cards = seedCards();
    const courses = fixtureCourses();
    const [item] = exportCards(
      cards.filter((c) => c.careerLevel === 'Mid'),
      courses,
    );
    const [, row] = rows(cardsToCsv([item!], ORIGIN));
    const lines = row![11]!.split('\n');
    const catalogue = item!.courses.byLevel.flatMap((g) => g.courses);
    expect(catalogue.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(catalogue.length + item!.courses.listed.length);
    expect(lines[0]).toMatch(/^\[3 Intermediate\] .+ \(.+\) <https:\/\/.+>$/u);
    expect(lines.some((l) => l.includes('Customer Service Basics (fixture) (Fixture Academy · Asynchronous') && l.includes('· Free'))).toBe(true);
  });

  it('keeps a hostile card inert and its cells whole', () => {
    const [seed] = seedCards();
    const hostile: Card = { ...seed!, description: "=cmd|' /C calc'!A0", competency: '+Customer, "Service"\nline' };
    const [, row] = rows(cardsToCsv(exportCards([hostile]), ORIGIN));
    expect(row?.[7]).toBe("'=cmd|' /C calc'!A0");
    expect(row?.[6]).toBe('\'+Customer, "Service"\nline');
    expect(row).toHaveLength(13);
  });

  it('writes a plan with the grade, each bookmark’s status, progress, rating, target level, gap, target date, note and saved date, and keeps a retired card', () => {
    const [mid, senior] = seedCards();
    const csv = planToCsv(
      {
        grade: 11,
        items: [
          {
            card: { card: mid!, courses: listedOnly(mid!) },
            title: mid!.title,
            permalink: mid!.permalink,
            competency: mid!.competency,
            statusLabel: 'At my level',
            progressLabel: 'In progress',
            rating: 2,
            target: 4,
            gap: 2,
            note: 'Ask my supervisor, "soon"',
            targetDate: '2027-06-30',
            savedOn: new Date('2026-11-02T10:00:00Z'),
          },
          {
            card: { card: senior!, courses: listedOnly(senior!) },
            title: senior!.title,
            permalink: senior!.permalink,
            competency: senior!.competency,
            statusLabel: 'Next level',
            progressLabel: 'Planned',
            rating: null,
            target: null,
            gap: null,
            note: null,
            targetDate: null,
            savedOn: new Date('2026-11-03T23:59:00Z'),
          },
          {
            card: null,
            title: 'Old card',
            permalink: '/cards/510-Old-Mid',
            competency: 'Old',
            statusLabel: 'Retired card',
            progressLabel: 'Done',
            rating: 3,
            target: 3,
            gap: 0,
            note: '=1+1',
            targetDate: null,
            savedOn: new Date('2025-01-01T00:00:00Z'),
          },
        ],
      },
      ORIGIN,
    );
    const table = rows(csv);
    expect(table[0]).toEqual([...PLAN_COLUMNS]);
    expect(table.slice(1).map((r) => [...r.slice(0, 10), r.at(-1)])).toEqual([
      ['GS 11', 'At my level', 'In progress', '2', '4', '2', '2027-06-30', 'Ask my supervisor, "soon"', '2026-11-02', mid!.title, `${ORIGIN}${mid!.url}`],
      ['GS 11', 'Next level', 'Planned', '', '', '', '', '', '2026-11-03', senior!.title, `${ORIGIN}${senior!.url}`],
      // A note is the person's own text: a spreadsheet must not run it as a formula.
      ['GS 11', 'Retired card', 'Done', '3', '3', '0', '', "'=1+1", '2025-01-01', 'Old card', `${ORIGIN}/cards/510-Old-Mid`],
    ]);
    expect(table[3]?.[16]).toBe('Old');
    expect(new Set(table.map((r) => r.length))).toEqual(new Set([PLAN_COLUMNS.length]));
  });
});

describe('PDF', () => {
  it('puts each selected card on its own page, in order, with its title, level and proficiency level names; title and language set', async () => {
    const cards = [...seedCards(), ...generatedCards(24).slice(0, 12)];
    const pdf = await readPdf(await cardsToPdf(exportCards(cards)));
    expect(pdf.pages).toHaveLength(cards.length);
    expect(pdf.title).toBe(`${cards.length} competency cards – FM Career Roadmap`);
    expect(pdf.lang).toBe('en-US');
    expect(pdf.displayTitle).toBe(true);
    cards.forEach((card, i) => {
      const text = flat(pdf.pages[i]!);
      expect(text).toContain(flat(card.title));
      expect(text).toContain(`${card.careerLevel} level (${card.gsLabel})`);
      for (const level of card.levels) expect(text).toContain(`Proficiency level ${level.level} ${level.name}`);
      const first = card.levels[0]?.behaviors[0];
      if (first) expect(text).toContain(flat(first));
      for (const course of card.courses) if (course.url) expect(text.replace(/ /gu, '')).toContain(course.url.replace(/ /gu, ''));
      // Only this card's title on its page.
      for (const other of cards) if (other !== card && !flat(card.title).includes(flat(other.title))) expect(text).not.toContain(flat(other.title));
    });
  });

  it.skipIf(!real)('every 10th real card of ../shared/corpus gets its page, with its title and levels', async () => {
    const cards = (real ?? []).filter((_, i) => i % 10 === 0);
    const pdf = await readPdf(await cardsToPdf(exportCards(cards)));
    expect(pdf.pages).toHaveLength(cards.length);
    cards.forEach((card, i) => {
      const text = flat(pdf.pages[i]!);
      expect(text).toContain(flat(card.title));
      for (const level of card.levels) expect(text).toContain(`Proficiency level ${level.level} ${level.name}`);
    });
  });

  it.skipIf(!real)('a real card with dozens of courses still fits its page', async () => {
    const longest = [...(real ?? [])].sort((a, b) => b.courses.length - a.courses.length).slice(0, 3);
    expect(longest[0]!.courses.length).toBeGreaterThan(40);
    const pdf = await readPdf(await cardsToPdf(exportCards(longest)));
    expect(pdf.pages).toHaveLength(3);
    expect(flat(pdf.pages[0]!)).toContain(flat(longest[0]!.courses.at(-1)!.title));
  });

  it('writes a plan: grade and each bookmark’s status and saved date, then one page per published card', async () => {
    const [mid, senior] = seedCards();
    const buffer = await planToPdf(
      {
        grade: 9,
        items: [
          {
            card: { card: mid!, courses: listedOnly(mid!) },
            title: mid!.title,
            permalink: mid!.permalink,
            competency: mid!.competency,
            statusLabel: 'Next level',
            progressLabel: 'In progress',
            rating: 2,
            target: 3,
            gap: 1,
            note: 'Take the course in spring.',
            targetDate: '2027-03-31',
            savedOn: new Date('2026-10-01T12:00:00Z'),
          },
          {
            card: null,
            title: 'Retired thing',
            permalink: '/cards/510-Retired-Mid',
            competency: 'Retired',
            statusLabel: 'Retired card',
            progressLabel: 'Planned',
            rating: null,
            target: null,
            gap: null,
            note: null,
            targetDate: null,
            savedOn: new Date('2026-09-30T12:00:00Z'),
          },
          {
            card: { card: senior!, courses: listedOnly(senior!) },
            title: senior!.title,
            permalink: senior!.permalink,
            competency: senior!.competency,
            statusLabel: 'Beyond the next level',
            progressLabel: 'Done',
            rating: 5,
            target: 4,
            gap: 0,
            note: null,
            targetDate: null,
            savedOn: new Date('2026-10-02T12:00:00Z'),
          },
        ],
      },
      new Date('2026-12-04T00:00:00Z'),
    );
    const pdf = await readPdf(buffer);
    expect(pdf.title).toBe('My plan – FM Career Roadmap');
    expect(pdf.pages).toHaveLength(3);
    const summary = flat(pdf.pages[0]!);
    expect(summary).toContain('Your grade: GS 9, Entry level (GS 7–9)');
    expect(summary).toContain(
      `${flat(mid!.title)}: Mid level (GS 10–13). Status: Next level. Progress: In progress. Target date 2027-03-31. Saved on 2026-10-01.`,
    );
    expect(summary).toContain('Note: Take the course in spring.');
    expect(summary).toContain('Retired thing: no longer published. Status: Retired card. Progress: Planned. Saved on 2026-09-30.');
    expect(summary).toContain('Your rating: 2 Basic; target 3 Intermediate; gap 1 level.');
    expect(summary).toContain('Not rated yet.');
    expect(flat(pdf.pages[1]!)).toContain(
      'In my plan: Next level · In progress · target 2027-03-31 · saved on 2026-10-01. Your rating: 2 Basic; target 3 Intermediate; gap 1 level.',
    );
    expect(flat(pdf.pages[1]!)).toContain('Note: Take the course in spring.');
    expect(flat(pdf.pages[2]!)).toContain(
      'In my plan: Beyond the next level · Done · saved on 2026-10-02. Your rating: 5 Expert; target 4 Advanced; target met.',
    );
  });
});

describe('export requests', () => {
  const cards = generatedCards(60);
  const summaries = summariesOf(cards);
  const bySlug = new Map(cards.map((c) => [c.slug, c]));
  const source = (bookmarks: ReadonlySet<string> | null = null): ExportSource => ({
    summaries: () => summaries,
    search: () => createCardSearch(summaries),
    card: (slug) => bySlug.get(slug),
    courses: listedOnly,
    bookmarks: async () => bookmarks,
  });
  const ask = (query: string, bookmarks: ReadonlySet<string> | null = null) => resolveExport(new URLSearchParams(query), source(bookmarks));
  const status = async (query: string, bookmarks: ReadonlySet<string> | null = null) => {
    try {
      await ask(query, bookmarks);
      return 200;
    } catch (error) {
      if (error instanceof HttpError) return error.status;
      throw error;
    }
  };

  it('returns the named cards in the order asked, once each', async () => {
    const [a, b] = [cards[5]!, cards[2]!];
    const result = await ask(`format=CSV&slug=${a.slug}&slug=${b.slug}&slug=${a.slug}`);
    expect(result.format).toBe('csv');
    expect(result.cards.map((c) => c.card.url)).toEqual([a.url, b.url]);
  });

  it('refuses an unknown or missing format, an unknown slug, no slug, an unknown parameter and a 501st card with a 4xx and a sentence', async () => {
    const key = cards[0]!.slug;
    expect(await status(`format=docx&slug=${key}`)).toBe(400);
    expect(await status(`slug=${key}`)).toBe(400);
    expect(await status('format=pdf&slug=no-such-card')).toBe(404);
    expect(await status('format=pdf&slug=%2E%2E%2Fetc')).toBe(404);
    expect(await status('format=pdf')).toBe(400);
    expect(await status(`format=pdf&slug=${key}&debug=1`)).toBe(400);
    expect(await status(`format=pdf&select=everything`)).toBe(400);
    const many = Array.from({ length: MAX_EXPORT + 1 }, (_, i) => `slug=x${i}`).join('&');
    expect(await status(`format=csv&${many}`)).toBe(400);
    await expect(ask('format=pdf&slug=nope&slug=nah')).rejects.toThrow(/“nope”, “nah”/u);
  });

  it('with select=all, exports every card the filter matches, in the dashboard order', async () => {
    const result = await ask('format=pdf&select=all&series=0510&level=Mid&page=3');
    const expected = summaries.filter((s) => s.seriesCode === '0510' && s.careerLevel === 'Mid').map((s) => s.url);
    expect(expected.length).toBeGreaterThan(1);
    expect(result.cards.map((c) => c.card.url)).toEqual(expected);
    expect(await status('format=pdf&select=all&series=9999')).toBe(400);
    expect(await status('format=pdf&select=all&q=zzzzqqq')).toBe(400);
  });

  it('“only my plan” needs a signed-in person and exports only their bookmarks', async () => {
    expect(await status('format=csv&select=all&bookmarked=1')).toBe(401);
    const mine = new Set([cards[3]!.permalink, cards[7]!.permalink]);
    const result = await ask('format=csv&select=all&bookmarked=1', mine);
    expect(result.cards.map((c) => c.card.permalink).sort()).toEqual([...mine].sort());
  });

  it('refuses select=all over more than 500 cards', async () => {
    const big = generatedCards(520);
    const bigSummaries = summariesOf(big);
    const src: ExportSource = { ...source(), summaries: () => bigSummaries, card: (slug) => big.find((c) => c.slug === slug) };
    await expect(resolveExport(new URLSearchParams('format=csv&select=all'), src)).rejects.toThrow(/520 cards were selected; an export holds at most 500/u);
  });
});
