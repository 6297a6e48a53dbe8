import Link from 'next/link';
import type { MouseEvent } from 'react';

/**
 * USWDS pagination: Previous, the first, current ± 1 and last page numbers (a gap marked …), Next.
 * `hrefFor` gives each page's address; `onClick` lets a page that filters in place follow it.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  onClick,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  onClick?: (e: MouseEvent<HTMLAnchorElement>) => void;
}) {
  if (pageCount <= 1) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="Result pages" className="usa-pagination">
      <ul className="usa-pagination__list">
        {page > 1 ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link prefetch={false} href={hrefFor(page - 1)} className="usa-pagination__link usa-pagination__previous-page" onClick={onClick}>
              <span className="usa-pagination__link-text">Previous</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p} className="usa-pagination__item usa-pagination__page-no">
            {i > 0 && p - (pages[i - 1] ?? p) > 1 ? <span className="pagination-gap">…</span> : null}
            <Link
              prefetch={false}
              href={hrefFor(p)}
              className={`usa-pagination__button${p === page ? ' usa-current' : ''}`}
              aria-label={`Page ${p}`}
              aria-current={p === page ? 'page' : undefined}
              onClick={onClick}
            >
              {p}
            </Link>
          </li>
        ))}
        {page < pageCount ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link prefetch={false} href={hrefFor(page + 1)} className="usa-pagination__link usa-pagination__next-page" onClick={onClick}>
              <span className="usa-pagination__link-text">Next</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
