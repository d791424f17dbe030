import type { CitedSource } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { StatusChange, TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';
import { CCG_INFORMATION_BLOG } from './rule-citation';

/**
 * Where a financial plan stands: the status of its latest version. A version moves DRAFT -> SUBMITTED ->
 * APPROVED or RETURNED; after a return the CCG starts a new draft version; an approved plan is final.
 */
export const FINANCIAL_PLAN_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type FinancialPlanState = (typeof FINANCIAL_PLAN_STATES)[number];

/** Each state in words, as screens, reports and trigger texts show it. */
export const FINANCIAL_PLAN_STATE_LABELS: Readonly<Record<FinancialPlanState, string>> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  RETURNED: 'Returned',
};

export const FINANCIAL_PLAN_ACTION_TYPES = [
  'START_DRAFT',
  'EDIT_DRAFT',
  'SUBMIT',
  'APPROVE',
  'RETURN',
  'RECORD_FLEX',
  'SET_WARNING_THRESHOLD',
  'RECORD_FORECAST',
] as const;
export type FinancialPlanActionType = (typeof FINANCIAL_PLAN_ACTION_TYPES)[number];

/**
 * Who acts on a plan, as the lifecycle sees them. CCG_FINANCE: a finance officer of the plan's own CCG.
 * ASSESSOR: an NHS England assessor (any CCG's plan). Which kinds a signed-in user holds for a given plan is
 * the API's to say (from their role assignments); an administrator or another CCG's officer holds none.
 */
export const FINANCIAL_PLAN_ACTOR_KINDS = ['CCG_FINANCE', 'ASSESSOR'] as const;
export type FinancialPlanActorKind = (typeof FINANCIAL_PLAN_ACTOR_KINDS)[number];

/** One allowed move; `startsNewVersion` when it creates a version rather than changing the latest one. */
export interface FinancialPlanTransition extends TransitionRow<FinancialPlanState, FinancialPlanActionType, FinancialPlanActorKind> {
  readonly startsNewVersion: boolean;
}

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: CCG_INFORMATION_BLOG, text });
const ISSUE_6 = 'CCG Assure issue 6, financial plans: the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_6, text });

const NOT_SIGNED_OFF =
  'The NHSCB will not sign off such a plan, and the CCG’s statutory responsibility to produce the plan will not be conferred until a plan is produced that the NHSCB approves of.';
const FLEXIBILITY =
  'The starting point for this should be flexibility in the application of the financial rules, whether this is flexibility in the 2% (i.e. allowing some of it to fund recurrent expenditure) or relaxing the requirement for the full 1% surplus.';
const THRESHOLD =
  'monthly forecast outturn against plan in year, with an adverse variance above a configurable threshold (default 1% of allocation) raising a financial warning';
const ANY_STATE: readonly FinancialPlanState[] = FINANCIAL_PLAN_STATES;

/**
 * Every allowed (state, action) pair with who may make it; anything else is INVALID_TRANSITION, and a move
 * made by someone not listed is ACTION_NOT_PERMITTED. `from: null` is a CCG with no plan for the year yet.
 */
