import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The NHS header: the NHS logo and service name (one link home), the account area and the navigation.
 * Written as nhsuk-frontend 10's markup without its script, which moves navigation items into a "More"
 * menu at narrow widths by moving DOM nodes that React owns; the few areas here wrap instead.
 */
export function Header({ service, account, navigation }: { service: { text: string; href: string }; account?: ReactNode; navigation?: ReactNode }) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-width-container nhsuk-header__container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-logo" href={service.href} aria-label={`NHS ${service.text} homepage`}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{service.text}</span>
          </a>
        </div>
        {account}
      </div>
      {navigation}
    </header>
  );
}

function NhsLogo() {
  return (
    <svg className="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
      <title>NHS</title>
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}

/** The account area: who is signed in, their roles, and signing in or out. */
export function HeaderAccount({ label, children }: { label: string; children: ReactNode }) {
  return (
    <nav className="nhsuk-header__account" aria-label={label}>
      <ul className="nhsuk-header__account-list">{children}</ul>
    </nav>
  );
}

/** An account entry: text (the user's name, with the user icon), a link or a button. */
export function HeaderAccountItem({ icon, children }: { icon?: boolean; children: ReactNode }) {
  return (
    <li className="nhsuk-header__account-item">
      {icon && (
        <svg className="nhsuk-icon nhsuk-icon--user" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
          <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
        </svg>
      )}
      {children}
    </li>
  );
}

export function HeaderAccountLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="nhsuk-header__account-link" to={to}>
      {children}
    </Link>
  );
}

/** An account action sent as a form (signing out), so that it is a real button. */
export function HeaderAccountButton({ onSubmit, disabled, children }: { onSubmit: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <form
      className="nhsuk-header__account-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <button className="nhsuk-header__account-button" type="submit" disabled={disabled}>
        {children}
      </button>
    </form>
  );
}

export function HeaderNavigation({ label, children }: { label: string; children: ReactNode }) {
  return (
    <nav className="nhsuk-header__navigation" aria-label={label}>
      <div className="nhsuk-width-container nhsuk-header__navigation-container">
        <ul className="nhsuk-header__navigation-list">{children}</ul>
      </div>
    </nav>
  );
}

/**
 * A navigation link. `current`: this is the page (aria-current="page"); `active`: the page is inside this
 * area (aria-current="true"). Either is also bold, for people who override the colours.
 */
export function HeaderNavigationItem({ to, current, active, children }: { to: string; current?: boolean; active?: boolean; children: ReactNode }) {
  const marked = current || active;
  return (
    <li className={`nhsuk-header__navigation-item${marked ? ' nhsuk-header__navigation-item--current' : ''}`}>
      <Link className="nhsuk-header__navigation-link" to={to} aria-current={current ? 'page' : active ? 'true' : undefined}>
        {marked ? <strong className="nhsuk-header__navigation-item-current-fallback">{children}</strong> : children}
      </Link>
    </li>
  );
}
