/**
 * GET /plan/export?format=pdf|csv: the signed-in person's own plan. There is no parameter naming
 * whose plan: the session decides, so nobody can ask for another's.
 */
import { planDownload } from '@/lib/export/respond';
import { MAX_EXPORT } from '@/lib/export/fields';
import { parseFormat } from '@/lib/export/request';
import { badRequest, publicOrigin } from '@/lib/http';
import { handle, signedIn } from '@/lib/http/handle';
import { loadGaps } from '@/lib/my-gaps';
import { loadPlan, planExport } from '@/lib/my-plan';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(request, { who: signedIn, rate: 'export', signInReturn: () => '/plan' }, async (ctx) => {
    for (const key of new Set(ctx.query.keys())) {
      if (key !== 'format') throw badRequest(`The parameter “${key.slice(0, 40)}” is not one a plan export understands.`);
    }
    if (ctx.query.getAll('format').length > 1) throw badRequest('Give one format: pdf or csv.');
    const format = parseFormat(ctx.query.get('format'));
    const db = await ctx.db();
    const [mine, gaps] = await Promise.all([loadPlan(db, ctx.user.id), loadGaps(db, ctx.user.id)]);
    const plan = planExport(mine, gaps.rows);
    if (plan.items.length > MAX_EXPORT) {
      throw badRequest(
        `Your plan holds ${plan.items.length} cards; an export holds at most ${MAX_EXPORT}. Remove cards you no longer aim for, then export again.`,
      );
    }
    return planDownload(format, plan, publicOrigin(request));
  });
}
