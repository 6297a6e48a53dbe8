import 'server-only';
/** Bookmarks: a person's target competencies, one card each, always read and written for that person only. */
import { z } from 'zod';
import type { SignedInUser } from './auth';
import { getCard } from './cards';
import type { Database } from './db/client';
import {
  addBookmark,
  findBookmark,
  listBookmarks,
  removeBookmark,
  removeBookmarkByPermalink,
  restoreBookmark,
  toggleBookmark,
  updateBookmark,
} from './db/queries';
import { PROGRESS, type Bookmark } from './db/schema';
import { notFound } from './http';

export const permalinkField = z
  .string({ error: 'permalink is required' })
  .trim()
  .min(1, 'permalink is required')
  .max(300, 'permalink is too long')
  .regex(/^\/[A-Za-z0-9/._~-]+$/u, 'permalink must be a path such as /cards/510-Customer-Service-Mid');

export const bookmarkIdField = z.uuid({ error: 'the bookmark id is not valid' });

export interface Owner {
  readonly user: SignedInUser;
  readonly db: Database;
}

export function bookmarkJson(b: Bookmark | null) {
  return b ? { id: b.id, permalink: b.permalink, createdAt: b.createdAt.toISOString(), progress: b.progress, note: b.note, targetDate: b.targetDate } : null;
}

export const NOTE_MAX = 1000;

/** A calendar date the person can type or pick: `YYYY-MM-DD`, a real day, years 2000–2100. */
const targetDateField = z
  .string()
  .trim()
  .refine((v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(v);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }, 'Enter the target date as a real date, such as 2027-06-30.');

/** What "My plan" lets a person keep about a bookmark (a form's empty note or date clears it). */
export const planEntryFields = z
  .object({
    progress: z.enum(PROGRESS, { error: 'Choose planned, in progress or done.' }),
    note: z
      .string()
      .max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters.`)
      .optional()
      // A form sends line breaks as CRLF: kept as LF, as typed.
      .transform((v) => (v === undefined || v.trim() === '' ? null : v.replace(/\r\n?/gu, '\n').trim())),
    targetDate: z
      .union([z.literal(''), targetDateField])
      .optional()
      .transform((v) => (v === undefined || v === '' ? null : v)),
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

export async function updateOwnBookmark(owner: Owner, id: string, entry: z.output<typeof planEntryFields>): Promise<Bookmark> {
  const row = await updateBookmark(owner.db, owner.user.id, id, entry);
  if (!row) throw notFound('You have no such bookmark.');
  return row;
}

/** "Undo" after Remove: 404 when there is nothing of the person's to bring back. */
export async function restoreOwnBookmark(owner: Owner, id: string): Promise<Bookmark> {
  const row = await restoreBookmark(owner.db, owner.user.id, id);
  if (!row) throw notFound('That bookmark can no longer be brought back (it was removed over a day ago, or is in your plan already).');
  return row;
}

/** The permalink a bookmark of this card is kept under (the card's own, when the card is known). */
function keyOf(permalink: string): string {
  return getCard(permalink)?.permalink ?? permalink;
}

/** The person's bookmark of a card, or null. */
export async function bookmarkOf(owner: Owner, permalink: string): Promise<Bookmark | null> {
  return findBookmark(owner.db, owner.user.id, keyOf(permalink));
}

/**
 * Adds, removes or toggles the person's bookmark of a card, recording their grade and series when
 * added (in the same statement). A toggle is at most two statements that cannot fail on a
 * concurrent click. Returns the bookmark, or null.
 */
export async function changeBookmark(owner: Owner, permalink: string, intent: 'add' | 'remove' | 'toggle'): Promise<Bookmark | null> {
  const card = getCard(permalink);
  if (intent === 'remove') {
    await removeBookmarkByPermalink(owner.db, owner.user.id, keyOf(permalink));
    return null;
  }
  if (!card) {
    if (intent === 'toggle' && (await removeBookmarkByPermalink(owner.db, owner.user.id, permalink))) return null;
    throw notFound(`There is no card at ${permalink}.`);
  }
  const input = { permalink: card.permalink, title: card.title, competency: card.competency };
  if (intent === 'add') return addBookmark(owner.db, owner.user.id, input);
  return toggleBookmark(owner.db, owner.user.id, input);
}

export async function removeOwnBookmark(owner: Owner, id: string): Promise<void> {
  if (!(await removeBookmark(owner.db, owner.user.id, id))) throw notFound('You have no such bookmark.');
}

export async function bookmarkedPermalinks(owner: Owner): Promise<string[]> {
  return (await listBookmarks(owner.db, owner.user.id)).map((b) => b.permalink);
}
