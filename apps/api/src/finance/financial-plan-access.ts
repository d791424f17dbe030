import { FINANCIAL_PLAN_TRANSITIONS, type FinancialPlanActionType, type FinancialPlanActorKind } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import { hasAnyRole, organisationsWithRole, type Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';

// Object-level rules for financial plans (docs/decisions/0003: the resolver's @Access says which roles may call
// a field at all; these say whose plans). Reading: a finance officer reads the plans of the CCGs of their
// FINANCE_OFFICER role assignments; NHS England assessors and administrators read all. Changing: who may take
// which action is the domain's financial plan lifecycle (FINANCIAL_PLAN_TRANSITIONS); here a signed-in user
// becomes the lifecycle's kinds of actor for one CCG's plans.

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

/**
 * The lifecycle's kinds of actor the viewer is for the plans of `ccgCode`: CCG_FINANCE as a finance officer of
 * that CCG, ASSESSOR as an NHS England assessor (of any CCG's plans). An administrator is neither.
 */
export function actorKindsOf(viewer: Viewer, ccgCode: string): FinancialPlanActorKind[] {
  const kinds: FinancialPlanActorKind[] = [];
  if (organisationsWithRole(viewer, [Role.FINANCE_OFFICER]).includes(ccgCode)) kinds.push('CCG_FINANCE');
  if (hasAnyRole(viewer, [Role.ASSESSOR])) kinds.push('ASSESSOR');
  return kinds;
}

/** Everyone the lifecycle lets take the action, from any status. */
const actorsOf = (action: FinancialPlanActionType): FinancialPlanActorKind[] => [
  ...new Set(FINANCIAL_PLAN_TRANSITIONS.filter((transition) => transition.action === action).flatMap((transition) => transition.actors)),
];

/** The refusal of an action to someone the lifecycle does not let take it: NOT_YOUR_CCG for the CCG's own actions, NOT_PERMITTED for NHS England's. */
export function notPermitted(action: FinancialPlanActionType, ccgCode: string): AppError {
  return actorsOf(action).includes('CCG_FINANCE')
    ? notYourCcg(ccgCode)
    : new AppError('FORBIDDEN', 'NOT_PERMITTED', 'Only NHS England assessors review financial plans.', { action });
}

/**
 * FORBIDDEN unless the viewer may take `action` on plans of `ccgCode` in some status (whether it may be taken
 * from the plan's status now is the lifecycle's to say, once the plan is locked). Gives their actor kinds.
 */
export function authorisePlanAction(viewer: Viewer, action: FinancialPlanActionType, ccgCode: string): FinancialPlanActorKind[] {
  const kinds = actorKindsOf(viewer, ccgCode);
  if (!actorsOf(action).some((actor) => kinds.includes(actor))) throw notPermitted(action, ccgCode);
  return kinds;
}
