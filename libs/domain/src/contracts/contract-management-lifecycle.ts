import type { CitedSource } from '../assurance/cited-source';
import { SEED_DOCUMENTS } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';

/**
 * The contract management lifecycle of a contract performance notice, following the contract management condition
 * (GC9) of the NHS Standard Contract General Conditions 2015/16 (full length): the co-ordinating commissioner issues a
 * Contract Performance Notice, the parties meet at a Contract Management Meeting, where the notice is withdrawn, a
 * Joint Investigation is started or a Remedial Action Plan is agreed; the plan is implemented and monitored; a
 * failure to agree or to implement it lets the commissioner withhold a share of the monthly contract value, then
 * report the exception; the notice is closed when performance recovers, or escalated. DRAFT is the product's own
 * step: a notice proposed (from a breach proposal or by hand) and not yet issued. Decision 0022.
 */
export const CONTRACT_NOTICE_STATES = [
  'DRAFT',
  'ISSUED',
  'MEETING_HELD',
  'UNDER_INVESTIGATION',
  'RAP_AGREED',
  'MONITORING',
  'RAP_BREACHED',
  'WITHHOLDING_APPLIED',
  'EXCEPTION_REPORTED',
  'RECOVERED',
  'CLOSED',
  'ESCALATED',
  'WITHDRAWN',
] as const;
export type ContractNoticeState = (typeof CONTRACT_NOTICE_STATES)[number];

/** Each state in words, as screens and the notice letter show it. */
export const CONTRACT_NOTICE_STATE_LABELS: Readonly<Record<ContractNoticeState, string>> = {
  DRAFT: 'Draft (not issued)',
  ISSUED: 'Contract performance notice issued',
  MEETING_HELD: 'Contract management meeting held',
  UNDER_INVESTIGATION: 'Joint investigation',
  RAP_AGREED: 'Remedial action plan agreed',
  MONITORING: 'Remedial action plan monitored',
  RAP_BREACHED: 'Remedial action plan breached',
  WITHHOLDING_APPLIED: 'Payment withheld',
  EXCEPTION_REPORTED: 'Exception reported',
  RECOVERED: 'Recovered',
  CLOSED: 'Closed',
  ESCALATED: 'Escalated',
  WITHDRAWN: 'Withdrawn',
};

export const CONTRACT_NOTICE_ACTIONS = [
  'PROPOSE',
  'ISSUE',
  'DISCARD',
  'HOLD_MEETING',
  'WITHDRAW',
  'START_INVESTIGATION',
  'AGREE_RAP',
  'START_MONITORING',
  'REPORT_RAP_BREACH',
  'APPLY_WITHHOLDING',
  'REPORT_EXCEPTION',
  'RESUME_MONITORING',
  'RECORD_RECOVERY',
  'ESCALATE',
  'CLOSE',
] as const;
export type ContractNoticeAction = (typeof CONTRACT_NOTICE_ACTIONS)[number];

/** Each action in words, for buttons and the history. */
export const CONTRACT_NOTICE_ACTION_LABELS: Readonly<Record<ContractNoticeAction, string>> = {
  PROPOSE: 'Propose a notice',
  ISSUE: 'Issue the contract performance notice',
  DISCARD: 'Discard the draft',
  HOLD_MEETING: 'Record the contract management meeting',
  WITHDRAW: 'Withdraw the notice',
  START_INVESTIGATION: 'Start a joint investigation',
  AGREE_RAP: 'Agree a remedial action plan',
  START_MONITORING: 'Start monitoring the plan',
  REPORT_RAP_BREACH: 'Record that the plan is breached',
  APPLY_WITHHOLDING: 'Withhold payment',
  REPORT_EXCEPTION: 'Report the exception',
  RESUME_MONITORING: 'Resume monitoring (failure remedied)',
  RECORD_RECOVERY: 'Record recovery',
  ESCALATE: 'Escalate',
  CLOSE: 'Close',
};

