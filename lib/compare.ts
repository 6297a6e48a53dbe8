/**
 * The compare view: one competency of one series at Entry, Mid and Senior, with the proficiency
 * levels of all three aligned. Pure.
 */
import type { Card, ProficiencyGroup } from './cards/card';
import { CAREER_LEVEL_GS, CAREER_LEVELS, formatGsRange, proficiencyName, type CareerLevel, type SeriesCode } from './cards/domain';

export interface CompareColumn {
  readonly level: CareerLevel;
  readonly gsLabel: string;
  /** The card at this career level, or null when the competency has none there. */
  readonly card: Card | null;
  /** Other cards at the same level (an older generation kept at its own path). */
  readonly others: readonly Card[];
}

export interface CompareRow {
  readonly level: number;
  readonly name: string;
  /** Per column: that card's items at this proficiency level, or null when it has none. */
  readonly cells: readonly (ProficiencyGroup | null)[];
}

export interface Comparison {
  readonly seriesCode: SeriesCode;
  readonly seriesTitle: string;
  readonly competency: string;
  readonly competencySlug: string;
  /** The competency's description (the same on every card of it). */
  readonly description: string;
  readonly columns: readonly CompareColumn[];
  readonly rows: readonly CompareRow[];
}

/**
 * `cards`: every card of one series and competency (in list order). Always three columns, Entry to
 * Senior; rows are the proficiency levels any of them describes, in ascending order.
 */
export function buildComparison(cards: readonly Card[]): Comparison | null {
  const first = cards[0];
  if (!first) return null;
  const columns = CAREER_LEVELS.map((level): CompareColumn => {
    const at = cards.filter((c) => c.careerLevel === level);
    // The card at /cards/ first: a /cardsNew/ one kept at its own path is the extra.
    const sorted = [...at].sort((a, b) => Number(b.url.startsWith('/cards/')) - Number(a.url.startsWith('/cards/')));
    return { level, gsLabel: formatGsRange(CAREER_LEVEL_GS[level]), card: sorted[0] ?? null, others: sorted.slice(1) };
  });
  const levels = new Set<number>();
  for (const column of columns) for (const group of column.card?.levels ?? []) levels.add(group.level);
  const rows = [...levels]
    .sort((a, b) => a - b)
    .map((level): CompareRow => ({
      level,
      name: proficiencyName(level),
      cells: columns.map((column) => column.card?.levels.find((g) => g.level === level) ?? null),
    }));
  return {
    seriesCode: first.seriesCode,
    seriesTitle: first.seriesTitle,
    competency: first.competency,
    competencySlug: first.competencySlug,
    description: columns.find((c) => c.card)?.card?.description ?? first.description,
    columns,
    rows,
  };
}
