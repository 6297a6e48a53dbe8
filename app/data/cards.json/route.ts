import { getCardSummaries } from '@/lib/cards';

/**
 * Every card's summary, for the dashboard's in-browser filtering. Prerendered at build time and
 * served as a static file; the dashboard fetches it after the page has loaded.
 */
export const dynamic = 'force-static';

export function GET() {
  return Response.json(getCardSummaries(), {
    headers: { 'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400' },
  });
}
