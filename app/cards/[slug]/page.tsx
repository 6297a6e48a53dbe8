import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAllCards, getCardBySlug, getSiblingLevels } from '@/lib/cards';
import { CardView } from '../_components/CardView';

export const dynamicParams = false;

export function generateStaticParams() {
  return getAllCards()
    .filter((card) => card.url.startsWith('/cards/'))
    .map((card) => ({ slug: card.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = getCardBySlug((await params).slug);
  if (!card) return {};
  return { title: card.title, description: metaDescription(card.description) };
}

export function metaDescription(text: string): string {
  return text.length <= 160 ? text : `${text.slice(0, 157).replace(/\s+\S*$/u, '')}…`;
}

export default async function CardPage({ params }: Props) {
  const card = getCardBySlug((await params).slug);
  if (!card) notFound();
  return <CardView card={card} siblings={getSiblingLevels(card)} />;
}
