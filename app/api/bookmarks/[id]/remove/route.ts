import { z } from 'zod';
import { bookmarkIdField, removeOwnBookmark } from '@/lib/bookmarks';
import { parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

const body = z.object({ returnTo: z.string().max(2000).optional() }).strict();

/** The "Remove" form of My plan (works without JavaScript): 404 when the bookmark is not the person's. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => '/plan' }, async (ctx) => {
    const input = parseInput(body, ctx.fields);
    const bookmarkId = parseInput(bookmarkIdField, id);
    await removeOwnBookmark({ user: ctx.user, db: await ctx.db() }, bookmarkId);
    return seeOther(withQuery(safeReturnTo(input.returnTo, '/plan'), { saved: 'removed', undo: bookmarkId }));
  });
}
