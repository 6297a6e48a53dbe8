import 'server-only';
/** Bookmarks: a person's target competencies, one card each, always read and written for that person only. */
import { z } from 'zod';
import type { SignedInUser } from './auth';
import { getCard } from './cards';
import type { Database } from './db/client';
import { addBookmark, findBookmark, listBookmarks, removeBookmark, removeBookmarkByPermalink, toggleBookmark } from './db/queries';
import type { Bookmark } from './db/schema';
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
  return b ? { id: b.id, permalink: b.permalink, createdAt: b.createdAt.toISOString() } : null;
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
