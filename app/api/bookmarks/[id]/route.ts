import { bookmarkIdField, handle, parseInput, removeOwnBookmark } from '@/lib/bookmarks';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** DELETE one of the signed-in user's bookmarks: 404 when it is not theirs (or does not exist). */
export async function DELETE(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, async (ctx) => {
    await removeOwnBookmark(ctx, parseInput(bookmarkIdField, id));
    return new Response(null, { status: 204 });
  });
}
