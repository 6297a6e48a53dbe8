/** "My plan": each bookmark marked against the user's current grade. Pure, unit-tested. */
import { CAREER_LEVELS, type CareerLevel } from './cards/domain';
import { careerLevelForGrade } from './grades';

export type PlanStatus = 'at-my-level' | 'next-level' | 'beyond' | 'below' | 'retired' | 'no-grade';

export const STATUS_LABEL: Record<PlanStatus, string> = {
  'at-my-level': 'At my level',
  'next-level': 'Next level',
  beyond: 'Beyond the next level',
  below: 'Below my level',
  retired: 'Retired card',
  'no-grade': 'Set your grade to compare',
};

/** What the person says of their progress (kept on the bookmark; lib/db/schema.ts PROGRESS). */
export const PROGRESS_LABEL: Record<'planned' | 'in-progress' | 'done', string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
};

/** Where a card of `cardLevel` stands for someone at GS `grade`; a card that no longer exists is retired. */
export function planStatus(cardLevel: CareerLevel | null, grade: number | null): PlanStatus {
  if (cardLevel === null) return 'retired';
  if (grade === null) return 'no-grade';
  const mine = CAREER_LEVELS.indexOf(careerLevelForGrade(grade));
  const theirs = CAREER_LEVELS.indexOf(cardLevel);
  if (theirs === mine) return 'at-my-level';
  if (theirs === mine + 1) return 'next-level';
  if (theirs > mine + 1) return 'beyond';
  return 'below';
}

/** Groups items by competency (alphabetically), keeping each group's order. */
export function groupByCompetency<T extends { competency: string }>(items: readonly T[]): { competency: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.competency, [...(groups.get(item.competency) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([competency, list]) => ({ competency, items: list }));
}
