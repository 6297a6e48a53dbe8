import { z } from 'zod';
import { saveAim } from '@/lib/db/queries';
import { AIMS } from '@/lib/gaps';
import { HttpError, parseInput, safeReturnTo, seeOther, withQuery } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

const body = z
  .object({
    aim: z.enum(AIMS, { error: 'aim must be current or next' }),
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

/** Where the signed-in person's targets come from: their career level, or the next one. 409 before they set a grade. */
export function POST(request: Request) {
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => '/plan/gaps' }, async (ctx) => {
    const input = parseInput(body, ctx.fields);
    if (!(await saveAim(await ctx.db(), ctx.user.id, input.aim))) {
      throw new HttpError(409, 'Set your series and grade on your profile first: targets come from the cards of your grade.');
    }
    if (!ctx.asHtml && input.returnTo === undefined) return Response.json({ aim: input.aim }, { headers: { 'Cache-Control': 'no-store' } });
    return seeOther(withQuery(safeReturnTo(input.returnTo, '/plan/gaps'), { saved: 'aim' }));
  });
}
