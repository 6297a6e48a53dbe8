/**
 * The gap between where a person rates themselves and where their cards say they should be.
 * Pure and unit-tested; the gap view, My plan's exports and the shared view all read it. ADR 0021.
 *
 * - The **target** of a competency is the highest proficiency level that the card of the person's
 *   series, at the target career level, describes (a Mid card describing levels 3 and 4 asks for 4).
 *   The target career level is the person's own (ADR 0005's grade mapping), or one up when they
 *   aim for the next level (Senior stays Senior).
 * - The **current** level is the person's latest rating of that competency; earlier ratings are
 *   its history.
 * - The **gap** is target − current, never below 0; unknown when either is missing.
 */
import type { Card } from './cards';
import { competencySlug } from './cards/derive';
import { CAREER_LEVELS, COMPETENCY_GROUPS, type CareerLevel, type CompetencyGroup, type SeriesCode } from './cards/domain';
import { courseFinderHref, NO_COURSE_FILTER } from './course-finder';
import { careerLevelForGrade } from './grades';

export const AIMS = ['current', 'next'] as const;
export type Aim = (typeof AIMS)[number];

export const AIM_LABEL: Record<Aim, string> = {
  current: 'My career level',
  next: 'The next career level',
};

export interface RatingEntry {
  readonly competency: string;
  /** 1–5. */
  readonly level: number;
  readonly ratedAt: Date;
}

export interface GapRow {
  readonly competency: string;
  readonly slug: string;
  readonly group: CompetencyGroup;
  /** The card the target comes from; null when the series has no card of the competency at that career level. */
  readonly card: Card | null;
  readonly target: number | null;
  /** The latest rating; null when the person has not rated the competency. */
  readonly current: number | null;
  readonly gap: number | null;
  /** Every rating of the competency, oldest first. */
  readonly history: readonly RatingEntry[];
  /** The proficiency levels between current and target, for which courses are suggested. */
  readonly missing: readonly number[];
}

/** The career level targets come from. */
export function targetCareerLevel(grade: number, aim: Aim): CareerLevel {
  const mine = CAREER_LEVELS.indexOf(careerLevelForGrade(grade));
  return CAREER_LEVELS[aim === 'next' ? Math.min(mine + 1, CAREER_LEVELS.length - 1) : mine] ?? 'Entry';
}

/** The proficiency level a card asks for: the highest it describes; null when it describes none. */
export function requiredLevel(card: Card): number | null {
  return card.levels.length === 0 ? null : Math.max(...card.levels.map((l) => l.level));
}

/** The latest rating of each competency, and each competency's history (oldest first). */
function historyByCompetency(ratings: readonly RatingEntry[]): Map<string, RatingEntry[]> {
  const byCompetency = new Map<string, RatingEntry[]>();
  // A stable sort: ratings of the same moment keep the order they were given in (the order written).
  const sorted = [...ratings].sort((a, b) => a.ratedAt.getTime() - b.ratedAt.getTime());
  for (const rating of sorted) byCompetency.set(rating.competency, [...(byCompetency.get(rating.competency) ?? []), rating]);
  return byCompetency;
}

/** Where a row sorts: gaps first, largest first; then met targets; then unrated; then no target. */
function rank(row: GapRow): number {
  if (row.target === null) return -2;
  if (row.current === null) return -1;
  return row.gap ?? 0;
}

/**
 * One row per competency that the series has a card of (at any career level), sorted by gap
 * (largest first), then by name.
 */
export function gapRows(cards: readonly Card[], series: SeriesCode, level: CareerLevel, ratings: readonly RatingEntry[]): GapRow[] {
  const history = historyByCompetency(ratings);
  const byCompetency = new Map<string, Card[]>();
  for (const card of cards) {
    if (card.seriesCode !== series) continue;
    byCompetency.set(card.competency, [...(byCompetency.get(card.competency) ?? []), card]);
  }
  const rows = [...byCompetency.entries()].map(([competency, ofCompetency]): GapRow => {
    const card = ofCompetency.find((c) => c.careerLevel === level) ?? null;
    const target = card ? requiredLevel(card) : null;
    const past = history.get(competency) ?? [];
    const current = past.at(-1)?.level ?? null;
    const gap = target !== null && current !== null ? Math.max(0, target - current) : null;
    const missing = gap ? Array.from({ length: gap }, (_, i) => (current ?? 0) + 1 + i) : [];
    const group = (card ?? ofCompetency[0])?.group ?? 'Primary';
    return { competency, slug: competencySlug(competency), group, card, target, current, gap, history: past, missing };
  });
  return rows.sort((a, b) => rank(b) - rank(a) || a.competency.localeCompare(b.competency, 'en'));
}

/** The rows of one competency group (all rows for null). */
export function rowsOfGroup(rows: readonly GapRow[], group: CompetencyGroup | null): GapRow[] {
  return group === null ? [...rows] : rows.filter((r) => r.group === group);
}

/** The groups that the rows have, in the domain's order. */
export function groupsOf(rows: readonly GapRow[]): CompetencyGroup[] {
  const present = new Set(rows.map((r) => r.group));
  return COMPETENCY_GROUPS.filter((g) => present.has(g));
}

export interface GapSummary {
  readonly competencies: number;
  readonly rated: number;
  /** Rated competencies that have a target to compare with. */
  readonly comparable: number;
  readonly belowTarget: number;
  readonly metTarget: number;
  /** The sum of the gaps, in proficiency levels. */
  readonly totalGap: number;
  readonly withoutTarget: number;
}

export function summarize(rows: readonly GapRow[]): GapSummary {
  return {
    competencies: rows.length,
    rated: rows.filter((r) => r.current !== null).length,
    comparable: rows.filter((r) => r.gap !== null).length,
    belowTarget: rows.filter((r) => (r.gap ?? 0) > 0).length,
    metTarget: rows.filter((r) => r.gap === 0).length,
    totalGap: rows.reduce((sum, r) => sum + (r.gap ?? 0), 0),
    withoutTarget: rows.filter((r) => r.target === null).length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The summary in words: what the chart shows, for anyone who does not read the chart. `subject`
 * is who rated: the person themselves, or (in a shared view) the plan's owner.
 */
export function summarySentence(s: GapSummary, subject: 'you' | 'they' = 'you'): string {
  if (s.competencies === 0) return 'There are no competencies to show.';
  const parts = [`Of ${plural(s.competencies, 'competency', 'competencies')}, ${subject === 'you' ? 'you have' : 'they have'} rated ${s.rated}.`];
  if (s.rated > 0 && s.comparable === 0) parts.push('None of the rated competencies has a target to compare with.');
  else if (s.comparable > 0 && s.belowTarget === 0) parts.push(`Every rated competency with a target meets it.`);
  else if (s.belowTarget > 0) {
    const met = s.metTarget > 0 ? `; ${s.metTarget} ${s.metTarget === 1 ? 'meets' : 'meet'} it` : '';
    parts.push(`${plural(s.belowTarget, 'is', 'are')} below target, by ${plural(s.totalGap, 'proficiency level', 'proficiency levels')} in all${met}.`);
  }
  if (s.withoutTarget > 0) parts.push(`${plural(s.withoutTarget, 'competency has', 'competencies have')} no card at the target level.`);
  return parts.join(' ');
}

/** The course finder, filtered to a competency and one of its missing levels. */
export function coursesFor(row: Pick<GapRow, 'slug'>, level: number | null): string {
  return courseFinderHref({ ...NO_COURSE_FILTER, competency: row.slug, level });
}
