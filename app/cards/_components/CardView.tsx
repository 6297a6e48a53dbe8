import Link from 'next/link';
import { BookmarkButton } from '@/components/BookmarkButton';
import { Breadcrumb } from '@/components/Breadcrumb';
import type { Card, Course } from '@/lib/cards';
import { compareHref } from '@/lib/compare';

/** One card, rendered from parsed data only: nothing from the card file is ever inserted as HTML. */
export function CardView({ card, siblings }: { card: Card; siblings: readonly Card[] }) {
  return (
    <div className="grid-container">
      <Breadcrumb current={card.title} />
      <article className="usa-prose card-article">
        <h1>{card.title}</h1>
        <BookmarkButton permalink={card.permalink} title={card.title} returnTo={card.url} />
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
        {card.levels.length === 0 && card.ungrouped.behaviors.length === 0 && card.ungrouped.definitions.length === 0 ? (
          <p>This card lists no behaviors or proficiency definitions yet.</p>
        ) : null}
        {card.levels.map((level) => (
          <section key={level.level} className="proficiency-level" aria-labelledby={`level-${level.level}`}>
            <h3 id={`level-${level.level}`}>
              Level {level.level} - {level.name}
            </h3>
            <ItemList heading="Behavior illustrations" items={level.behaviors} />
            <ItemList heading="Proficiency level definition" items={level.definitions} />
          </section>
        ))}
        {card.ungrouped.behaviors.length > 0 || card.ungrouped.definitions.length > 0 ? (
          <section className="proficiency-level" aria-labelledby="level-ungrouped">
            <h3 id="level-ungrouped">Not grouped by proficiency level</h3>
            <ItemList heading="Behavior illustrations" items={card.ungrouped.behaviors} />
            <ItemList heading="Proficiency level definition" items={card.ungrouped.definitions} />
          </section>
        ) : null}

        <h2>Relevant courses</h2>
        {card.courses.length === 0 ? (
          <p>No courses are listed for this card yet.</p>
        ) : (
          <ul className="usa-list course-list">
            {card.courses.map((course, i) => (
              <CourseItem key={`${course.title}-${i}`} course={course} />
            ))}
          </ul>
        )}

        <h2>{card.competency} at other career levels</h2>
        {siblings.length > 0 ? (
          <ul className="usa-list">
            {siblings.map((s) => (
              <li key={s.url}>
                <Link href={s.url}>
                  {s.careerLevel} ({s.gsLabel})
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>Series {card.seriesCode} has this competency only at {card.careerLevel} level.</p>
        )}
        <p>
          <Link href={compareHref(card)} className="usa-link">
            Compare Entry, Mid and Senior side by side
          </Link>
        </p>
      </article>
    </div>
  );
}

/** A subheading and its list; nothing when the list is empty. */
export function ItemList({ heading, items }: { heading: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul className="usa-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function CourseItem({ course }: { course: Course }) {
  const meta = [course.provider, course.number === null ? null : `No. ${course.number}`].filter(Boolean).join(' · ');
  return (
    <li>
      {course.url ? (
        <a href={course.url} className="usa-link usa-link--external" rel="noopener noreferrer">
          {course.title}
        </a>
      ) : (
        <span>{course.title}</span>
      )}
      {meta ? <span className="course-meta"> &mdash; {meta}</span> : null}
    </li>
  );
}
