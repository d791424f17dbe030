import { isFrozenPerformanceReportState, isPubliclyReadableVersion, type PerformanceReportActorKind, type PerformanceReportState } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';

// Who may read and act on a CCG's monthly performance report (issue 17 point 6; the design's "Access"). Analysts of
// the CCG prepare and edit; the CCG's board members send back or sign stage one; board members of the CCG's higher
// organisation for the month sign stage two or return it. The CCG's staff read drafts; NHS England's administrators
// read every report; the higher board reads a report once the CCG has signed it; anyone reads a published version
// (and a published one since superseded).

const holds = (viewer: Viewer | null, role: Role, organisationCode: string | null) =>
  organisationCode !== null && (viewer?.roles.some((assignment) => assignment.role === role && assignment.organisationCode === organisationCode) ?? false);

/** The viewer holds some role at the CCG. */
export const isStaffOf = (viewer: Viewer | null, ccgCode: string): boolean => viewer?.roles.some((assignment) => assignment.organisationCode === ccgCode) ?? false;

/** The lifecycle's actor kinds the viewer holds for a report of the CCG whose higher organisation is `higherOrgCode`. */
export function reportActorKinds(viewer: Viewer | null, ccgCode: string, higherOrgCode: string | null): PerformanceReportActorKind[] {
  const kinds: PerformanceReportActorKind[] = [];
  if (holds(viewer, Role.ANALYST, ccgCode)) kinds.push('ANALYST');
  if (holds(viewer, Role.BOARD_MEMBER, ccgCode)) kinds.push('CCG_BOARD_MEMBER');
  if (holds(viewer, Role.BOARD_MEMBER, higherOrgCode)) kinds.push('HIGHER_BOARD_MEMBER');
  return kinds;
}

/** A version as the read rule needs it. */
export interface ReadableReport {
  ccgCode: string;
  higherOrgCode: string | null;
  status: PerformanceReportState;
  version: number;
  publishedAt: Date | null;
}

/** Anyone, signed in or not, may read the version. */
export const isPublicReport = (report: ReadableReport): boolean => isPubliclyReadableVersion({ version: report.version, status: report.status, published: report.publishedAt !== null });

/** Whether the viewer may read the version; `everyone`: the viewer administers every organisation (NHS England). */
export function mayReadReport(viewer: Viewer | null, everyone: boolean, report: ReadableReport): boolean {
  if (isPublicReport(report)) return true;
  if (!viewer) return false;
  if (everyone || isStaffOf(viewer, report.ccgCode)) return true;
  return isFrozenPerformanceReportState(report.status) && reportActorKinds(viewer, report.ccgCode, report.higherOrgCode).includes('HIGHER_BOARD_MEMBER');
}
