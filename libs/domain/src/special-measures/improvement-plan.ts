import { DomainError } from '../errors';

/**
 * NHS England signs off the improvement plan the CCG draws up [seed 003: "draw up the improvement plan,
 * signed off by NHS England"]; a plan is its actions (owner, due date, status), so a plan with none cannot be
 * signed off. Throws IMPROVEMENT_PLAN_EMPTY.
 */
export function assertImprovementPlanCanBeSignedOff(actionCount: number): void {
  if (!(actionCount > 0)) {
    throw new DomainError('IMPROVEMENT_PLAN_EMPTY', 'An improvement plan is signed off with its actions: add at least one first.', { actionCount });
  }
}

/** Where an action of an improvement plan stands. */
export const IMPROVEMENT_ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type ImprovementActionStatus = (typeof IMPROVEMENT_ACTION_STATUSES)[number];

/** An action is overdue when it is not completed and its due date has passed (due on asOf is not yet overdue). */
export function isImprovementActionOverdue(action: { dueOn: string; status: ImprovementActionStatus }, asOf: string): boolean {
  return action.status !== 'COMPLETED' && action.dueOn < asOf;
}
