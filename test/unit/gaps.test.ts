/** The gap arithmetic (lib/gaps.ts), the rating scale's words (lib/rating-scale.ts) and share-link tokens (lib/share-token.ts). */
import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards';
import type { CareerLevel, CompetencyGroup, SeriesCode } from '@/lib/cards/domain';
import { competencySlug } from '@/lib/cards/derive';
import { coursesFor, gapRows, groupsOf, requiredLevel, rowsOfGroup, summarize, summarySentence, targetCareerLevel, type RatingEntry } from '@/lib/gaps';
import { GENERAL_MEANING, ratingScale } from '@/lib/rating-scale';
import { shareToken, verifyShareToken } from '@/lib/share-token';
import { seedCards } from '../support/cards';

const base = seedCards()[0]!;

function card(series: SeriesCode, level: CareerLevel, competency: string, levels: number[], group: CompetencyGroup = 'Primary'): Card {
  return {
    ...base,
    seriesCode: series,
    careerLevel: level,
    competency,
    competencySlug: competencySlug(competency),
    group,
    title: `${series} ${competency} ${level}`,
    url: `/cards/${series}-${competencySlug(competency)}-${level}`,
    levels: levels.map((l) => ({ level: l, name: `L${l}`, behaviors: [`does ${competency} at ${l}`], definitions: [`${competency} at level ${l}`] })),
  };
}

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const rating = (competency: string, level: number, day: string): RatingEntry => ({ competency, level, ratedAt: at(day) });

const cards = [
  card('0510', 'Entry', 'Budgeting', [1, 2]),
  card('0510', 'Mid', 'Budgeting', [3, 4]),
  card('0510', 'Senior', 'Budgeting', [5]),
  card('0510', 'Mid', 'Writing', [2, 3], 'Personal'),
  card('0510', 'Senior', 'Writing', [4], 'Personal'),
  card('0510', 'Entry', 'Auditing', [1]),
  card('0510', 'Mid', 'Resilience', [3], 'Personal'),
  card('0511', 'Mid', 'Other series only', [4]),
];

describe('targets', () => {
  it('come from the career level of the grade, or one up; Senior stays Senior', () => {
    expect([5, 7, 9, 10, 13, 14, 15].map((g) => targetCareerLevel(g, 'current'))).toEqual(['Entry', 'Entry', 'Entry', 'Mid', 'Mid', 'Senior', 'Senior']);
    expect([5, 9, 10, 13, 14, 15].map((g) => targetCareerLevel(g, 'next'))).toEqual(['Mid', 'Mid', 'Senior', 'Senior', 'Senior', 'Senior']);
    expect(() => targetCareerLevel(16, 'current')).toThrow(RangeError);
  });

  it('are the highest proficiency level a card describes', () => {
    expect(requiredLevel(cards[1]!)).toBe(4);
    expect(requiredLevel(cards[2]!)).toBe(5);
    expect(requiredLevel({ ...cards[0]!, levels: [] })).toBeNull();
  });
});

