import Link from 'next/link';

/** The USWDS breadcrumb: back to the competency cards (or another list), then the current page. */
export function Breadcrumb({ current, parent = { href: '/cards', label: 'Competency cards' } }: { current: string; parent?: { href: string; label: string } }) {
  return (
    <nav className="usa-breadcrumb" aria-label="Breadcrumbs">
      <ol className="usa-breadcrumb__list">
        <li className="usa-breadcrumb__list-item">
          <Link href={parent.href} className="usa-breadcrumb__link">
            <span>{parent.label}</span>
          </Link>
        </li>
        <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
          <span>{current}</span>
        </li>
      </ol>
    </nav>
  );
}
