import { z } from 'zod';
import { bookmarkOf, permalinkField } from '@/lib/bookmarks';
import { parseInput } from '@/lib/http';
import { anyone, handle } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

const query = z.object({ permalink: permalinkField }).strict();

/**
 * What a card page's "Add to my plan" button shows: `{ signedIn: false }` for a visitor (like
 * Auth.js' own /api/auth/session, not an error), else `{ signedIn: true, bookmarked }`.
 */
export function GET(request: Request) {
  return handle(request, { who: anyone, errors: 'json' }, async (ctx) => {
    const { permalink } = parseInput(query, Object.fromEntries(ctx.query));
    const headers = { 'Cache-Control': 'private, no-store' };
    if (!ctx.user) return Response.json({ signedIn: false }, { headers });
    const bookmark = await bookmarkOf({ user: ctx.user, db: await ctx.db() }, permalink);
    return Response.json({ signedIn: true, bookmarked: bookmark !== null }, { headers });
  });
}
