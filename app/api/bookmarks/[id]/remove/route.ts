import { z } from 'zod';
import { bookmarkIdField, handle, parseInput, removeOwnBookmark } from '@/lib/bookmarks';
import { safeReturnTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

const body = z.object({ returnTo: z.string().max(2000).optional() }).strict();

/** The "Remove" form of My plan (works without JavaScript): 404 when the bookmark is not the user's. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, async (ctx, form) => {
    const input = parseInput(body, form);
    await removeOwnBookmark(ctx, parseInput(bookmarkIdField, id));
    const back = new URL(safeReturnTo(input.returnTo, '/plan'), request.url);
    back.searchParams.set('saved', 'removed');
    return Response.redirect(back, 303);
  });
}
