import { DomainError, FINANCIAL_PLAN_TRANSITIONS, type FinancialPlanActionType } from '@ccg-assure/domain';
import { AppError } from '../server/app-error';
import { notPermitted } from './financial-plan-access';
import type { FinancialPlanStatus } from './finance-enums';

// The refusals of the financial plan use cases, with stable reasons. A refusal about the caller's input names
// the input fields it concerns in `details.fields` (as the mutation's input names them: ['approvedOn'],
// ['lines[2].amount']), so the web app points at the field by that id and never by the message's words.

/** The input field a domain error is about, by its code, where the domain's own `details.field` is missing or names something else. */
export type InputFields = Readonly<Partial<Record<string, string>>>;

/** A domain error about the caller's input as the same refusal (BAD_USER_INPUT, reason = its code), naming the field. */
export function inputRefusal(error: unknown, fieldsByCode: InputFields): unknown {
  if (!(error instanceof DomainError)) return error;
  // The domain names the field of its own input (`details.field`, e.g. 'flexes[1]'); the refusal names the caller's.
  const { field: domainField, ...details } = error.details ?? {};
  const field = fieldsByCode[error.code] ?? domainField;
  return new AppError('BAD_USER_INPUT', error.code, error.message, { ...details, ...(typeof field === 'string' ? { fields: [field] } : {}) });
}

/** Runs a domain computation on the caller's input; its DomainError becomes a refusal naming the field (inputRefusal). */
export function checkingInput<T>(fieldsByCode: InputFields, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw inputRefusal(error, fieldsByCode);
  }
}

export function staleVersion(planId: string, expectedVersion: number, currentVersion: number): AppError {
  return new AppError('CONFLICT', 'STALE_VERSION', 'The plan has changed since you read it: read it again, then make your change.', {
    planId,
    expectedVersion,
    currentVersion,
    fields: ['expectedVersion'],
  });
}

export function openVersionConflict(ccgCode: string, financialYear: string, status: FinancialPlanStatus, planId?: string): AppError {
  return new AppError(
    'CONFLICT',
    'PLAN_HAS_OPEN_VERSION',
    `The ${financialYear} plan of ${ccgCode} already has a ${status === 'DRAFT' ? 'draft' : 'version awaiting review'}; a new version can be started only after a return.`,
    { planId, status },
  );
}

/** The plan a lifecycle move was tried on. */
export interface MovedPlan {
  /** Null for a CCG's year with no plan yet. */
  planId: string | null;
  ccgCode: string;
  financialYear: string;
  /** The latest version's number and status; null with no plan yet. */
  version: number | null;
  status: FinancialPlanStatus | null;
}

/** The statuses the lifecycle allows the action from. */
const statusesFor = (action: FinancialPlanActionType) => FINANCIAL_PLAN_TRANSITIONS.filter((t) => t.action === action && t.from !== null).map((t) => t.from as FinancialPlanStatus);

const VERBS: Partial<Record<FinancialPlanActionType, { reason: string; verb: string }>> = {
  EDIT_DRAFT: { reason: 'NOT_A_DRAFT', verb: 'edited' },
  SUBMIT: { reason: 'NOT_A_DRAFT', verb: 'submitted' },
  APPROVE: { reason: 'NOT_SUBMITTED', verb: 'approved' },
  RETURN: { reason: 'NOT_SUBMITTED', verb: 'returned' },
};

/**
 * The refusal of a move the domain's lifecycle refused (applyFinancialPlanAction), by the reasons the API has
 * always given: CONFLICT with PLAN_APPROVED or PLAN_HAS_OPEN_VERSION (a new draft), NOT_A_DRAFT (edit, submit),
 * NOT_SUBMITTED (approve, return), PLAN_NOT_APPROVED (a forecast); FORBIDDEN for someone it does not let act;
 * BAD_USER_INPUT, REASON_REQUIRED (field 'reason') for a return without a reason.
 */
export function lifecycleRefusal(error: unknown, action: FinancialPlanActionType, plan: MovedPlan): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error.code === 'ACTION_NOT_PERMITTED') return notPermitted(action, plan.ccgCode);
  if (error.code !== 'INVALID_TRANSITION') return inputRefusal(error, { REASON_REQUIRED: 'reason' });
  const { planId, status, version } = plan;
  if (action === 'START_DRAFT' && planId !== null && status !== null) {
    return status === 'APPROVED'
      ? new AppError('CONFLICT', 'PLAN_APPROVED', `The ${plan.financialYear} plan of ${plan.ccgCode} is approved; no new version can be started.`, { planId, status })
      : openVersionConflict(plan.ccgCode, plan.financialYear, status, planId);
  }
  if (action === 'RECORD_FORECAST') {
    return new AppError('CONFLICT', 'PLAN_NOT_APPROVED', 'Forecasts are measured against the approved plan, and this plan has no approved version yet.', { planId, status });
  }
  const expected = statusesFor(action).join(' or ');
  const { reason, verb } = VERBS[action] ?? { reason: 'INVALID_TRANSITION', verb: `changed by ${action}` };
  return new AppError('CONFLICT', reason, `Version ${version ?? 'none'} is ${status ?? 'not started'}; only a ${expected} version can be ${verb}.`, { version, status, expected });
}
