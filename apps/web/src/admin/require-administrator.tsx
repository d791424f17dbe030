import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useViewer, type Viewer } from '../auth/viewer';
import { usePageTitle } from '../ui/page-title';

/** Holds the administrator role for some organisation (the API decides, account by account, which users that covers). */
export function isAdministrator(viewer: Pick<Viewer, 'roles'> | null): boolean {
  return Boolean(viewer?.roles.some((assignment) => assignment.role === 'ADMIN'));
}

/** The administration pages, for administrators; anyone else is told plainly that they cannot use them. */
export function RequireAdministrator({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (isAdministrator(viewer)) return children;
  return <NoAccessPage />;
}

function NoAccessPage() {
  usePageTitle('You cannot administer users');
  return (
    <>
      <h1 className="nhsuk-heading-l">You cannot administer users</h1>
      <p className="nhsuk-body">Creating users and changing their roles is for administrators. Your roles do not include the administrator role.</p>
      <p className="nhsuk-body">If you need a change to your own access, ask an administrator of your organisation.</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