/**
 * Who acts on a notice, as the lifecycle sees them. LEAD_COMMISSIONER: a commissioning manager of the contract's
 * lead (co-ordinating) commissioner. ASSOCIATE: a commissioning manager of an associate CCG, who reads but makes no
 * move (the co-ordinating commissioner acts on the associates' behalf). SYSTEM: the after-import check, which
 * writes breach proposals and trajectory misses but makes no move on a notice. Which kinds a user holds for a
 * contract is the API's to say.
 */
export const CONTRACT_NOTICE_ACTOR_KINDS = ['LEAD_COMMISSIONER', 'ASSOCIATE', 'SYSTEM'] as const;
export type ContractNoticeActorKind = (typeof CONTRACT_NOTICE_ACTOR_KINDS)[number];

/** What a move needs besides the state. */
export interface ContractNoticeTransition extends TransitionRow<ContractNoticeState, ContractNoticeAction, ContractNoticeActorKind> {
  /** A reason (note) is required, not blank (REASON_REQUIRED). */
  readonly reasonRequired: boolean;
  /** A date is required: the meeting's date for HOLD_MEETING (MEETING_DATE_REQUIRED). */
  readonly meetingDateRequired: boolean;
}

/** The contract management condition of the NHS Standard Contract, as the rows cite it. */
export const GC9_DOCUMENT =
  'NHS Standard Contract 2015/16 General Conditions (full length), GC9 Contract Management (NHS England); clause numbers written from knowledge of the condition, not read from its text (decision 0022): to be checked against the published text';
const gc9 = (text: string): CitedSource => ({ basis: 'REF', document: GC9_DOCUMENT, text });
const ISSUE_15 = 'CCG Assure issue 15, provider contracts: the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_15, text });
const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.SHEFFIELD_PERFORMANCE_FRAMEWORK, text });

const LEAD: readonly ContractNoticeActorKind[] = ['LEAD_COMMISSIONER'];

function row(
  from: ContractNoticeState | null,
  action: ContractNoticeAction,
  to: ContractNoticeState,
  source: CitedSource,
  options: { reasonRequired?: boolean; meetingDateRequired?: boolean; condition?: string } = {},
): ContractNoticeTransition {
  return {
    from,
    action,
    to,
    actors: LEAD,
    source,
    reasonRequired: options.reasonRequired ?? false,
    meetingDateRequired: options.meetingDateRequired ?? false,
    ...(options.condition ? { condition: options.condition } : {}),
  };
}

/**
 * Every allowed (state, action) pair. Anything else is INVALID_TRANSITION; a move by someone not listed is
 * ACTION_NOT_PERMITTED. `from: null`: no notice yet (PROPOSE creates the draft). WITHDRAWN and CLOSED are final.
 */
