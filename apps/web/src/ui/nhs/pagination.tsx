import { Link } from 'react-router';

/** The pages to number: the first, the last, the current one and its neighbours; null marks a gap (an ellipsis). */
export function pageNumbers(current: number, count: number): (number | null)[] {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((page) => page >= 1 && page <= count));
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((page, index) => (index > 0 && page - sorted[index - 1] > 1 ? [null, page] : [page]));
}

/**
 * The NHS numbered pagination: Previous, the page numbers (the current one marked for assistive technology) and
 * Next, each a link made by `hrefFor(page)`, so every page has its own address. Nothing when there is one page.
 */
export function Pagination({ current, count, hrefFor, label = 'Pagination' }: { current: number; count: number; hrefFor: (page: number) => string; label?: string }) {
  if (count <= 1) return null;
  return (
    <nav className="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" aria-label={label}>
      {current > 1 && (
        <Link to={hrefFor(current - 1)} className="nhsuk-pagination__previous" rel="prev">
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      )}
      <ul className="nhsuk-pagination__list">
        {pageNumbers(current, count).map((page, index) =>
          page === null ? (
            <li key={`gap-${index}`} className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">
              &ctdot;
            </li>
          ) : (
            <li key={page} className={`nhsuk-pagination__item${page === current ? ' nhsuk-pagination__item--current' : ''}`}>
              <Link className="nhsuk-pagination__link" to={hrefFor(page)} aria-label={`Page ${page}`} aria-current={page === current ? 'page' : undefined}>
                {page}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < count && (
        <Link to={hrefFor(current + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      )}
    </nav>
  );
}
