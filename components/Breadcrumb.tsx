import Link from 'next/link';

/** The USWDS breadcrumb: back to the competency cards, then the current page. */
export function Breadcrumb({ current }: { current: string }) {
  return (
    <nav className="usa-breadcrumb" aria-label="Breadcrumbs">
      <ol className="usa-breadcrumb__list">
        <li className="usa-breadcrumb__list-item">
          <Link href="/cards" className="usa-breadcrumb__link">
            <span>Competency cards</span>
          </Link>
        </li>
        <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
          <span>{current}</span>
        </li>
      </ol>
    </nav>
  );
}
