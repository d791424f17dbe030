import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A one-time password, shown once: the API does not keep it readable, and the page keeps it only in memory
 * until the administrator leaves. The panel takes focus so that a screen reader reads it out.
 */
export function OneTimePasswordPanel({ heading, username, password, children }: { heading: string; username: string; password: string; children?: ReactNode }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [password]);
  return (
    <div className="nhsuk-card nhsuk-card--feature ccg-one-time-password" ref={panel} tabIndex={-1} role="region" aria-labelledby="one-time-password-heading">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m" id="one-time-password-heading">
          {heading}
        </h2>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Username</dt>
            <dd className="nhsuk-summary-list__value">{username}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">One-time password</dt>
            <dd className="nhsuk-summary-list__value">
              <code className="ccg-one-time-password__value" data-testid="one-time-password">
                {password}
              </code>
            </dd>
          </div>
        </dl>
        <p className="nhsuk-body">
          Give the password to the user by a secure route: in person, by phone, or by a message separate from their username. They must change it when
          they first sign in.
        </p>
        <p className="nhsuk-body">
          <strong>This is the only time it is shown.</strong> If it is lost, reset the password to make a new one.
        </p>
        {children}
      </div>
    </div>
  );
}
