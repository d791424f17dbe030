import type { ReactNode } from 'react';

/** Information to set apart from the text round it. */
export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

/** Something people must know to act safely or correctly, headed "Important:" for screen readers. */
export function WarningCallout({ heading, headingLevel = 'h3', children }: { heading: ReactNode; headingLevel?: 'h2' | 'h3' | 'h4'; children: ReactNode }) {
  const Heading = headingLevel;
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            {heading}
          </span>
        </Heading>
        {children}
      </div>
    </div>
  );
}

/** Detail most people do not need, folded under a summary that opens it. */
export function Details({ summary, children, open = false }: { summary: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details className="nhsuk-details" open={open}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}
