import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards/card';
import { buildComparison } from '@/lib/compare';
import { compareHref } from '@/lib/cards/identity';
import { generatedCards, seedCards } from '../support/cards';

describe('compare career levels', () => {
  it('always has Entry, Mid and Senior columns; a level without a card is an empty column', () => {
    const seeds = seedCards();
    expect(seeds).toHaveLength(2);
    const c = buildComparison(seeds)!;
    expect(c.competency).toBe('Customer Service');
    expect(c.columns.map((col) => [col.level, col.gsLabel, col.card?.url ?? null])).toEqual([
      ['Entry', 'GS 7\u20139', null],
      ['Mid', 'GS 10\u201313', '/cards/510-Customer-Service-Mid'],
      ['Senior', 'GS 14\u201315', '/cards/510-Customer-Service-Senior'],
    ]);
    expect(compareHref(seeds[0]!)).toBe('/compare/0510/Customer-Service');
    expect(c.description).toBe(seeds[0]!.description);
  });

  it('lines the proficiency levels up in rows: each row holds each card’s items for that level, or nothing', () => {
    const seeds = seedCards();
    const c = buildComparison(seeds)!;
    const levels = [...new Set(seeds.flatMap((s) => s.levels.map((l) => l.level)))].sort();
    expect(c.rows.map((r) => r.level)).toEqual(levels);
    for (const row of c.rows) {
      expect(row.cells).toHaveLength(3);
      expect(row.cells[0]).toBeNull();
      c.columns.forEach((col, i) => {
        const expected = col.card?.levels.find((l) => l.level === row.level) ?? null;
        expect(row.cells[i]).toEqual(expected);
      });
    }
  });

  it('groups a generated competency at all three levels, and prefers the /cards/ page over an older generation', () => {
    const all = generatedCards(36);
    const first = all[0]!;
    const group = all.filter((c) => c.seriesCode === first.seriesCode && c.competencySlug === first.competencySlug);
    expect(group.map((c) => c.careerLevel).sort()).toEqual(['Entry', 'Mid', 'Senior']);
    const older: Card = { ...group[1]!, slug: `cardsNew/${group[1]!.slug}`, url: `/cardsNew/${group[1]!.slug}` };
    const c = buildComparison([older, ...group])!;
    expect(c.columns.every((col) => col.card !== null)).toBe(true);
    const col = c.columns.find((x) => x.level === older.careerLevel)!;
    expect(col.card?.url).toBe(group[1]!.url);
    expect(col.others.map((o) => o.url)).toEqual([older.url]);
    expect(buildComparison([])).toBeNull();
  });
});
