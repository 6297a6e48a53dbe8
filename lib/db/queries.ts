/**
 * Every query of profiles and bookmarks. Each takes the user's id and touches only that user's
 * rows: ownership is part of every WHERE clause, not a check done elsewhere.
 */
import { and, asc, eq } from 'drizzle-orm';
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
  readonly grade: number | null;
  readonly series: string | null;
}

/** Adds the bookmark, or returns the one the user already has for that card. */
export async function addBookmark(db: Database, userId: string, input: NewBookmark): Promise<{ bookmark: Bookmark; created: boolean }> {
  const inserted = await db
    .insert(bookmarks)
    .values({
      userId,
      permalink: input.permalink,
      title: input.title,
      competency: input.competency,
      gradeAtBookmark: input.grade,
      seriesAtBookmark: input.series,
    })
    .onConflictDoNothing({ target: [bookmarks.userId, bookmarks.permalink] })
    .returning();
  if (inserted[0]) return { bookmark: inserted[0], created: true };
  const existing = await findBookmark(db, userId, input.permalink);
  if (!existing) throw new Error('bookmark neither inserted nor found');
  return { bookmark: existing, created: false };
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
