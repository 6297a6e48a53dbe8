import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAllCards, getCardByUrl, getSiblingLevels } from '@/lib/cards';
import { CardView } from '../../cards/_components/CardView';

/**
 * CFO.gov's `/cardsNew/<slug>` permalinks. Most redirect permanently to `/cards/<slug>`
 * (next.config.mjs); a card whose `/cards/` slug is held by another card is served here, at its
 * own permalink (ADR 0003).
 */
export const dynamicParams = false;

export function generateStaticParams() {
  return getAllCards()
    .filter((card) => card.url.startsWith('/cardsNew/'))
    .map((card) => ({ slug: card.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = getCardByUrl(`/cardsNew/${(await params).slug}`);
  return card ? { title: card.title, description: card.description.slice(0, 160) } : {};
}

export default async function LegacyCardPage({ params }: Props) {
  const card = getCardByUrl(`/cardsNew/${(await params).slug}`);
  if (!card) notFound();
  return <CardView card={card} siblings={getSiblingLevels(card)} />;
}
