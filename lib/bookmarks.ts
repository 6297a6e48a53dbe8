import 'server-only';
import { z } from 'zod';
import { currentUser, type SignedInUser } from './auth';
import { getCardByPath, type Card } from './cards';
import { getDb, type Database } from './db/client';
import { addBookmark, findBookmark, getProfile, listBookmarks, removeBookmark, removeBookmarkByPermalink } from './db/queries';
import type { Bookmark } from './db/schema';
import { assertSameOrigin, badRequest, errorResponse, isFormRequest, notFound, parseInput, readBody, safeReturnTo, unauthorized } from './http';

/** The card a permalink (as written) or page URL names. */
export function cardByPath(path: string): Card | undefined {
  return getCardByPath(path);
}

export const permalinkField = z
  .string({ error: 'permalink is required' })
  .trim()
  .min(1, 'permalink is required')
  .max(300, 'permalink is too long')
  .regex(/^\/[A-Za-z0-9/._~-]+$/u, 'permalink must be a path such as /cards/510-Customer-Service-Mid');

export const bookmarkIdField = z.uuid({ error: 'the bookmark id is not valid' });

export interface Context {
  readonly user: SignedInUser;
  readonly db: Database;
}

/**
 * Runs a route handler the one way: same-origin check, authenticate, then `run` parses, authorizes
 * and queries. A plain HTML form gets redirects and short HTML errors; a script gets JSON.
 */
export async function handle(request: Request, run: (ctx: Context, body: Record<string, unknown>) => Promise<Response>): Promise<Response> {
  const asHtml = isFormRequest(request);
  try {
    if (request.method !== 'GET') assertSameOrigin(request);
    const user = await currentUser();
    const body = request.method === 'GET' ? Object.fromEntries(new URL(request.url).searchParams) : await readBody(request);
    if (!user) {
      if (asHtml) {
        const back = safeReturnTo(body.returnTo);
        return Response.redirect(new URL(`/signin?callbackUrl=${encodeURIComponent(back)}`, request.url), 303);
      }
      throw unauthorized();
    }
    return await run({ user, db: await getDb() }, body);
  } catch (error) {
    return errorResponse(error, asHtml);
  }
}

export function bookmarkJson(b: Bookmark | null) {
  return b ? { id: b.id, permalink: b.permalink, createdAt: b.createdAt.toISOString() } : null;
}

/** Adds (or removes) the bookmark of a card for the user, recording their grade and series. */
export async function setBookmark(ctx: Context, permalink: string, on: boolean): Promise<Bookmark | null> {
  const card = cardByPath(permalink);
  if (on) {
    if (!card) throw notFound(`There is no card at ${permalink}.`);
    const profile = await getProfile(ctx.db, ctx.user.id);
    const { bookmark } = await addBookmark(ctx.db, ctx.user.id, {
      permalink: card.permalink,
      title: card.title,
      competency: card.competency,
      grade: profile?.grade ?? null,
      series: profile?.series ?? null,
    });
    return bookmark;
  }
  await removeBookmarkByPermalink(ctx.db, ctx.user.id, card?.permalink ?? permalink);
  return null;
}

export async function toggleIntent(ctx: Context, permalink: string, intent: 'add' | 'remove' | 'toggle'): Promise<Bookmark | null> {
  if (intent !== 'toggle') return setBookmark(ctx, permalink, intent === 'add');
  const card = cardByPath(permalink);
  const existing = await findBookmark(ctx.db, ctx.user.id, card?.permalink ?? permalink);
  return setBookmark(ctx, permalink, existing === null);
}

export async function removeOwnBookmark(ctx: Context, id: string): Promise<void> {
  if (!(await removeBookmark(ctx.db, ctx.user.id, id))) throw notFound('You have no such bookmark.');
}

export async function bookmarkedPermalinks(ctx: Context): Promise<string[]> {
  return (await listBookmarks(ctx.db, ctx.user.id)).map((b) => b.permalink);
}

export { badRequest, parseInput };
