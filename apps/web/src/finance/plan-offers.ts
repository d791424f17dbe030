import { availableFinancialPlanActions, financialPlanActionsFrom, type FinancialPlanActionType, type FinancialPlanActorKind, type FinancialPlanState } from '@ccg-assure/domain';
import type { Viewer } from '../auth/viewer';

/** What the figures form does: start a plan, change the draft, start a new version after a return, or only show. */
export type EditorMode = 'create' | 'update' | 'new-version' | 'read';

/** What the plan page offers the viewer, each read from the actions the plan's lifecycle allows them now. */
export interface PlanOffers {
  mode: EditorMode;
  submit: boolean;
  approve: boolean;
  returnToCcg: boolean;
  recordFlex: boolean;
  setWarningThreshold: boolean;
  recordForecast: boolean;
}

/**
 * The page's offers from the viewer's available actions (FinancialPlan.availableActions): the page renders
 * what the lifecycle allows, never its own reading of the status or the viewer's roles.
 */
export function deriveOffers(actions: readonly FinancialPlanActionType[], planExists: boolean): PlanOffers {
  const can = (action: FinancialPlanActionType) => actions.includes(action);
  const mode: EditorMode = can('EDIT_DRAFT') ? 'update' : can('START_DRAFT') ? (planExists ? 'new-version' : 'create') : 'read';
  return {
    mode,
    submit: can('SUBMIT'),
    approve: can('APPROVE'),
    returnToCcg: can('RETURN'),
    recordFlex: can('RECORD_FLEX'),
    setWarningThreshold: can('SET_WARNING_THRESHOLD'),
    recordForecast: can('RECORD_FORECAST'),
  };
}

/**
 * The lifecycle's actor kinds the viewer holds for one CCG's plans, as the API reckons them: a finance
 * officer of that CCG acts for it; an NHS England assessor acts on any CCG's plan.
 */
export function actorKindsFor(viewer: Viewer | null, ccg: string): FinancialPlanActorKind[] {
  const roles = viewer?.roles ?? [];
  return [
    ...(roles.some((assignment) => assignment.role === 'FINANCE_OFFICER' && assignment.organisation.code.toUpperCase() === ccg.toUpperCase()) ? (['CCG_FINANCE'] as const) : []),
    ...(roles.some((assignment) => assignment.role === 'ASSESSOR') ? (['ASSESSOR'] as const) : []),
  ];
}

/**
 * What the viewer may do for a CCG with no plan for the year: the API has no plan then to carry
 * `availableActions`, so the page asks the domain's lifecycle table itself (START_DRAFT for the CCG's
 * finance officers).
 */
export function actionsWithoutPlan(viewer: Viewer | null, ccg: string): FinancialPlanActionType[] {
  return availableFinancialPlanActions(null, actorKindsFor(viewer, ccg));
}

/** Whether forecasts are recorded against a plan in this state (an approved plan), by the lifecycle table. */
export function takesForecasts(status: FinancialPlanState): boolean {
  return financialPlanActionsFrom(status).includes('RECORD_FORECAST');
}