export const CONTRACT_NOTICE_TRANSITIONS: readonly ContractNoticeTransition[] = [
  row(null, 'PROPOSE', 'DRAFT', product('a breach is proposed to the contract lead (never issued automatically); the lead drafts a notice from it or by hand'), {
    condition: 'At least one indicator the contract monitors.',
  }),
  row('DRAFT', 'ISSUE', 'ISSUED', gc9('GC9.4: where the co-ordinating commissioner believes the provider has failed to comply with an obligation of the contract it may issue a Contract Performance Notice'), {
    condition: 'The evidence is frozen as it stands that day; the date of the contract management meeting defaults from the terms of the contract year.',
  }),
  row('DRAFT', 'DISCARD', 'WITHDRAWN', product('a draft the lead decides not to issue is withdrawn with its reason; the breach proposal it came from stays decided'), { reasonRequired: true }),
  row('ISSUED', 'WITHDRAW', 'WITHDRAWN', gc9('GC9.6: the parties meet unless the Contract Performance Notice has been withdrawn'), { reasonRequired: true }),
  row('ISSUED', 'HOLD_MEETING', 'MEETING_HELD', gc9('GC9.6: a Contract Management Meeting within the number of Operational Days of the notice that the terms of the year name'), {
    meetingDateRequired: true,
  }),
  row('MEETING_HELD', 'WITHDRAW', 'WITHDRAWN', gc9('GC9.7.1: at the meeting the parties agree that the Contract Performance Notice is withdrawn'), { reasonRequired: true }),
  row('MEETING_HELD', 'START_INVESTIGATION', 'UNDER_INVESTIGATION', gc9('GC9.7.3 and GC9.8: the parties agree to undertake a Joint Investigation and its terms')),
  row('MEETING_HELD', 'AGREE_RAP', 'RAP_AGREED', gc9('GC9.7.2 and GC9.11: the parties agree a Remedial Action Plan (and any Immediate Action Plan)'), {
    condition: 'Through agreeRemedialActionPlan: actions and a monthly recovery trajectory.',
  }),
  row('MEETING_HELD', 'APPLY_WITHHOLDING', 'WITHHOLDING_APPLIED', gc9('GC9.12: where no Remedial Action Plan is agreed in time the co-ordinating commissioner may withhold a share of the Actual Monthly Value until it is'), {
    reasonRequired: true,
  }),
  row('UNDER_INVESTIGATION', 'WITHDRAW', 'WITHDRAWN', gc9('GC9.10: after the Joint Investigation Report the parties agree that the notice is withdrawn'), { reasonRequired: true }),
  row('UNDER_INVESTIGATION', 'AGREE_RAP', 'RAP_AGREED', gc9('GC9.10 and GC9.11: after the Joint Investigation Report the parties agree a Remedial Action Plan'), {
    condition: 'Through agreeRemedialActionPlan: actions and a monthly recovery trajectory.',
  }),
  row('UNDER_INVESTIGATION', 'APPLY_WITHHOLDING', 'WITHHOLDING_APPLIED', gc9('GC9.12: where no Remedial Action Plan is agreed in time the co-ordinating commissioner may withhold a share of the Actual Monthly Value until it is'), {
    reasonRequired: true,
  }),
  row('RAP_AGREED', 'START_MONITORING', 'MONITORING', gc9('GC9.14: the provider implements the Remedial Action Plan and reports on it; the parties review progress at their review meetings')),
  row('MONITORING', 'REPORT_RAP_BREACH', 'RAP_BREACHED', gc9('GC9.15: the provider fails to implement the Remedial Action Plan or to meet a milestone of it (a missed month of the recovery trajectory)'), {
    reasonRequired: true,
  }),
  row('RAP_BREACHED', 'RESUME_MONITORING', 'MONITORING', gc9('GC9.15 and GC9.19: the failure is remedied; the plan continues')),
  row('RAP_BREACHED', 'APPLY_WITHHOLDING', 'WITHHOLDING_APPLIED', gc9('GC9.16 and GC9.17: following an Exception Notice the co-ordinating commissioner may withhold a share of the Actual Monthly Value until the failure is remedied'), {
    reasonRequired: true,
  }),
  row('RAP_BREACHED', 'ESCALATE', 'ESCALATED', seed('a Contract Management Board (CMB) for each provider ... providing a more robust oversight and escalation route'), { reasonRequired: true }),
  row('WITHHOLDING_APPLIED', 'AGREE_RAP', 'RAP_AGREED', gc9('GC9.13: once the Remedial Action Plan is agreed the sums withheld for failing to agree it are returned'), {
    condition: 'Through agreeRemedialActionPlan, where no plan was agreed yet.',
  }),
  row('WITHHOLDING_APPLIED', 'RESUME_MONITORING', 'MONITORING', gc9('GC9.19: the failure is remedied; the sums withheld are returned'), { condition: 'A remedial action plan exists.' }),
  row('WITHHOLDING_APPLIED', 'REPORT_EXCEPTION', 'EXCEPTION_REPORTED', gc9('GC9.21: the co-ordinating commissioner may report the failure in an Exception Report to the provider’s governing body and the regulators'), {
    reasonRequired: true,
  }),
  row('WITHHOLDING_APPLIED', 'ESCALATE', 'ESCALATED', seed('a Contract Management Board (CMB) for each provider ... providing a more robust oversight and escalation route'), { reasonRequired: true }),
  row('EXCEPTION_REPORTED', 'RESUME_MONITORING', 'MONITORING', gc9('GC9.19: the failure is remedied; the sums withheld are returned'), { condition: 'A remedial action plan exists.' }),
  row('EXCEPTION_REPORTED', 'ESCALATE', 'ESCALATED', gc9('GC9.20 and GC17: the sums withheld may be retained, and a continuing failure can lead to suspension or termination'), {
    reasonRequired: true,
  }),
  row('MONITORING', 'RECORD_RECOVERY', 'RECOVERED', gc9('GC9.14: the Remedial Action Plan is delivered and the standard is met again')),
  row('RECOVERED', 'CLOSE', 'CLOSED', product('a recovered notice is closed by the lead; its history and frozen evidence stay')),
  row('ESCALATED', 'CLOSE', 'CLOSED', product('an escalated notice is closed with the outcome of the escalation as its reason'), { reasonRequired: true }),
];

