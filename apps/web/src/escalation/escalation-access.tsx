import type { ReactNode } from 'react';
import { useViewer, type Viewer } from '../auth/viewer';
import { usePageTitle } from '../ui/page-title';

/**
 * The roles held at a CCG (issue 16 point 5: the CCG's staff read its boards and items, members act at their
 * boards). Assessors are NHS England's and see no boards; administrators may (NHS England's read every CCG's).
 */
const CCG_ROLES: readonly string[] = ['COMMISSIONING_MANAGER', 'FINANCE_OFFICER', 'BOARD_MEMBER', 'ANALYST', 'ADMIN'];

/** Whether the viewer sees the Escalation area: a role at a CCG, or an administrator. The API decides each CCG. */
export const mayUseEscalation = (viewer: Pick<Viewer, 'roles'> | null): boolean => Boolean(viewer?.roles.some((assignment) => CCG_ROLES.includes(assignment.role)));

/** The escalation pages for those who may use them; anyone else signed in is told they have no access. */
export function RequireEscalationRole({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (!mayUseEscalation(viewer)) return <NoEscalationAccess />;
  return children;
}

function NoEscalationAccess() {
  usePageTitle('You do not have access to escalation');
  return (
    <>
      <h1 className="nhsuk-heading-l">You do not have access to escalation</h1>
      <p className="nhsuk-body">Boards and escalation items are for the staff of a CCG and administrators.</p>
    </>
  );
}
