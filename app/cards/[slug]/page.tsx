import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CardView } from '@/components/cards/CardView';
import { getAllCards, getCard, getCardCourses, getSiblingLevels } from '@/lib/cards';
import { CARDS_PREFIX } from '@/lib/cards/identity';

export const dynamicParams = false;

/** Every card served under /cards/ (its slug is its segment there). */
export function generateStaticParams() {
  return getAllCards()
    .filter((card) => card.url.startsWith(`/${CARDS_PREFIX}/`))
    .map((card) => ({ slug: card.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = getCard((await params).slug);
  if (!card) return {};
  return { title: card.title, description: metaDescription(card.description) };
}

export function metaDescription(text: string): string {
  return text.length <= 160 ? text : `${text.slice(0, 157).replace(/\s+\S*$/u, '')}…`;
}

export default async function CardPage({ params }: Props) {
  const card = getCard((await params).slug);
  if (!card) notFound();
  return <CardView card={card} siblings={getSiblingLevels(card)} courses={getCardCourses(card)} />;
}
