/**
 * Every query of profiles and bookmarks. Each takes the user's id and touches only that user's
 * rows: ownership is part of every WHERE clause, not a check done elsewhere.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SeriesCode } from '../cards/domain';
import type { Database } from './client';
import { bookmarks, profiles, type Bookmark, type Profile } from './schema';

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

export async function listBookmarks(db: Database, userId: string): Promise<Bookmark[]> {
  return db.select().from(bookmarks).where(eq(bookmarks.userId, userId)).orderBy(asc(bookmarks.competency), asc(bookmarks.createdAt));
}

export async function findBookmark(db: Database, userId: string, permalink: string): Promise<Bookmark | null> {
  const rows = await db
    .select()
    .from(bookmarks)
    .where(and(eq(bookmarks.userId, userId), eq(bookmarks.permalink, permalink)))
    .limit(1);
  return rows[0] ?? null;
}

export interface NewBookmark {
  readonly permalink: string;
  readonly title: string;
  readonly competency: string;
}

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
 * user already has for that card. One statement (an upsert that changes nothing on conflict), so
 * concurrent adds of one card never fail.
 */
export async function addBookmark(db: Database, userId: string, input: NewBookmark): Promise<Bookmark> {
  const rows = await db
    .insert(bookmarks)
    .values(bookmarkValues(userId, input))
    .onConflictDoUpdate({ target: [bookmarks.userId, bookmarks.permalink], set: { permalink: sql`excluded."permalink"` } })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('adding a bookmark returned no row');
  return row;
}

/**
 * Removes the bookmark if the user has it, else adds it. Each step is one statement that cannot
 * fail on a concurrent toggle (the delete finds nothing, or the insert meets the other's row and
 * does nothing). Returns the bookmark when the card ends up bookmarked by this call, else null.
 */
export async function toggleBookmark(db: Database, userId: string, input: NewBookmark): Promise<Bookmark | null> {
  if (await removeBookmarkByPermalink(db, userId, input.permalink)) return null;
  const rows = await db
    .insert(bookmarks)
    .values(bookmarkValues(userId, input))
    .onConflictDoNothing({ target: [bookmarks.userId, bookmarks.permalink] })
    .returning();
  return rows[0] ?? null;
}

/** Removes one of the user's bookmarks by id; false when the user has no such bookmark. */
export async function removeBookmark(db: Database, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(bookmarks)
    .where(and(eq(bookmarks.id, id), eq(bookmarks.userId, userId)))
    .returning({ id: bookmarks.id });
  return rows.length > 0;
}

export async function removeBookmarkByPermalink(db: Database, userId: string, permalink: string): Promise<boolean> {
  const rows = await db
    .delete(bookmarks)
    .where(and(eq(bookmarks.userId, userId), eq(bookmarks.permalink, permalink)))
    .returning({ id: bookmarks.id });
  return rows.length > 0;
}