export const FINANCIAL_PLAN_TRANSITIONS: readonly FinancialPlanTransition[] = [
  {
    from: null,
    action: 'START_DRAFT',
    to: 'DRAFT',
    actors: ['CCG_FINANCE'],
    startsNewVersion: true,
    source: seed('producing the first draft of next year’s plan'),
  },
  {
    from: 'RETURNED',
    action: 'START_DRAFT',
    to: 'DRAFT',
    actors: ['CCG_FINANCE'],
    startsNewVersion: true,
    source: seed(NOT_SIGNED_OFF),
  },
  {
    from: 'DRAFT',
    action: 'EDIT_DRAFT',
    to: 'DRAFT',
    actors: ['CCG_FINANCE'],
    startsNewVersion: false,
    source: product('mutations to create and edit a draft, submit, approve or return (ASSESSOR): a draft is the only status in which the figures can change'),
  },
  {
    from: 'DRAFT',
    action: 'SUBMIT',
    to: 'SUBMITTED',
    actors: ['CCG_FINANCE'],
    startsNewVersion: false,
    source: seed('In the little over 6 weeks that remain until the first submission'),
  },
  {
    from: 'SUBMITTED',
    action: 'APPROVE',
    to: 'APPROVED',
    actors: ['ASSESSOR'],
    startsNewVersion: false,
    source: seed(NOT_SIGNED_OFF),
  },
  {
    from: 'SUBMITTED',
    action: 'RETURN',
    to: 'RETURNED',
    actors: ['ASSESSOR'],
    condition: 'A reason, not blank (REASON_REQUIRED).',
    startsNewVersion: false,
    source: product('versions (draft, submitted, approved or returned with reasons)'),
  },
  ...ANY_STATE.map(
    (from): FinancialPlanTransition => ({
      from,
      action: 'RECORD_FLEX',
      to: from,
      actors: ['ASSESSOR'],
      condition: 'A rule of the plan’s year, a percentage from 0 to 100 and a reason (evaluatePlanCompliance checks them).',
      startsNewVersion: false,
      source: seed(FLEXIBILITY),
    }),
  ),
  ...ANY_STATE.map(
    (from): FinancialPlanTransition => ({
      from,
      action: 'SET_WARNING_THRESHOLD',
      to: from,
      actors: ['ASSESSOR'],
      condition: 'A percentage of allocation from 0 to 100.',
      startsNewVersion: false,
      source: product(THRESHOLD),
    }),
  ),
  {
    from: 'APPROVED',
    action: 'RECORD_FORECAST',
    to: 'APPROVED',
    actors: ['CCG_FINANCE'],
    condition: 'A month of the plan’s financial year and an amount not negative.',
    startsNewVersion: false,
    source: product(`${THRESHOLD}: forecasts are measured against the approved plan`),
  },
];

/** The changes of a version's status the lifecycle makes, for the database trigger to agree with. */
export const FINANCIAL_PLAN_VERSION_STATUS_CHANGES: readonly StatusChange<FinancialPlanState>[] = statusChangesOf(
  FINANCIAL_PLAN_TRANSITIONS.filter((t) => !t.startsNewVersion),
);

/** The states in which a version's figures and lines may change (the database freezes them in every other). */
export const FINANCIAL_PLAN_EDITABLE_STATES: readonly FinancialPlanState[] = FINANCIAL_PLAN_TRANSITIONS.filter((t) => t.action === 'EDIT_DRAFT').map(
  (t) => t.to,
);

/** Final: no version may be started or submitted again (forecasts, flexes and the threshold still may be). */
export const TERMINAL_FINANCIAL_PLAN_STATES: readonly FinancialPlanState[] = ['APPROVED'];

export type FinancialPlanAction =
  | { readonly type: Exclude<FinancialPlanActionType, 'RETURN'> }
  | { readonly type: 'RETURN'; readonly reason: string };

const WORKFLOW = {
  subject: 'financial plan',
  actions: FINANCIAL_PLAN_ACTION_TYPES,
  table: FINANCIAL_PLAN_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_FINANCIAL_PLAN_ACTION',
} as const;

/**
 * The actions someone holding `actorKinds` may take on a plan in `state` (null: no plan yet), in table order:
 * what the API exposes as `availableActions` and the web app renders from.
 */
export function availableFinancialPlanActions(state: FinancialPlanState | null, actorKinds: readonly FinancialPlanActorKind[]): FinancialPlanActionType[] {
  return permittedActionsFrom(FINANCIAL_PLAN_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it (the `allowed` of INVALID_TRANSITION). */
export function financialPlanActionsFrom(state: FinancialPlanState | null): FinancialPlanActionType[] {
  return actionsFrom(FINANCIAL_PLAN_TRANSITIONS, state);
}

/**
 * Applies one action to a plan in `state` (null: no plan yet) and returns the state it moves to. Throws
 * UNKNOWN_FINANCIAL_PLAN_ACTION (details: action, allowed); INVALID_TRANSITION (details: from, action,
 * allowed) when the move does not exist from that state, e.g. editing a submitted plan or starting a draft
 * while one is open or the plan is approved; ACTION_NOT_PERMITTED (details: from, action, actors,
 * actorKinds) when it exists but none of `actorKinds` may make it; REASON_REQUIRED for a return without one.
 */
export function applyFinancialPlanAction(state: FinancialPlanState | null, action: FinancialPlanAction, actorKinds: readonly FinancialPlanActorKind[]): FinancialPlanState {
  const transition = requireTransition(WORKFLOW, state, action?.type, actorKinds);
  if (action.type === 'RETURN' && (typeof action.reason !== 'string' || action.reason.trim() === '')) {
    throw new DomainError('REASON_REQUIRED', 'A returned plan needs the reason it is returned.', { action: action.type });
  }
  return transition.to;
}
