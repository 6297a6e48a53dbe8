import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/DashboardPage';
import { getCardSearch, getCardSummaries } from '@/lib/cards';
import { dashboardFor, foldFacets } from '@/lib/dashboard';

export const metadata: Metadata = {
  title: 'Competency cards',
  description: 'Find the competency cards of job series 0501, 0510, 0511 and 0560 by series, career level or GS grade, group, competency and text.',
};

/**
 * /cards: the first page of every card, with the facet counts. A signed-in person's own series and
 * grade apply in the browser once the page has loaded; an address with a filter is rendered for
 * that filter by /cards-results (the proxy sends it there).
 *
 * Rendered from the content the server reads at start-up, not at build time (a content-only publish
 * does not run `next build`, ADR 0019). The portal's server renders it once when it starts and then
 * sends that copy itself, with a hash CSP, like the static card pages (server/static-pages.ts).
 */
export const dynamic = 'force-dynamic';

export default function CardsPage() {
  const params = new URLSearchParams();
  const shown = dashboardFor(params, getCardSummaries(), getCardSearch());
  return <DashboardPage initial={foldFacets({ ...shown, results: undefined }, params)} />;
}
