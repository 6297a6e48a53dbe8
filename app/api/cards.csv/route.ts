/** GET /api/cards.csv: the same cards as /api/cards, as a CSV file (the export's columns). */
import { selectCards } from '@/lib/api/cards';
import { cachedResponse, OPEN_DATA, preflight } from '@/lib/api/respond';
import { getCard, getCardCourses, getCardSearch, getCardSummaries, type Card } from '@/lib/cards';
import { cardsToCsv } from '@/lib/export/csv';
import { handle } from '@/lib/http/handle';
import { publicOrigin } from '@/lib/http';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(request, OPEN_DATA, async (ctx) => {
    const selected = selectCards(ctx.query, getCardSummaries(), getCardSearch);
    const cards = selected.cards.map((s) => getCard(s.slug)).filter((c): c is Card => c !== undefined);
    const csv = cardsToCsv(
      cards.map((card) => ({ card, courses: getCardCourses(card) })),
      publicOrigin(request),
    );
    return cachedResponse(request, csv, 'text/csv; charset=utf-8; header=present', { 'Content-Disposition': 'inline; filename="fm-competency-cards.csv"' });
  });
}

export const OPTIONS = preflight;
