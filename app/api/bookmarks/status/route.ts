import { z } from 'zod';
import { cardByPath, parseInput, permalinkField } from '@/lib/bookmarks';
import { currentUser } from '@/lib/auth';
import { getDb } from '@/lib/db/client';
import { findBookmark } from '@/lib/db/queries';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

const query = z.object({ permalink: permalinkField }).strict();

/**
 * What a card page's "Add to my plan" button shows: `{ signedIn: false }` for a visitor (like
 * Auth.js' own /api/auth/session, not an error), else `{ signedIn: true, bookmarked }`.
 */
export async function GET(request: Request) {
  try {
    const { permalink } = parseInput(query, Object.fromEntries(new URL(request.url).searchParams));
    const user = await currentUser();
    const headers = { 'Cache-Control': 'private, no-store' };
    if (!user) return Response.json({ signedIn: false }, { headers });
    const card = cardByPath(permalink);
    const bookmark = await findBookmark(await getDb(), user.id, card?.permalink ?? permalink);
    return Response.json({ signedIn: true, bookmarked: bookmark !== null }, { headers });
  } catch (error) {
    return errorResponse(error, false);
  }
}