describe('gap rows', () => {
  const ratings = [
    rating('Budgeting', 2, '2026-01-10'),
    rating('Writing', 3, '2026-03-01'),
    rating('Budgeting', 1, '2025-12-01'),
    rating('Resilience', 4, '2026-02-01'),
    rating('Other series only', 1, '2026-02-01'),
  ];

  it('one per competency of the series: latest rating, target of the level, gap never below 0, sorted by gap', () => {
    const rows = gapRows(cards, '0510', 'Mid', ratings);
    expect(rows.map((r) => [r.competency, r.current, r.target, r.gap])).toEqual([
      ['Budgeting', 2, 4, 2],
      ['Resilience', 4, 3, 0],
      ['Writing', 3, 3, 0],
      ['Auditing', null, null, null],
    ]);
    const budgeting = rows[0]!;
    expect(budgeting.history.map((h) => h.level)).toEqual([1, 2]);
    expect(budgeting.missing).toEqual([3, 4]);
    expect(budgeting.card?.careerLevel).toBe('Mid');
    expect(rows[3]!.card).toBeNull();
  });

  it('unrated competencies with a target come after the rated ones, before those without a target', () => {
    const rows = gapRows(cards, '0510', 'Senior', [rating('Writing', 4, '2026-01-01')]);
    expect(rows.map((r) => [r.competency, r.current, r.target, r.gap])).toEqual([
      ['Writing', 4, 4, 0],
      ['Budgeting', null, 5, null],
      ['Auditing', null, null, null],
      ['Resilience', null, null, null],
    ]);
    expect(rows[1]!.missing).toEqual([]);
  });

  it('the latest of ratings made at the same moment is the last one written', () => {
    const rows = gapRows(cards, '0510', 'Mid', [rating('Budgeting', 1, '2026-01-01'), rating('Budgeting', 4, '2026-01-01')]);
    expect(rows.find((r) => r.competency === 'Budgeting')?.current).toBe(4);
  });

  it('filters by group and names the groups present, in the domain order', () => {
    const rows = gapRows(cards, '0510', 'Mid', ratings);
    expect(groupsOf(rows)).toEqual(['Primary', 'Personal']);
    expect(rowsOfGroup(rows, 'Personal').map((r) => r.competency)).toEqual(['Resilience', 'Writing']);
    expect(rowsOfGroup(rows, null)).toHaveLength(4);
  });

  it('sums up in a sentence', () => {
    const rows = gapRows(cards, '0510', 'Mid', ratings);
    expect(summarize(rows)).toEqual({ competencies: 4, rated: 3, comparable: 3, belowTarget: 1, metTarget: 2, totalGap: 2, withoutTarget: 1 });
    expect(summarySentence(summarize(rows))).toBe(
      'Of 4 competencies, you have rated 3. 1 is below target, by 2 proficiency levels in all; 2 meet it. 1 competency has no card at the target level.',
    );
    expect(summarySentence(summarize(gapRows(cards, '0510', 'Mid', [])))).toBe(
      'Of 4 competencies, you have rated 0. 1 competency has no card at the target level.',
    );
    expect(summarySentence(summarize([]))).toBe('There are no competencies to show.');
    // Someone else's plan (a shared view); none met; only ratings without targets; all met.
    const onlyGap = gapRows(cards, '0510', 'Mid', [rating('Budgeting', 1, '2026-01-01')]);
    expect(summarySentence(summarize(onlyGap), 'they')).toBe(
      'Of 4 competencies, they have rated 1. 1 is below target, by 3 proficiency levels in all. 1 competency has no card at the target level.',
    );
    const noTarget = gapRows(cards, '0510', 'Mid', [rating('Auditing', 2, '2026-01-01')]);
    expect(summarySentence(summarize(noTarget))).toBe(
      'Of 4 competencies, you have rated 1. None of the rated competencies has a target to compare with. 1 competency has no card at the target level.',
    );
    const allMet = gapRows(cards, '0510', 'Mid', [rating('Budgeting', 5, '2026-01-01')]);
    expect(summarySentence(summarize(allMet))).toBe(
      'Of 4 competencies, you have rated 1. Every rated competency with a target meets it. 1 competency has no card at the target level.',
    );
  });

  it('links a gap to the course finder at each missing level', () => {
    const row = gapRows(cards, '0510', 'Mid', ratings)[0]!;
    expect(row.missing.map((n) => coursesFor(row, n))).toEqual(['/courses?competency=Budgeting&level=3', '/courses?competency=Budgeting&level=4']);
    expect(coursesFor(row, null)).toBe('/courses?competency=Budgeting');
  });
});

describe('the rating scale', () => {
  it('takes each level’s words from the card that describes it, and OPM’s general meaning otherwise', () => {
    const scale = ratingScale([cards[3]!, cards[4]!]);
    expect(scale.map((l) => [l.level, l.name, l.from?.title ?? null])).toEqual([
      [1, 'Awareness', null],
      [2, 'Basic', '0510 Writing Mid'],
      [3, 'Intermediate', '0510 Writing Mid'],
      [4, 'Advanced', '0510 Writing Senior'],
      [5, 'Expert', null],
    ]);
    expect(scale[0]!.definitions).toEqual([GENERAL_MEANING[1]]);
    expect(scale[3]!.definitions).toEqual(['Writing at level 4']);
    expect(scale[3]!.behaviors).toEqual(['does Writing at 4']);
  });
});

describe('share-link tokens', () => {
  const secret = 'a-test-secret-of-at-least-32-characters!';
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('prove the id they carry, under this secret only', () => {
    const token = shareToken(id, secret);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/u);
    expect(verifyShareToken(token, secret)).toBe(id);
    expect(verifyShareToken(token, `${secret}x`)).toBeNull();
  });

  it('refuse an altered id or mac, a truncated token and anything else', () => {
    const token = shareToken(id, secret);
    const otherId = `1${id.slice(1)}`;
    expect(verifyShareToken(`${otherId}${token.slice(36)}`, secret)).toBeNull();
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(verifyShareToken(flipped, secret)).toBeNull();
    for (const bad of ['', token.slice(0, -1), `${token}A`, id, `${id}.${'='.repeat(43)}`, token.toUpperCase(), '../'.repeat(27)]) {
      expect(verifyShareToken(bad, secret)).toBeNull();
    }
    expect(() => shareToken('not-a-uuid', secret)).toThrow(TypeError);
  });
});
