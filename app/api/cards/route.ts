/** GET /api/cards: the cards the dashboard shows for the same URL parameters, as JSON. */
import { listItem, selectCards } from '@/lib/api/cards';
import { apiError, cachedJson, preflight } from '@/lib/api/respond';
import { getCardSearch, getCardSummaries } from '@/lib/cards';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  try {
    const selected = selectCards(new URL(request.url).searchParams, getCardSummaries(), getCardSearch);
    return cachedJson(request, { total: selected.total, page: selected.page, pageCount: selected.pageCount, cards: selected.cards.map(listItem) });
  } catch (error) {
    return apiError(error);
  }
}

export const OPTIONS = preflight;
