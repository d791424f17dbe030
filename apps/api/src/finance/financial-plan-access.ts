import { Role } from '../auth/role';
import { hasAnyRole, organisationsWithRole, type Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';

// Object-level rules for financial plans (docs/decisions/0003: the resolver's @Access says which roles
// may call a field at all; these say whose plans). A finance officer reads and writes only the plans of
// the CCGs of their FINANCE_OFFICER role assignments; NHS England assessors and administrators read all;
// assessors alone approve, return and flex.

/** Which CCGs' plans the viewer may read: every CCG, or the listed ones. */
export type ReadableCcgs = { all: true } | { all: false; codes: string[] };

export function readableCcgs(viewer: Viewer): ReadableCcgs {
  if (hasAnyRole(viewer, [Role.ASSESSOR, Role.ADMIN])) return { all: true };
  return { all: false, codes: organisationsWithRole(viewer, [Role.FINANCE_OFFICER]) };
}

const notYourCcg = (ccgCode: string) =>
  new AppError('FORBIDDEN', 'NOT_YOUR_CCG', `Your roles do not cover the financial plans of CCG ${ccgCode}.`, { ccg: ccgCode });

export function assertCanReadPlansOf(viewer: Viewer, ccgCode: string): void {
  const readable = readableCcgs(viewer);
  if (!readable.all && !readable.codes.includes(ccgCode)) throw notYourCcg(ccgCode);
}

/** Preparing, editing, submitting a plan and recording forecasts: the CCG's own finance officers only. */
export function assertCanPreparePlansOf(viewer: Viewer, ccgCode: string): void {
  if (!organisationsWithRole(viewer, [Role.FINANCE_OFFICER]).includes(ccgCode)) throw notYourCcg(ccgCode);
}

/** Approving, returning, flexing and setting thresholds: NHS England assessors, for any CCG. */
export function assertCanReviewPlans(viewer: Viewer): void {
  if (!hasAnyRole(viewer, [Role.ASSESSOR])) throw new AppError('FORBIDDEN', 'NOT_PERMITTED', 'Only NHS England assessors review financial plans.');
}
