import Link from 'next/link';
import { Pagination } from '@/components/Pagination';
import type { Course } from '@/lib/cards';
import { durationLabel, priceLabel } from '@/lib/cards/catalogue';
import { courseFinderHref, PER_PAGE, type Choice, type CourseFilter } from '@/lib/course-finder';

/** Prices offered in the form; an address may ask for any other whole amount. */
const PRICE_STEPS = [100, 500, 1000, 2000];

function Select({
  name,
  label,
  value,
  anyLabel,
  choices,
}: {
  name: string;
  label: string;
  value: string | null;
  anyLabel: string;
  choices: readonly Choice[];
}) {
  return (
    <div className="usa-form-group">
      <label className="usa-label" htmlFor={`course-${name}`}>
        {label}
      </label>
      <select className="usa-select" id={`course-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label} ({c.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The course finder: a GET form (the address is the state; it works without JavaScript), then one
 * page of the courses it selects, each linked to its page, with what a person chooses a course by.
 */
export function CourseFinder({
  filter,
  notices,
  facets,
  found,
}: {
  filter: CourseFilter;
  notices: readonly string[];
  facets: Record<'competency' | 'level' | 'provider' | 'modality' | 'credit' | 'price' | 'duration', Choice[]>;
  found: readonly Course[];
}) {
  const pageCount = Math.max(1, Math.ceil(found.length / PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const shown = found.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const free = facets.price[0]?.count ?? 0;
  const prices = [...new Set([...PRICE_STEPS, ...(typeof filter.price === 'number' ? [filter.price] : [])])].sort((a, b) => a - b);
  return (
    <div className="grid-container page-section">
      <h1>Courses</h1>
      <p className="usa-intro">
        Every course of the catalogue: find one by the competency and proficiency level it builds, its provider, how it is taught, its price and its length.
      </p>
      {notices.length > 0 ? (
        <div className="usa-alert usa-alert--info usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <ul className="usa-alert__text usa-list usa-list--unstyled">
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <div className="grid-row grid-gap-lg">
        <div className="tablet:grid-col-4">
          <form method="get" action="/courses" className="usa-form course-finder-form" aria-label="Filter courses">
            <div className="usa-form-group">
              <label className="usa-label" htmlFor="course-q">
                Search text
              </label>
              <span className="usa-hint" id="course-q-hint">
                Title, provider, description and competencies
              </span>
              <input className="usa-input" id="course-q" name="q" type="search" defaultValue={filter.q} aria-describedby="course-q-hint" maxLength={200} />
            </div>
            <Select name="competency" label="Competency" value={filter.competency} anyLabel="Any competency" choices={facets.competency} />
            <Select
              name="level"
              label="Proficiency level"
              value={filter.level === null ? null : String(filter.level)}
              anyLabel="Any level"
              choices={facets.level}
            />
            <Select name="provider" label="Provider" value={filter.provider} anyLabel="Any provider" choices={facets.provider} />
            <Select name="modality" label="Modality" value={filter.modality} anyLabel="Any modality" choices={facets.modality} />
            <Select name="credit" label="Credit type" value={filter.credit} anyLabel="Any credit type" choices={facets.credit} />
            <div className="usa-form-group">
              <label className="usa-label" htmlFor="course-price">
                Price
              </label>
              <span className="usa-hint" id="course-price-hint">
                Courses without a listed price are left out when a price is chosen
              </span>
              <select
                className="usa-select"
                id="course-price"
                name="price"
                defaultValue={filter.price === null ? '' : String(filter.price)}
                aria-describedby="course-price-hint"
              >
                <option value="">Any price</option>
                <option value="free">Free ({free})</option>
                {prices.map((p) => (
                  <option key={p} value={String(p)}>
                    Up to ${p.toLocaleString('en-US')}
                  </option>
                ))}
              </select>
            </div>
            <Select name="duration" label="Duration" value={filter.duration} anyLabel="Any duration" choices={facets.duration} />
            <button type="submit" className="usa-button">
              Find courses
            </button>
            <Link href="/courses" className="usa-button usa-button--unstyled course-finder-clear" prefetch={false}>
              Clear all
            </Link>
          </form>
        </div>
        <section className="tablet:grid-col-8" aria-labelledby="course-results-heading">
          <h2 id="course-results-heading">Results</h2>
          <p role="status" className="result-count" id="course-count">
            {found.length === 1 ? '1 course' : `${found.length} courses`}, page {page} of {pageCount}
          </p>
          {shown.length === 0 ? (
            <p>No course matches all of these filters. Remove one, or clear them all.</p>
          ) : (
            <ul className="usa-list usa-list--unstyled course-results">
              {shown.map((course) => (
                <li key={course.slug} className="course-result">
                  <Link href={`/courses/${course.slug}`} prefetch={false} className="course-result__title">
                    {course.title}
                  </Link>
                  <span className="course-facts">
                    {[course.provider, course.modality, durationLabel(course.duration), priceLabel(course.price), course.creditType]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {course.serves.length > 0 ? (
                    <span className="course-serves">Builds {course.serves.map((s) => `${s.competency} (level ${s.levels.join(', ')})`).join('; ')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => courseFinderHref({ ...filter, page: p })} />
        </section>
      </div>
    </div>
  );
}
