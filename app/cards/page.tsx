import type { Metadata } from 'next';
import Link from 'next/link';
import { getAllCards } from '@/lib/cards';

export const metadata: Metadata = {
  title: 'Competency cards',
  description: 'Browse the competency cards of job series 0501, 0510, 0511 and 0560 by series, career level and competency.',
};

export default function CardsPage() {
  const cards = getAllCards();
  return (
    <div className="grid-container usa-prose maxw-none">
      <h1>Competency cards</h1>
      <p className="usa-intro">
        {cards.length} cards for the financial-management job series, by competency and career level.
      </p>
      <ul className="usa-list">
        {cards.map((card) => (
          <li key={card.url}>
            <Link href={card.url}>{card.title}</Link> &mdash; {card.seriesCode} {card.seriesTitle}, {card.careerLevel} ({card.gsLabel}),{' '}
            {card.group}
          </li>
        ))}
      </ul>
    </div>
  );
}
