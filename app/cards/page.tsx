import type { Metadata } from 'next';
import { getCardSearch, getCardSummaries } from '@/lib/cards';
import { applyFilter, competencyIndex, paginate, parseFilter } from '@/lib/filters';
import { Dashboard, type DashboardState } from './_components/Dashboard';

export const metadata: Metadata = {
  title: 'Competency cards',
  description: 'Find the competency cards of job series 0501, 0510, 0511 and 0560 by series, career level or GS grade, group, competency and text.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard, rendered on the server for the URL's filter: complete without JavaScript. */
export default async function CardsPage({ searchParams }: Props) {
  const summaries = getCardSummaries();
  const { filter, notices } = parseFilter(await searchParams, competencyIndex(summaries));
  const result = applyFilter(summaries, filter, filter.q ? getCardSearch() : undefined);
  const page = paginate(result.results, filter.page);
  const initial: DashboardState = {
    filter: { ...filter, page: page.page },
    notices,
    facets: result.facets,
    rows: page.items.map(({ text: _text, permalink: _permalink, competencySlug: _slug, ...row }) => row),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
  };
  return (
    <div className="grid-container">
      <h1>Competency cards</h1>
      <p className="usa-intro">
        Find the competencies of your job series and career level: what each proficiency level looks like, and courses to get
        there.
      </p>
      <Dashboard initial={initial} dataUrl="/data/cards.json" />
    </div>
  );
}
