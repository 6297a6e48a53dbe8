/** GET /api/cards.csv: the same cards as /api/cards, as a CSV file (the export's columns). */
import { selectCards } from '@/lib/api/cards';
import { apiError, cachedResponse, CORS_HEADERS, preflight } from '@/lib/api/respond';
import { getCardByUrl, getCardSearch, getCardSummaries, type Card } from '@/lib/cards';
import { cardsToCsv } from '@/lib/export/csv';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  try {
    const selected = selectCards(new URL(request.url).searchParams, getCardSummaries(), getCardSearch);
    const cards = selected.cards.map((s) => getCardByUrl(s.url)).filter((c): c is Card => c !== undefined);
    return cachedResponse(request, cardsToCsv(cards), 'text/csv; charset=utf-8; header=present', {
      'Content-Disposition': 'inline; filename="fm-competency-cards.csv"',
      ...CORS_HEADERS,
    });
  } catch (error) {
    return apiError(error);
  }
}

export const OPTIONS = preflight;