/** Final: no move leaves them. */
export const TERMINAL_CONTRACT_NOTICE_STATES: readonly ContractNoticeState[] = ['WITHDRAWN', 'CLOSED'];

/** The distinct changes of status the table makes, for a database check to agree with. */
export const CONTRACT_NOTICE_STATUS_CHANGES = statusChangesOf(CONTRACT_NOTICE_TRANSITIONS);

const WORKFLOW = {
  subject: 'contract notice',
  actions: CONTRACT_NOTICE_ACTIONS,
  table: CONTRACT_NOTICE_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_CONTRACT_NOTICE_ACTION',
} as const;

/** The actions someone holding `actorKinds` may take on a notice in `state` (null: none yet), in table order. */
export function availableContractNoticeActions(state: ContractNoticeState | null, actorKinds: readonly ContractNoticeActorKind[]): ContractNoticeAction[] {
  return permittedActionsFrom(CONTRACT_NOTICE_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it. */
export function contractNoticeActionsFrom(state: ContractNoticeState | null): ContractNoticeAction[] {
  return actionsFrom(CONTRACT_NOTICE_TRANSITIONS, state);
}

/** What a move brings with it. */
export interface ContractNoticeMove {
  readonly action: ContractNoticeAction;
  /** The reason or note; required where the row says so. */
  readonly note?: string | null;
  /** The date of the contract management meeting (HOLD_MEETING). */
  readonly meetingOn?: string | null;
}

/**
 * Applies one move to a notice in `state` (null: none yet) and returns the row it follows. Throws
 * UNKNOWN_CONTRACT_NOTICE_ACTION, INVALID_TRANSITION (details: from, action, allowed), ACTION_NOT_PERMITTED (details:
 * from, action, actors, actorKinds), REASON_REQUIRED or MEETING_DATE_REQUIRED.
 */
export function applyContractNoticeAction(
  state: ContractNoticeState | null,
  move: ContractNoticeMove,
  actorKinds: readonly ContractNoticeActorKind[],
): ContractNoticeTransition {
  const transition = requireTransition(WORKFLOW, state, move?.action, actorKinds) as ContractNoticeTransition;
  if (transition.reasonRequired && (typeof move.note !== 'string' || move.note.trim() === '')) {
    throw new DomainError('REASON_REQUIRED', `${CONTRACT_NOTICE_ACTION_LABELS[transition.action]} needs a reason.`, { action: transition.action });
  }
  if (transition.meetingDateRequired && (typeof move.meetingOn !== 'string' || move.meetingOn.trim() === '')) {
    throw new DomainError('MEETING_DATE_REQUIRED', 'The contract management meeting needs its date.', { action: transition.action });
  }
  return transition;
}

export function isContractNoticeState(value: unknown): value is ContractNoticeState {
  return (CONTRACT_NOTICE_STATES as readonly unknown[]).includes(value);
}
