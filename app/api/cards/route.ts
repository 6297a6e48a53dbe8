/** GET /api/cards: the cards the dashboard shows for the same URL parameters, as JSON. */
import { listItem, selectCards } from '@/lib/api/cards';
import { cachedJson, OPEN_DATA, preflight } from '@/lib/api/respond';
import { getCardSearch, getCardSummaries } from '@/lib/cards';
import { handle } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(request, OPEN_DATA, async (ctx) => {
    const selected = selectCards(ctx.query, getCardSummaries(), getCardSearch);
    return cachedJson(request, { total: selected.total, page: selected.page, pageCount: selected.pageCount, cards: selected.cards.map(listItem) });
  });
}

export const OPTIONS = preflight;
