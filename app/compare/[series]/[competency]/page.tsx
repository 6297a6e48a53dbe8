import type { Metadata } from 'next';
import { NOT_FOUND_METADATA } from '@/lib/pages/meta';
import { notFound } from 'next/navigation';
import { CompareView } from '@/components/cards/CompareView';
import { IslandsScript } from '@/components/IslandsScript';
import { compareDescription, compareTitle } from '@/lib/pages/meta';
import { getCompetencyGroups } from '@/lib/cards';
import { buildComparison, type Comparison } from '@/lib/compare';

/** Rendered here in development and for a 404; `npm run build` writes every compare page as a static file (ADR 0013). */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ series: string; competency: string }> };

async function comparisonFor(params: Props['params']): Promise<Comparison | null> {
  const { series, competency } = await params;
  return buildComparison(getCompetencyGroups().get(`${series}/${competency}`) ?? []);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await comparisonFor(params);
  if (!c) return NOT_FOUND_METADATA;
  return { title: compareTitle(c), description: compareDescription(c) };
}

export default async function ComparePage({ params }: Props) {
  const c = await comparisonFor(params);
  if (!c) notFound();
  return (
    <>
      <CompareView c={c} />
      <IslandsScript />
    </>
  );
}
