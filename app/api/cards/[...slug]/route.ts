/** GET /api/cards/<slug>: one card, in full. An unknown slug is a 404 with a JSON error. */
import { cardJson } from '@/lib/api/cards';
import { apiError, cachedJson, preflight } from '@/lib/api/respond';
import { getCardByExportKey } from '@/lib/cards';
import { notFound } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string[] }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const key = (await params).slug.join('/');
    const card = key.length <= 300 ? getCardByExportKey(key) : undefined;
    if (!card) throw notFound(`No card has the slug “${key.slice(0, 80)}”.`);
    return cachedJson(request, cardJson(card));
  } catch (error) {
    return apiError(error);
  }
}

export const OPTIONS = preflight;
