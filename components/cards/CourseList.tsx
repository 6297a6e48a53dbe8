import { courseCount, durationLabel, priceLabel, type CardCourses, type Course } from '@/lib/cards/catalogue';
import type { ListedCourse } from '@/lib/cards/courses';

/** Courses shown before "Show more" in each proficiency level's group. */
const FIRST = 5;

function CatalogueCourse({ course, alsoLevels }: { course: Course; alsoLevels: readonly number[] }) {
  const facts = [course.provider, course.modality, course.duration ? durationLabel(course.duration) : null, priceLabel(course.price), course.creditType].filter(
    Boolean,
  );
  return (
    <li
      className="course"
      data-course=""
      data-text={`${course.title} ${course.provider ?? ''}`.toLowerCase()}
      data-modality={course.modality ?? ''}
      data-free={course.price === 0 ? '1' : '0'}
    >
      <a href={course.url} className="usa-link usa-link--external" rel="noopener noreferrer">
        {course.title}
      </a>
      <span className="course-facts">
        {facts.join(' · ')} ·{' '}
        <a href={`/courses/${course.slug}`}>
          Course details<span className="usa-sr-only">: {course.title}</span>
        </a>
      </span>
      {alsoLevels.length > 0 ? <span className="course-also">Also serves level {alsoLevels.join(' and ')}</span> : null}
    </li>
  );
}

function Listed({ course }: { course: ListedCourse }) {
  return (
    <li className="course" data-course="" data-text={`${course.title} ${course.provider ?? ''}`.toLowerCase()} data-modality="" data-free="0">
      {course.url ? (
        <a href={course.url} className="usa-link usa-link--external" rel="noopener noreferrer">
          {course.title}
        </a>
      ) : (
        <span>{course.title}</span>
      )}
      {course.comingSoon ? <span className="course-facts">Coming soon</span> : course.provider ? <span className="course-facts">{course.provider}</span> : null}
    </li>
  );
}

/** A list whose first items show and the rest wait behind a disclosure. */
function Folded<T>({ items, render, more }: { items: readonly T[]; render: (item: T, i: number) => React.ReactNode; more: string }) {
  return (
    <>
      <ul className="usa-list usa-list--unstyled course-list">{items.slice(0, FIRST).map(render)}</ul>
      {items.length > FIRST ? (
        <details className="course-more">
          <summary>
            Show {items.length - FIRST} more {more}
          </summary>
          <ul className="usa-list usa-list--unstyled course-list">{items.slice(FIRST).map((item, i) => render(item, i + FIRST))}</ul>
        </details>
      ) : null}
    </>
  );
}

/**
 * A card's courses: the catalogue's, grouped by the proficiency level they serve (the long tail of
 * each group behind a disclosure), then the ones only the card file lists; with a filter once the
 * page's script runs (without it, every course is still listed).
 */
export function CourseList({ competency, levels, courses }: { competency: string; levels: readonly number[]; courses: CardCourses }) {
  const total = courseCount(courses);
  if (total === 0) {
    return (
      <p className="courses-none">
        No course in the catalogue serves {competency} at {levels.length === 1 ? `level ${levels[0]}` : `levels ${levels.join(', ')}`} yet.
      </p>
    );
  }
  const modalities = [...new Set(courses.byLevel.flatMap((g) => g.courses.map(({ course }) => course.modality)).filter((m): m is string => Boolean(m)))].sort();
  return (
    <div id="courses" className="courses">
      <p>
        {total === 1 ? '1 course' : `${total} courses`} for {competency} at this card&rsquo;s proficiency levels.
      </p>
      {total > FIRST ? <CourseFilterControls modalities={modalities} total={total} /> : null}
      {courses.byLevel.map((group) => (
        <section key={group.level} className="course-group" aria-labelledby={`courses-level-${group.level}`}>
          <h3 id={`courses-level-${group.level}`}>
            Level {group.level} courses ({group.name}){' '}
            <span className="course-count">{group.courses.length === 1 ? '1 course' : `${group.courses.length} courses`}</span>
          </h3>
          <Folded
            items={group.courses}
            more={`level ${group.level} course${group.courses.length - FIRST === 1 ? '' : 's'}`}
            render={({ course, alsoLevels }) => <CatalogueCourse key={course.slug} course={course} alsoLevels={alsoLevels} />}
          />
        </section>
      ))}
      {courses.listed.length > 0 ? (
        <section className="course-group" aria-labelledby="courses-listed">
          <h3 id="courses-listed">{courses.byLevel.length > 0 ? 'Also listed on this card' : 'Listed on this card'}</h3>
          <Folded items={courses.listed} more="courses" render={(course, i) => <Listed key={`${course.title}-${i}`} course={course} />} />
        </section>
      ) : null}
    </div>
  );
}

/**
 * The course filter's controls, hidden until the page's script (islands/) wires them: without
 * JavaScript there is no control that would not work, and every course is listed.
 */
function CourseFilterControls({ modalities, total }: { modalities: readonly string[]; total: number }) {
  return (
    <div className="course-filter" role="search" aria-label="Course filter" data-course-filter="courses" hidden>
      <div className="course-filter__field">
        <label className="usa-label" htmlFor="course-filter-text">
          Filter courses
        </label>
        <input className="usa-input" id="course-filter-text" type="search" data-filter="text" />
      </div>
      {modalities.length > 1 ? (
        <div className="course-filter__field">
          <label className="usa-label" htmlFor="course-filter-modality">
            Format
          </label>
          <select className="usa-select" id="course-filter-modality" data-filter="modality">
            <option value="">Any format</option>
            {modalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="usa-checkbox course-filter__field">
        <input className="usa-checkbox__input" id="course-filter-free" type="checkbox" data-filter="free" />
        <label className="usa-checkbox__label" htmlFor="course-filter-free">
          Free courses only
        </label>
      </div>
      <p className="course-filter__count" role="status" aria-live="polite" data-filter="count" data-total={total}>
        Showing all {total} courses.
      </p>
    </div>
  );
}
