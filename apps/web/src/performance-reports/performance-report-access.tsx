import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useViewer, type Viewer } from '../auth/viewer';
import { usePageTitle } from '../ui/page-title';

/**
 * The roles that work on monthly performance reports (issue 17 point 6): analysts prepare them, board members of the
 * CCG and of its higher organisation sign them, the CCG's other staff and administrators read them. The API decides
 * each CCG and report.
 */
const REPORT_ROLES: readonly string[] = ['ANALYST', 'BOARD_MEMBER', 'COMMISSIONING_MANAGER', 'FINANCE_OFFICER', 'ADMIN'];

/** Whether the viewer sees the Performance reports area. */
export const mayUsePerformanceReports = (viewer: Pick<Viewer, 'roles'> | null): boolean => Boolean(viewer?.roles.some((assignment) => REPORT_ROLES.includes(assignment.role)));

/** The staff report pages for those who may use them; anyone else signed in is told they have no access. */
export function RequirePerformanceReportRole({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (!mayUsePerformanceReports(viewer)) return <NoReportAccess />;
  return children;
}

function NoReportAccess() {
  usePageTitle('You do not have access to performance reports');
  return (
    <>
      <h1 className="nhsuk-heading-l">You do not have access to performance reports</h1>
      <p className="nhsuk-body">
        Monthly performance reports are prepared by analysts and signed by board members. Published reports are on the{' '}
        <Link className="nhsuk-link" to="/published/performance-reports">
          published reports page
        </Link>
        .
      </p>
    </>
  );
}
