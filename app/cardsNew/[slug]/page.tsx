import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { CardView } from '@/components/cards/CardView';
import { getCard, getCardCourses, getSiblingLevels } from '@/lib/cards';
import { SEGMENT, slugAtLegacy } from '@/lib/cards/identity';
import { metaDescription } from '@/lib/pages/meta';
import { IslandsScript } from '@/components/IslandsScript';

/**
 * CFO.gov's `/cardsNew/<segment>` addresses. A card kept at its own `/cardsNew/` permalink (ADR
 * 0003) is a static file (like every card page, ADR 0013) and rendered here only in development;
 * any other `/cardsNew/<segment>` of a card leads permanently to that card's page at
 * `/cards/<segment>`; anything else is a 404.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

function keptCard(segment: string) {
  return SEGMENT.test(segment) ? getCard(slugAtLegacy(segment)) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = keptCard((await params).slug);
  return card ? { title: card.title, description: metaDescription(card.description) } : {};
}

export default async function LegacyCardPage({ params }: Props) {
  const segment = (await params).slug;
  const card = keptCard(segment);
  if (card)
    return (
      <>
        <CardView card={card} siblings={getSiblingLevels(card)} courses={getCardCourses(card)} />
        <IslandsScript />
      </>
    );
  const moved = SEGMENT.test(segment) ? getCard(segment) : undefined;
  if (moved) permanentRedirect(moved.url);
  notFound();
}
