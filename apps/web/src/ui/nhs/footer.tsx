import type { ReactNode } from 'react';

/** The footer's meta line: the licence of the data shown. */
export function Footer({ children }: { children: ReactNode }) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">{children}</p>
        </div>
      </div>
    </footer>
  );
}
