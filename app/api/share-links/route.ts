import { z } from 'zod';
import { createShareLink, MAX_SHARE_LINKS } from '@/lib/db/queries';
import { HttpError, parseInput, seeOther } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';
import { ownShareLinks, sharePath, SHARE_DAYS } from '@/lib/share-links';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };
const json = (l: { id: string; path: string; createdAt: Date; expiresAt: Date }) => ({
  id: l.id,
  path: l.path,
  createdAt: l.createdAt.toISOString(),
  expiresAt: l.expiresAt.toISOString(),
});

/** GET → `{ links }`: the signed-in person's own links that still open. */
export function GET(request: Request) {
  return handle(request, { who: signedIn }, async (ctx) => {
    parseInput(z.object({}).strict(), Object.fromEntries(ctx.query));
    return Response.json({ links: (await ownShareLinks(await ctx.db(), ctx.user.id)).map(json) }, { headers: noStore });
  });
}

const body = z
  .object({
    days: z.coerce
      .number({ error: `days must be ${SHARE_DAYS.join(', ')}` })
      .refine((d) => (SHARE_DAYS as readonly number[]).includes(d), { error: `days must be ${SHARE_DAYS.join(', ')}` }),
  })
  .strict();

/** Creates a read-only link to the person's plan and gaps, open for 7, 30 or 90 days (a plain form on My plan, or JSON). */
export function POST(request: Request) {
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => '/plan' }, async (ctx) => {
    const input = parseInput(body, ctx.fields);
    const link = await createShareLink(await ctx.db(), ctx.user.id, input.days);
    if (!link) throw new HttpError(409, `You have ${MAX_SHARE_LINKS} open links already: revoke one on My plan before you make another.`);
    if (ctx.asHtml) return seeOther(`/plan?saved=shared#share`);
    return Response.json({ link: json({ ...link, path: sharePath(link.id) }) }, { status: 201, headers: noStore });
  });
}
