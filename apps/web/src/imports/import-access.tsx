import type { ReactNode } from 'react';
import { useViewer, type Viewer } from '../auth/viewer';
import { usePageTitle } from '../ui/page-title';

/** Imports are for analysts and administrators (the API's rule on the upload endpoint and import queries). */
export const mayImport = (viewer: Viewer | null) => Boolean(viewer?.roles.some((assignment) => assignment.role === 'ANALYST' || assignment.role === 'ADMIN'));

/** The import pages for analysts and administrators; anyone else signed in is told they have no access. */
export function RequireImportRole({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (!mayImport(viewer)) return <NoImportAccess />;
  return children;
}

function NoImportAccess() {
  usePageTitle('You do not have access to imports');
  return (
    <>
      <h1 className="nhsuk-heading-l">You do not have access to imports</h1>
      <p className="nhsuk-body">Importing national data files and reading the import history are for analysts and administrators.</p>
      <p className="nhsuk-body">If you need to import data, ask an administrator to give you the analyst role.</p>
    </>
  );
}
