import Link from 'next/link';
import { Breadcrumb } from '@/components/Breadcrumb';
import type { Card, Course } from '@/lib/cards';
import { durationLabel, priceLabel } from '@/lib/cards/catalogue';
import { proficiencyName } from '@/lib/cards/domain';

/** One course of the catalogue: what it is, what it builds, and the cards that list it. Text only. */
export function CourseView({ course, cards }: { course: Course; cards: readonly Card[] }) {
  return (
    <div className="grid-container">
      <Breadcrumb current={course.title} parent={{ href: '/courses', label: 'Courses' }} />
      <article className="usa-prose course-article">
        <h1>{course.title}</h1>
        <p>
          <a href={course.url} className="usa-button" rel="noopener noreferrer">
            Go to the course<span className="usa-sr-only"> {course.title}</span> at {course.provider ?? 'its provider'}
          </a>
        </p>
        <dl className="card-facts">
          <dt>Provider</dt>
          <dd>{course.provider ?? 'Not listed'}</dd>
          <dt>Modality</dt>
          <dd>{course.modality ?? 'Not listed'}</dd>
          <dt>Duration</dt>
          <dd>{durationLabel(course.duration)}</dd>
          <dt>Price</dt>
          <dd>{priceLabel(course.price)}</dd>
          <dt>Credit type</dt>
          <dd>{course.creditType ?? 'Not listed'}</dd>
        </dl>
        {course.description ? <p className="usa-intro">{course.description}</p> : null}
        {course.additionalInformation ? <p>{course.additionalInformation}</p> : null}

        <h2>Competencies it builds</h2>
        {course.serves.length === 0 ? (
          <p>The catalogue names no competency of the cards for this course.</p>
        ) : (
          <ul className="usa-list">
            {course.serves.map((s) => (
              <li key={s.competencySlug}>
                {s.competency}: proficiency {s.levels.length === 1 ? 'level' : 'levels'} {s.levels.map((n) => `${n} ${proficiencyName(n)}`).join(', ')}{' '}
                <Link href={`/courses?competency=${encodeURIComponent(s.competencySlug)}`} prefetch={false}>
                  Other courses for {s.competency}
                </Link>
              </li>
            ))}
          </ul>
        )}

        <h2>Cards that list it</h2>
        {cards.length === 0 ? (
          <p>No card lists this course: no card has its competencies at the levels it serves.</p>
        ) : (
          <>
            <p>{cards.length === 1 ? '1 card lists' : `${cards.length} cards list`} this course.</p>
            <ul className="usa-list">
              {cards.map((card) => (
                <li key={card.slug}>
                  <a href={card.url}>{card.title}</a> ({card.careerLevel}, {card.gsLabel})
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
    </div>
  );
}
