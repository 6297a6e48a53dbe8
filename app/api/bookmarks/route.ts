import { z } from 'zod';
import { bookmarkedPermalinks, bookmarkJson, bookmarkOf, changeBookmark, permalinkField } from '@/lib/bookmarks';
import { notFound, parseInput, safeReturnTo, seeOther, unauthorized, withQuery } from '@/lib/http';
import { anyone, handle, signedIn } from '@/lib/http/handle';
import { getCard } from '@/lib/cards';
import { pendingReturn, rememberPendingBookmark } from '@/lib/pending-bookmark';

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

/**
 * Adds, removes or toggles the signed-in person's bookmark of a card (JSON, or a plain form POST).
 * Signed out, a script gets 401; a browser's "Add to my plan" is remembered, the person signs in,
 * and the card is added on the way back (lib/pending-bookmark.ts).
 */
export function POST(request: Request) {
  return handle(request, { who: anyone, rate: 'write' }, async (ctx) => {
    const input = parseInput(postBody, ctx.fields);
    if (!ctx.user) {
      if (!ctx.asHtml) throw unauthorized();
      const card = getCard(input.permalink);
      if (!card) throw notFound(`There is no card at ${input.permalink}.`);
      const returnTo = safeReturnTo(input.returnTo, card.permalink);
      if (input.intent === 'remove') return seeOther(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
      await rememberPendingBookmark(card.permalink, new URL(request.url).protocol === 'https:');
      return seeOther(`/signin?callbackUrl=${encodeURIComponent(pendingReturn(returnTo))}`);
    }
    const bookmark = await changeBookmark({ user: ctx.user, db: await ctx.db() }, input.permalink, input.intent);
    if (input.returnTo !== undefined) {
      return seeOther(withQuery(safeReturnTo(input.returnTo), { saved: bookmark ? 'added' : 'removed' }));
    }
    return Response.json({ bookmarked: bookmark !== null, bookmark: bookmarkJson(bookmark) }, { headers: noStore });
  });
}
