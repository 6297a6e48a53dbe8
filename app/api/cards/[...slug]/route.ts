/** GET /api/cards/<slug>: one card, in full. An unknown slug is a 404 with a JSON error. */
import { cardJson } from '@/lib/api/cards';
import { cachedJson, OPEN_DATA, preflight } from '@/lib/api/respond';
import { getCard, getCardCourses } from '@/lib/cards';
import { isSlug } from '@/lib/cards/identity';
import { notFound } from '@/lib/http';
import { handle } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string[] }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const slug = (await params).slug.join('/');
  return handle(request, OPEN_DATA, async () => {
    const card = isSlug(slug) ? getCard(slug) : undefined;
    if (!card) throw notFound(`No card has the slug “${slug.slice(0, 80)}”.`);
    return cachedJson(request, cardJson(card, getCardCourses(card)));
  });
}

export const OPTIONS = preflight;
