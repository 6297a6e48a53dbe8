import Link from 'next/link';
import { Breadcrumb } from '@/components/Breadcrumb';
import type { Card, CardCourses } from '@/lib/cards';
import { compareHref } from '@/lib/cards/identity';
import { BookmarkForm } from './BookmarkForm';
import { RatingForm } from '@/components/plan/RatingForm';
import { ratingScale } from '@/lib/rating-scale';
import { CourseList } from './CourseList';
import { LevelItems } from './ItemList';
import { ProficiencyScale } from './ProficiencyScale';

/** One card, rendered from parsed data only: nothing from the card file is ever inserted as HTML. */
export function CardView({ card, siblings, courses }: { card: Card; siblings: readonly Card[]; courses: CardCourses }) {
  const levels = card.levels.map((l) => l.level);
  return (
    <div className="grid-container">
      <Breadcrumb current={card.title} />
      <article className="usa-prose card-article">
        <h1>{card.title}</h1>
        <div className="card-actions no-print">
          <BookmarkForm permalink={card.permalink} title={card.title} returnTo={card.url} />
          <a className="usa-link card-download" href={`/cards/export?format=pdf&slug=${encodeURIComponent(card.slug)}`} download>
            Download PDF<span className="usa-sr-only"> of this card</span>
          </a>
        </div>
        <dl className="card-facts">
          <dt>Job series</dt>
          <dd>
            {card.seriesCode} {card.seriesTitle}
          </dd>
          <dt>Career level</dt>
          <dd>
            {card.careerLevel}, {card.gsLabel}
          </dd>
          <dt>Competency group</dt>
          <dd>
            {card.group} &middot; {card.designation}
          </dd>
          <dt>Competency</dt>
          <dd>{card.competency}</dd>
        </dl>
        <p className="usa-intro">{card.description}</p>

        <h2>Proficiency levels</h2>
        <ProficiencyScale shown={levels} />
        {card.levels.length === 0 && card.ungrouped.behaviors.length === 0 && card.ungrouped.definitions.length === 0 ? (
          <p>This card lists no behaviors or proficiency definitions yet.</p>
        ) : null}
        {card.levels.map((level) => (
          <section key={level.level} className="proficiency-level" aria-labelledby={`level-${level.level}`}>
            <h3 id={`level-${level.level}`}>
              Level {level.level} - {level.name}
            </h3>
            <LevelItems behaviors={level.behaviors} definitions={level.definitions} />
          </section>
        ))}
        {card.ungrouped.behaviors.length > 0 || card.ungrouped.definitions.length > 0 ? (
          <section className="proficiency-level" aria-labelledby="level-ungrouped">
            <h3 id="level-ungrouped">Not grouped by proficiency level</h3>
            <LevelItems behaviors={card.ungrouped.behaviors} definitions={card.ungrouped.definitions} />
          </section>
        ) : null}

        <section className="card-rating no-print" aria-labelledby="rate-yourself">
          <h2 id="rate-yourself">Rate yourself</h2>
          <p>
            Where are you today in {card.competency}? Your rating is kept, dated, with your plan, and compared with the level this card asks for on{' '}
            <Link href="/plan/gaps">Where I stand</Link>. If you are not signed in, you are asked to sign in first.
          </p>
          <RatingForm
            slug={card.competencySlug}
            competency={card.competency}
            scale={ratingScale([card, ...siblings])}
            returnTo="/plan/gaps"
            idPrefix="card-rate"
          />
        </section>

        <h2>Relevant courses</h2>
        <CourseList competency={card.competency} levels={levels} courses={courses} />

        <h2 className="no-print">{card.competency} at other career levels</h2>
        {siblings.length > 0 ? (
          <ul className="usa-list no-print">
            {siblings.map((s) => (
              <li key={s.url}>
                <Link href={s.url}>
                  {s.careerLevel} ({s.gsLabel})
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="no-print">
            Series {card.seriesCode} has this competency only at {card.careerLevel} level.
          </p>
        )}
        <p className="no-print">
          <Link href={compareHref(card)} className="usa-link">
            Compare Entry, Mid and Senior side by side
          </Link>
        </p>
      </article>
    </div>
  );
}
