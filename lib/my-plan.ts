import 'server-only';
/** A person's plan as the plan page and its exports show it: bookmarks grouped by competency, each with its status. */
import { getCard, getCardCourses, type Card } from './cards';
import type { Database } from './db/client';
import { getProfile, listBookmarks } from './db/queries';
import type { Bookmark } from './db/schema';
import type { PlanExport } from './export/csv';
import type { GapRow } from './gaps';
import { groupByCompetency, planStatus, PROGRESS_LABEL, STATUS_LABEL, type PlanStatus } from './plan';

export interface PlanRow {
  readonly bookmark: Bookmark;
  /** Null when the card is no longer published. */
  readonly card: Card | null;
  readonly competency: string;
  readonly status: PlanStatus;
}

export interface Plan {
  readonly grade: number | null;
  readonly groups: { competency: string; items: PlanRow[] }[];
}

/** The plan of one user: only that user's bookmarks are read. */
export async function loadPlan(db: Database, userId: string): Promise<Plan> {
  const [profile, bookmarks] = await Promise.all([getProfile(db, userId), listBookmarks(db, userId)]);
  const grade = profile?.grade ?? null;
  const rows = bookmarks.map((bookmark): PlanRow => {
    const card = getCard(bookmark.permalink) ?? null;
    return { bookmark, card, competency: card?.competency ?? bookmark.competency, status: planStatus(card?.careerLevel ?? null, grade) };
  });
  return { grade, groups: groupByCompetency(rows) };
}

/** The plan as exports write it; `gaps` adds each competency's rating, target and gap. */
export function planExport(plan: Plan, gaps: readonly GapRow[] = []): PlanExport {
  const gapOf = new Map(gaps.map((g) => [g.competency, g]));
  return {
    grade: plan.grade,
    items: plan.groups.flatMap((g) =>
      g.items.map((row) => ({
        card: row.card ? { card: row.card, courses: getCardCourses(row.card) } : null,
        title: row.card?.title ?? row.bookmark.title,
        permalink: row.card?.permalink ?? row.bookmark.permalink,
        competency: row.competency,
        statusLabel: STATUS_LABEL[row.status],
        progressLabel: PROGRESS_LABEL[row.bookmark.progress],
        rating: gapOf.get(row.competency)?.current ?? null,
        target: gapOf.get(row.competency)?.target ?? null,
        gap: gapOf.get(row.competency)?.gap ?? null,
        note: row.bookmark.note,
        targetDate: row.bookmark.targetDate,
        savedOn: row.bookmark.createdAt,
      })),
    ),
  };
}
