import type { Metadata } from 'next';
import Link from 'next/link';
import { getAllCards, getAllCourses } from '@/lib/cards';
import { SERIES, SERIES_CODES } from '@/lib/cards/domain';
import { MAX_GRADE, MIN_GRADE } from '@/lib/grades';

export const metadata: Metadata = {
  title: { absolute: 'FM Career Roadmap: competencies and courses for federal financial management' },
  description:
    'Explore the competencies of job series 0501, 0510, 0511 and 0560 at your GS grade: what each proficiency level looks like, courses that build it, and a plan of what to grow next.',
};

const number = new Intl.NumberFormat('en-US');

/**
 * Rendered from the content the server reads at start-up (ADR 0019); the portal's server renders it
 * once when it starts and sends that copy (server/static-pages.ts).
 */
export const dynamic = 'force-dynamic';

/** The front door: what the portal is, and the two ways in. The figures come from the content. */
export default function Home() {
  const cards = getAllCards();
  const courses = getAllCourses();
  const competencies = new Set(cards.map((c) => c.competency)).size;
  return (
    <div className="grid-container page-section home">
      <h1>Plan your growth in federal financial management</h1>
      <p className="usa-intro">
        The career roadmap of the financial-management workforce: for job series 0501, 0510, 0511 and 0560, what each competency looks like at your career
        level, which proficiency levels to aim for, and courses that get you there.
      </p>
      <ul className="usa-list usa-list--unstyled home-figures" aria-label="What the portal holds">
        <li>
          <strong>{number.format(cards.length)}</strong> competency cards
        </li>
        <li>
          <strong>{number.format(competencies)}</strong> competencies
        </li>
        <li>
          <strong>{SERIES_CODES.length}</strong> job series
        </li>
        <li>
          <strong>{number.format(courses.length)}</strong> courses
        </li>
      </ul>

      <div className="grid-row grid-gap-lg home-ways">
        <section className="tablet:grid-col-6 home-way" aria-labelledby="way-grade">
          <h2 id="way-grade">Start from your series and grade</h2>
          <p>See the cards of your job series at the career level of your GS grade.</p>
          <form method="get" action="/cards" className="usa-form">
            <label className="usa-label" htmlFor="home-series">
              Job series
            </label>
            <select className="usa-select" id="home-series" name="series" required defaultValue="">
              <option value="" disabled>
                - Select -
              </option>
              {SERIES_CODES.map((code) => (
                <option key={code} value={code}>
                  {code} {SERIES[code]}
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor="home-grade">
              GS grade
            </label>
            <span className="usa-hint" id="home-grade-hint">
              A whole number from {MIN_GRADE} to {MAX_GRADE}, such as 11
            </span>
            <input
              className="usa-input usa-input--small"
              id="home-grade"
              name="grade"
              inputMode="numeric"
              pattern="[0-9]{1,2}"
              maxLength={2}
              aria-describedby="home-grade-hint"
              autoComplete="off"
            />
            <button type="submit" className="usa-button">
              Show my cards
            </button>
          </form>
        </section>
        <section className="tablet:grid-col-6 home-way" aria-labelledby="way-search">
          <h2 id="way-search">Search the cards</h2>
          <p>Search competencies, behaviors, proficiency definitions and courses.</p>
          <form method="get" action="/cards" className="usa-search usa-search--big" role="search" aria-label="Search the cards">
            <label className="usa-sr-only" htmlFor="home-q">
              Search the cards
            </label>
            <input className="usa-input" id="home-q" type="search" name="q" maxLength={200} placeholder="e.g. customer service, audit, reconciliation" />
            <button className="usa-button" type="submit">
              <span className="usa-search__submit-text">Search</span>
            </button>
          </form>
          <p>
            Or <Link href="/cards">browse every card</Link> by series, career level, group and competency.
          </p>
        </section>
      </div>

      <section aria-labelledby="how">
        <h2 id="how">How it works</h2>
        <ol className="usa-process-list">
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">Find your cards</h3>
            <p>Each card is one competency of one job series at one career level: Entry (GS 7–9), Mid (GS 10–13) or Senior (GS 14–15).</p>
          </li>
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">Read the proficiency levels</h3>
            <p>From 1 Awareness to 5 Expert: the behaviors that show each level, and what each level asks of you.</p>
          </li>
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">Plan what to grow next</h3>
            <p>
              <Link href="/signin">Sign in</Link> to record your series and grade and keep the competencies you aim for in My plan.
            </p>
          </li>
        </ol>
      </section>
    </div>
  );
}
