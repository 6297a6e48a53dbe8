import { z } from 'zod';
import { bookmarkIdField, bookmarkJson, restoreOwnBookmark } from '@/lib/bookmarks';
import { parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

const body = z.object({ returnTo: z.string().max(2000).optional() }).strict();

/** "Undo" after Remove on My plan: brings back the person's removed bookmark with its note; 404 when there is none. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => '/plan' }, async (ctx) => {
    const input = parseInput(body, ctx.fields);
    const row = await restoreOwnBookmark({ user: ctx.user, db: await ctx.db() }, parseInput(bookmarkIdField, id));
    if (!ctx.asHtml) return Response.json({ bookmark: bookmarkJson(row) }, { headers: { 'Cache-Control': 'no-store' } });
    return seeOther(withQuery(safeReturnTo(input.returnTo, '/plan'), { saved: 'restored' }));
  });
}
