import { z } from 'zod';
import { bookmarkedPermalinks, bookmarkJson, bookmarkOf, changeBookmark, permalinkField } from '@/lib/bookmarks';
import { parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

const getQuery = z.object({ permalink: permalinkField.optional() }).strict();
const noStore = { 'Cache-Control': 'no-store' };

/**
 * GET ?permalink=/cards/… → `{ bookmarked, bookmark }` for that card; GET alone → `{ permalinks }`.
 * 401 when signed out.
 */
export function GET(request: Request) {
  return handle(request, { who: signedIn }, async (ctx) => {
    const { permalink } = parseInput(getQuery, Object.fromEntries(ctx.query));
    const owner = { user: ctx.user, db: await ctx.db() };
    if (!permalink) return Response.json({ permalinks: await bookmarkedPermalinks(owner) }, { headers: noStore });
    const bookmark = await bookmarkOf(owner, permalink);
    return Response.json({ bookmarked: bookmark !== null, bookmark: bookmarkJson(bookmark) }, { headers: noStore });
  });
}

const postBody = z
  .object({
    permalink: permalinkField,
    intent: z.enum(['add', 'remove', 'toggle'], { error: 'intent must be add, remove or toggle' }).default('toggle'),
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

/** Adds, removes or toggles the signed-in person's bookmark of a card (JSON, or a plain form POST). */
export function POST(request: Request) {
  return handle(request, { who: signedIn, rate: 'write' }, async (ctx) => {
    const input = parseInput(postBody, ctx.fields);
    const bookmark = await changeBookmark({ user: ctx.user, db: await ctx.db() }, input.permalink, input.intent);
    if (input.returnTo !== undefined) {
      return seeOther(withQuery(safeReturnTo(input.returnTo), { saved: bookmark ? 'added' : 'removed' }));
    }
    return Response.json({ bookmarked: bookmark !== null, bookmark: bookmarkJson(bookmark) }, { headers: noStore });
  });
}
