import { z } from 'zod';
import { changeBookmark } from '@/lib/bookmarks';
import { parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';
import { forgetPendingBookmark, pendingCard, PENDING_PATH } from '@/lib/pending-bookmark';

export const dynamic = 'force-dynamic';

const query = z.object({ returnTo: z.string().max(2000).optional() }).strict();

/**
 * Where signing in returns after "Add to my plan" was pressed signed out: adds the remembered card
 * (the cookie a same-origin POST set), forgets it, and goes on to the page the person was on.
 * Without a remembered card it only goes on. Signed out, it leads to sign-in and back here.
 */
export function GET(request: Request) {
  const here = new URL(request.url);
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => `${PENDING_PATH}${here.search}` }, async (ctx) => {
    const { returnTo } = parseInput(query, Object.fromEntries(ctx.query));
    const card = await pendingCard();
    const back = safeReturnTo(returnTo, card?.permalink ?? '/plan');
    if (!card) return seeOther(back);
    await changeBookmark({ user: ctx.user, db: await ctx.db() }, card.permalink, 'add');
    await forgetPendingBookmark();
    return seeOther(withQuery(back, { saved: 'added' }));
  });
}
