/**
 * Every query of profiles, bookmarks, ratings and share links. Each takes the user's id and touches only that user's
 * rows: ownership is part of every WHERE clause, not a check done elsewhere.
 */
import { and, asc, desc, eq, gt, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { SeriesCode } from '../cards/domain';
import type { Database } from './client';
import type { Aim } from '../gaps';
import { bookmarks, profiles, ratings, shareLinks, users, type Bookmark, type Profile, type Progress, type Rating, type ShareLink } from './schema';

export async function getProfile(db: Database, userId: string): Promise<Profile | null> {
  const rows = await db.select().from(profiles).where(eq(profiles.userId, userId)).limit(1);
  return rows[0] ?? null;
}

export async function saveProfile(db: Database, userId: string, input: { series: SeriesCode; grade: number }): Promise<Profile> {
  const now = new Date();
  const rows = await db
    .insert(profiles)
    .values({ userId, series: input.series, grade: input.grade, updatedAt: now })
    .onConflictDoUpdate({ target: profiles.userId, set: { series: input.series, grade: input.grade, updatedAt: now } })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('saving the profile returned no row');
  return row;
}

/** The user's bookmarks (a removed one is not listed: it only waits for "Undo"). */
export async function listBookmarks(db: Database, userId: string): Promise<Bookmark[]> {
  return db
    .select()
    .from(bookmarks)
    .where(and(eq(bookmarks.userId, userId), isNull(bookmarks.removedAt)))
    .orderBy(asc(bookmarks.competency), asc(bookmarks.createdAt));
}

export async function findBookmark(db: Database, userId: string, permalink: string): Promise<Bookmark | null> {
  const rows = await db
    .select()
    .from(bookmarks)
    .where(and(eq(bookmarks.userId, userId), eq(bookmarks.permalink, permalink), isNull(bookmarks.removedAt)))
    .limit(1);
  return rows[0] ?? null;
}

export interface NewBookmark {
  readonly permalink: string;
  readonly title: string;
  readonly competency: string;
}

/** What a revived row takes: today's title, grade and date, and nothing it kept before. */
const REVIVED = {
  title: sql`excluded."title"`,
  competency: sql`excluded."competency"`,
  gradeAtBookmark: sql`excluded."gradeAtBookmark"`,
  seriesAtBookmark: sql`excluded."seriesAtBookmark"`,
  createdAt: sql`now()`,
  progress: sql`'planned'`,
  note: sql`null`,
  targetDate: sql`null`,
  removedAt: sql`null`,
} as const;

/**
 * On conflict with a removed row of the same card, that row comes back as a new bookmark (REVIVED).
 * A live row is left alone: the update's WHERE does not match it, so the statement returns nothing.
 */
const reviveRemoved = { target: [bookmarks.userId, bookmarks.permalink], set: REVIVED, setWhere: isNotNull(bookmarks.removedAt) };

/** The same, but a live row is returned unchanged (each column keeps its value), so the statement always returns the row. */
const reviveOrKeep = {
  target: [bookmarks.userId, bookmarks.permalink],
  set: Object.fromEntries(
    Object.entries(REVIVED).map(([column, value]) => [
      column,
      sql`case when ${bookmarks.removedAt} is null then ${sql.identifier('bookmark')}.${sql.identifier(column)} else ${value} end`,
    ]),
  ),
};

/** The bookmark's row; the person's grade and series of the moment are read in the same statement. */
function bookmarkValues(userId: string, input: NewBookmark) {
  return {
    userId,
    permalink: input.permalink,
    title: input.title,
    competency: input.competency,
    gradeAtBookmark: sql<number | null>`(select ${profiles.grade} from ${profiles} where ${profiles.userId} = ${userId})`,
    seriesAtBookmark: sql<string | null>`(select ${profiles.series} from ${profiles} where ${profiles.userId} = ${userId})`,
  };
}

/**
 * Adds the bookmark (with the person's grade and series of the moment), or returns the one the
 * user already has for that card. One upsert that changes nothing on a live row, so concurrent
 * adds and toggles of one card never fail.
 */
export async function addBookmark(db: Database, userId: string, input: NewBookmark): Promise<Bookmark> {
  const rows = await db.insert(bookmarks).values(bookmarkValues(userId, input)).onConflictDoUpdate(reviveOrKeep).returning();
  const row = rows[0];
  if (!row) throw new Error('adding a bookmark returned no row');
  return row;
}

/**
 * Removes the bookmark if the user has it, else adds it. Each step is one statement that cannot
 * fail on a concurrent toggle (the removal finds nothing, or the insert meets the other's live row
 * and does nothing). Returns the bookmark when the card ends up bookmarked by this call, else null.
 */
export async function toggleBookmark(db: Database, userId: string, input: NewBookmark): Promise<Bookmark | null> {
  if (await removeBookmarkByPermalink(db, userId, input.permalink)) return null;
  const rows = await db.insert(bookmarks).values(bookmarkValues(userId, input)).onConflictDoUpdate(reviveRemoved).returning();
  return rows[0] ?? null;
}

/** How long a removed bookmark waits for "Undo" before it is deleted for good. */
const UNDO_WINDOW = sql`now() - interval '1 day'`;

/**
 * Removes one of the user's bookmarks by id (kept for "Undo"); false when the user has no such
 * live bookmark. Bookmarks the user removed over a day ago are deleted for good in the same call.
 */
export async function removeBookmark(db: Database, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(bookmarks)
    .set({ removedAt: sql`now()` })
    .where(and(eq(bookmarks.id, id), eq(bookmarks.userId, userId), isNull(bookmarks.removedAt)))
    .returning({ id: bookmarks.id });
  await db.delete(bookmarks).where(and(eq(bookmarks.userId, userId), lt(bookmarks.removedAt, UNDO_WINDOW)));
  return rows.length > 0;
}

export async function removeBookmarkByPermalink(db: Database, userId: string, permalink: string): Promise<boolean> {
  const rows = await db
    .update(bookmarks)
    .set({ removedAt: sql`now()` })
    .where(and(eq(bookmarks.userId, userId), eq(bookmarks.permalink, permalink), isNull(bookmarks.removedAt)))
    .returning({ id: bookmarks.id });
  return rows.length > 0;
}

/** Brings back a bookmark the user removed (within the undo window); null when there is none to bring back. */
export async function restoreBookmark(db: Database, userId: string, id: string): Promise<Bookmark | null> {
  const rows = await db
    .update(bookmarks)
    .set({ removedAt: null })
    .where(and(eq(bookmarks.id, id), eq(bookmarks.userId, userId), isNotNull(bookmarks.removedAt), sql`${bookmarks.removedAt} >= ${UNDO_WINDOW}`))
    .returning();
  return rows[0] ?? null;
}

export interface PlanEntry {
  readonly progress: Progress;
  readonly note: string | null;
  readonly targetDate: string | null;
}

/** Saves what the user keeps about one of their live bookmarks; null when they have no such bookmark. */
export async function updateBookmark(db: Database, userId: string, id: string, entry: PlanEntry): Promise<Bookmark | null> {
  const rows = await db
    .update(bookmarks)
    .set({ progress: entry.progress, note: entry.note, targetDate: entry.targetDate })
    .where(and(eq(bookmarks.id, id), eq(bookmarks.userId, userId), isNull(bookmarks.removedAt)))
    .returning();
  return rows[0] ?? null;
}

/** How many ratings of one competency a person keeps: older ones are dropped as new ones come. */
export const RATING_HISTORY = 50;

/** Records the user's rating of a competency now; the oldest beyond RATING_HISTORY of that competency are deleted. */
export async function addRating(db: Database, userId: string, competency: string, level: number): Promise<Rating> {
  const rows = await db.insert(ratings).values({ userId, competency, level }).returning();
  const row = rows[0];
  if (!row) throw new Error('adding a rating returned no row');
  const kept = db
    .select({ id: ratings.id })
    .from(ratings)
    .where(and(eq(ratings.userId, userId), eq(ratings.competency, competency)))
    .orderBy(desc(ratings.ratedAt), desc(ratings.id))
    .limit(RATING_HISTORY);
  await db.delete(ratings).where(and(eq(ratings.userId, userId), eq(ratings.competency, competency), notInArray(ratings.id, kept)));
  return row;
}

/** Every rating of the user, oldest first. */
export async function listRatings(db: Database, userId: string): Promise<Rating[]> {
  return db.select().from(ratings).where(eq(ratings.userId, userId)).orderBy(asc(ratings.ratedAt));
}

/** Where the user's targets come from; false when they have no profile yet. */
export async function saveAim(db: Database, userId: string, aim: Aim): Promise<boolean> {
  const rows = await db.update(profiles).set({ aim, updatedAt: new Date() }).where(eq(profiles.userId, userId)).returning({ userId: profiles.userId });
  return rows.length > 0;
}

/** How many live links one person may have at a time. */
export const MAX_SHARE_LINKS = 10;

/** How long a revoked or expired link is kept (its address answers 410 meanwhile, then 404). */
const CLOSED_LINKS_KEPT = sql`now() - interval '30 days'`;

/**
 * Makes a link open for `days`; null when the user already has MAX_SHARE_LINKS open. One
 * transaction holding the user's row, so concurrent requests cannot pass the limit; links closed
 * over 30 days ago are deleted in it, so making and revoking links in a loop keeps no rows.
 */
export async function createShareLink(db: Database, userId: string, days: number): Promise<ShareLink | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
    await tx
      .delete(shareLinks)
      .where(and(eq(shareLinks.userId, userId), sql`coalesce(${shareLinks.revokedAt}, ${shareLinks.expiresAt}) < ${CLOSED_LINKS_KEPT}`));
    const open = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(shareLinks)
      .where(and(eq(shareLinks.userId, userId), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, sql`now()`)));
    if ((open[0]?.n ?? 0) >= MAX_SHARE_LINKS) return null;
    const rows = await tx
      .insert(shareLinks)
      .values({ userId, expiresAt: sql`now() + make_interval(days => ${days})` })
      .returning();
    return rows[0] ?? null;
  });
}

/** The user's links that still open (not revoked, not expired), newest first. */
export async function listShareLinks(db: Database, userId: string): Promise<ShareLink[]> {
  return db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.userId, userId), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, sql`now()`)))
    .orderBy(desc(shareLinks.createdAt));
}

/** Revokes one of the user's open links; false when the user has no such open link (an expired one stays expired). */
export async function revokeShareLink(db: Database, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(shareLinks)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(shareLinks.id, id), eq(shareLinks.userId, userId), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, sql`now()`)))
    .returning({ id: shareLinks.id });
  return rows.length > 0;
}

/** A link by id, whoever owns it: only for a request that has proved it holds the link's secret (lib/share-links.ts). */
export async function findShareLink(db: Database, id: string): Promise<(ShareLink & { expired: boolean }) | null> {
  // The database's clock decides expiry, in SQL (no timestamp parsed in JavaScript to compare).
  const rows = await db
    .select({ link: shareLinks, expired: sql<boolean>`${shareLinks.expiresAt} <= now()` })
    .from(shareLinks)
    .where(eq(shareLinks.id, id))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.link, expired: row.expired === true } : null;
}
