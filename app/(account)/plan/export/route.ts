/**
 * GET /plan/export?format=pdf|csv: the signed-in person's own plan. There is no parameter naming
 * whose plan: the session decides, so nobody can ask for another's.
 */
import { currentUser } from '@/lib/auth';
import { getDb } from '@/lib/db/client';
import { planDownload } from '@/lib/export/respond';
import { parseFormat } from '@/lib/export/request';
import { acceptsHtml, badRequest, errorResponse, unauthorized } from '@/lib/http';
import { loadPlan, planExport } from '@/lib/my-plan';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const asHtml = acceptsHtml(request);
  try {
    const params = new URL(request.url).searchParams;
    for (const key of new Set(params.keys())) {
      if (key !== 'format') throw badRequest(`The parameter “${key.slice(0, 40)}” is not one a plan export understands.`);
    }
    if (params.getAll('format').length > 1) throw badRequest('Give one format: pdf or csv.');
    const format = parseFormat(params.get('format'));
    const user = await currentUser();
    if (!user) {
      if (asHtml) return Response.redirect(new URL('/signin?callbackUrl=%2Fplan', request.url), 303);
      throw unauthorized();
    }
    const plan = await loadPlan(await getDb(), user.id);
    return await planDownload(format, planExport(plan));
  } catch (error) {
    return errorResponse(error, asHtml);
  }
}
