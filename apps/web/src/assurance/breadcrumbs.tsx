import { Link } from 'react-router';

/** NHS.UK breadcrumbs; on a phone the design system shows only a back link to the last of them. */
export function Breadcrumbs({ items }: { items: ReadonlyArray<{ to: string; text: string }> }) {
  if (items.length === 0) return null;
  const last = items[items.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.to}>
            <Link className="nhsuk-breadcrumb__link" to={item.to}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
      <Link className="nhsuk-back-link" to={last.to}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {last.text}
      </Link>
    </nav>
  );
}
