import { bookmarkIdField, bookmarkJson, planEntryFields, removeOwnBookmark, updateOwnBookmark } from '@/lib/bookmarks';
import { parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** DELETE one of the signed-in person's bookmarks: 404 when it is not theirs (or does not exist). */
export async function DELETE(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, { who: signedIn, rate: 'write' }, async (ctx) => {
    await removeOwnBookmark({ user: ctx.user, db: await ctx.db() }, parseInput(bookmarkIdField, id));
    return new Response(null, { status: 204 });
  });
}

/** PATCH (JSON) `{ progress, note?, targetDate? }`: what the person keeps about their bookmark; 404 when it is not theirs. */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, { who: signedIn, rate: 'write' }, async (ctx) => {
    const { returnTo: _ignored, ...entry } = parseInput(planEntryFields, ctx.fields);
    const row = await updateOwnBookmark({ user: ctx.user, db: await ctx.db() }, parseInput(bookmarkIdField, id), entry);
    return Response.json({ bookmark: bookmarkJson(row) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** The same as PATCH from My plan's plain form (works without JavaScript), then back to the plan. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => '/plan' }, async (ctx) => {
    const { returnTo, ...entry } = parseInput(planEntryFields, ctx.fields);
    const bookmarkId = parseInput(bookmarkIdField, id);
    await updateOwnBookmark({ user: ctx.user, db: await ctx.db() }, bookmarkId, entry);
    return seeOther(withQuery(safeReturnTo(returnTo, `/plan#plan-item-${bookmarkId}`), { saved: 'updated' }));
  });
}
