import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { addRating, listRatings } from '@/lib/db/queries';
import { notFound, parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { anyone, handle, signedIn } from '@/lib/http/handle';
import { unauthorized } from '@/lib/http/errors';
import { competencyOfSlug, competencySlugField, ratingLevelField } from '@/lib/ratings';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** GET → `{ ratings }`: the signed-in person's own ratings, oldest first. 401 when signed out. */
export function GET(request: Request) {
  return handle(request, { who: signedIn }, async (ctx) => {
    parseInput(z.object({}).strict(), Object.fromEntries(ctx.query));
    const rows = await listRatings(await getDb(), ctx.user.id);
    return Response.json({ ratings: rows.map((r) => ({ competency: r.competency, level: r.level, ratedAt: r.ratedAt.toISOString() })) }, { headers: noStore });
  });
}

const postBody = z
  .object({
    competency: competencySlugField,
    level: ratingLevelField,
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

/**
 * Records the signed-in person's rating of a competency (JSON, or the plain form of a card page
 * or the rating page). A browser that is signed out goes to sign in and comes back to the rating
 * page with its choice selected, to confirm: nothing it chose is lost. A script gets 401.
 */
export function POST(request: Request) {
  return handle(request, { who: anyone, rate: 'write' }, async (ctx) => {
    const input = parseInput(postBody, ctx.fields);
    const competency = competencyOfSlug(input.competency);
    if (!competency) throw notFound(`There is no competency “${input.competency}” in the catalogue.`);
    if (!ctx.user) {
      if (!ctx.asHtml) throw unauthorized();
      const back = `/plan/rate/${input.competency}?level=${input.level}`;
      return seeOther(`/signin?callbackUrl=${encodeURIComponent(back)}`);
    }
    const rating = await addRating(await ctx.db(), ctx.user.id, competency, input.level);
    if (input.returnTo !== undefined || ctx.asHtml) {
      return seeOther(withQuery(safeReturnTo(input.returnTo, '/plan/gaps'), { rated: input.competency }));
    }
    return Response.json({ rating: { competency, level: rating.level, ratedAt: rating.ratedAt.toISOString() } }, { status: 201, headers: noStore });
  });
}
