import { z } from 'zod';
import { revokeShareLink } from '@/lib/db/queries';
import { notFound, parseInput, seeOther } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

const idField = z.uuid({ error: 'the link id is not valid' });

/** Closes one of the person's links at once (its address answers 410 from then on); 404 when the link is not theirs. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return handle(request, { who: signedIn, rate: 'write', signInReturn: () => '/plan' }, async (ctx) => {
    parseInput(z.object({}).strict(), ctx.fields);
    const linkId = parseInput(idField, id);
    if (!(await revokeShareLink(await ctx.db(), ctx.user.id, linkId))) throw notFound('You have no open link with that id.');
    if (ctx.asHtml) return seeOther('/plan?saved=revoked#share');
    return Response.json({ revoked: linkId }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
