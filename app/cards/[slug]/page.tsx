import type { Metadata } from 'next';
import { NOT_FOUND_METADATA } from '@/lib/pages/meta';
import { notFound } from 'next/navigation';
import { CardView } from '@/components/cards/CardView';
import { getCard, getCardCourses, getSiblingLevels } from '@/lib/cards';
import { IslandsScript } from '@/components/IslandsScript';
import { metaDescription } from '@/lib/pages/meta';

/**
 * A card's page, as Next renders it: in development (live from the content), and in production
 * only for an address no static file answers (a 404). `npm run build` writes every card's page as
 * a static file (lib/pages/static.tsx, ADR 0013), which the portal's server sends itself.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = getCard((await params).slug);
  if (!card) return NOT_FOUND_METADATA;
  return { title: card.title, description: metaDescription(card.description) };
}

export default async function CardPage({ params }: Props) {
  const card = getCard((await params).slug);
  if (!card) notFound();
  return (
    <>
      <CardView card={card} siblings={getSiblingLevels(card)} courses={getCardCourses(card)} />
      <IslandsScript />
    </>
  );
}
