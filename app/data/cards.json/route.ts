import { getCardSummaries } from '@/lib/cards';

/**
 * Every card's summary, for the dashboard's in-browser filtering; the dashboard fetches it after
 * the page has loaded. Built from the content the server reads at start-up (ADR 0019), once: the
 * portal's server keeps a gzipped copy it sends itself, with an ETag (server/static-pages.ts), so a
 * browser asks again on each visit and gets a 304 until a publish changes the cards.
 */
export const dynamic = 'force-dynamic';

let body: string | null = null;

export function GET() {
  body ??= JSON.stringify(getCardSummaries());
  return new Response(body, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=0, must-revalidate' },
  });
}
