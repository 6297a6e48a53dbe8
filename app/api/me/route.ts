/**
 * GET /api/me: what a static page needs to know of the person looking at it, in one request:
 * `{ signedIn: false }`, or their name, profile (series and GS grade) and bookmarked permalinks.
 * The header's account link, the dashboard's personal defaults and its bookmark buttons read it.
 */
import { isSeriesCode } from '@/lib/cards/domain';
import { getProfile, listBookmarks } from '@/lib/db/queries';
import { isGsGrade } from '@/lib/grades';
import { anyone, handle } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(request, { who: anyone, errors: 'json' }, async (ctx) => {
    const headers = { 'Cache-Control': 'private, no-store' };
    if (!ctx.user) return Response.json({ signedIn: false }, { headers });
    const db = await ctx.db();
    const [profile, bookmarks] = await Promise.all([getProfile(db, ctx.user.id), listBookmarks(db, ctx.user.id)]);
    const valid = profile && isSeriesCode(profile.series) && isGsGrade(profile.grade) ? { series: profile.series, grade: profile.grade } : null;
    return Response.json(
      { signedIn: true, name: ctx.user.name ?? ctx.user.email ?? 'you', profile: valid, bookmarks: bookmarks.map((b) => b.permalink) },
      { headers },
    );
  });
}
