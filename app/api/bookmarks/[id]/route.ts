import { bookmarkIdField, removeOwnBookmark } from '@/lib/bookmarks';
import { parseInput } from '@/lib/http';
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
