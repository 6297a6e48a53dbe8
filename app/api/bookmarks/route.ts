import { z } from 'zod';
import { bookmarkedPermalinks, bookmarkJson, cardByPath, handle, parseInput, permalinkField, toggleIntent } from '@/lib/bookmarks';
import { findBookmark } from '@/lib/db/queries';
import { safeReturnTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

const getQuery = z.object({ permalink: permalinkField.optional() }).strict();

/**
 * GET ?permalink=/cards/… → `{ bookmarked, bookmark }` for that card; GET alone → `{ permalinks }`.
 * 401 when signed out.
 */
export async function GET(request: Request) {
  return handle(request, async (ctx, query) => {
    const { permalink } = parseInput(getQuery, query);
    if (!permalink) return Response.json({ permalinks: await bookmarkedPermalinks(ctx) }, { headers: { 'Cache-Control': 'no-store' } });
    const card = cardByPath(permalink);
    const bookmark = await findBookmark(ctx.db, ctx.user.id, card?.permalink ?? permalink);
    return Response.json({ bookmarked: bookmark !== null, bookmark: bookmarkJson(bookmark) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

const postBody = z
  .object({
    permalink: permalinkField,
    intent: z.enum(['add', 'remove', 'toggle'], { error: 'intent must be add, remove or toggle' }).default('toggle'),
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

/** Adds, removes or toggles the signed-in user's bookmark of a card (JSON, or a plain form POST). */
export async function POST(request: Request) {
  return handle(request, async (ctx, body) => {
    const input = parseInput(postBody, body);
    const bookmark = await toggleIntent(ctx, input.permalink, input.intent);
    if (input.returnTo !== undefined) {
      const back = new URL(safeReturnTo(input.returnTo), request.url);
      back.searchParams.set('saved', bookmark ? 'added' : 'removed');
      return Response.redirect(back, 303);
    }
    return Response.json({ bookmarked: bookmark !== null, bookmark: bookmarkJson(bookmark) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
