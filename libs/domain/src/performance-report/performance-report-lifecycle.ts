import type { CitedSource } from '../assurance/cited-source';
import { SEED_DOCUMENTS } from '../assurance/cited-source';
import { addCalendarMonths, compareIsoDates, isIsoDate, monthStart } from '../calendar/calendar-date';
import { DomainError } from '../errors';
import { TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';

/**
 * The monthly performance report's sign-off (issue 17, seed 000): the commissioning support unit's analyst prepares
 * the report from national data, the CCG's board signs it off with its remedial actions, and the higher board (the
 * PCT Cluster Board in 2012-13, NHS England after) receives it and signs it off too, which "closes the governance
 * loop". Signing for the CCG freezes the report; a correction is a new version with a reason. Rules: RULES.md.
 */
export const PERFORMANCE_REPORT_STATES = ['DRAFT', 'READY_FOR_CCG', 'SIGNED_BY_CCG', 'PUBLISHED', 'RETURNED_BY_HIGHER_BOARD', 'SUPERSEDED'] as const;
export type PerformanceReportState = (typeof PERFORMANCE_REPORT_STATES)[number];

/** Each state in words, as screens, the published page and the PDF show it. */
export const PERFORMANCE_REPORT_STATE_LABELS: Readonly<Record<PerformanceReportState, string>> = {
  DRAFT: 'Draft',
  READY_FOR_CCG: 'Ready for the CCG to sign off',
  SIGNED_BY_CCG: 'Signed off by the CCG',
  PUBLISHED: 'Signed off by the CCG and the higher board (published)',
  RETURNED_BY_HIGHER_BOARD: 'Returned by the higher board',
  SUPERSEDED: 'Superseded by a correction',
};

export const PERFORMANCE_REPORT_ACTIONS = [
  'PREPARE',
  'EDIT',
  'SUBMIT_TO_CCG',
  'RETURN_TO_ANALYST',
  'SIGN_FOR_CCG',
  'SIGN_FOR_HIGHER_BOARD',
  'RETURN_BY_HIGHER_BOARD',
  'CORRECT',
  'SUPERSEDE',
] as const;
export type PerformanceReportAction = (typeof PERFORMANCE_REPORT_ACTIONS)[number];

/** Each action in words, for buttons and the history. */
export const PERFORMANCE_REPORT_ACTION_LABELS: Readonly<Record<PerformanceReportAction, string>> = {
  PREPARE: 'Prepare the report',
  EDIT: 'Edit commentary, annotations and remedial actions',
  SUBMIT_TO_CCG: 'Send to the CCG for sign-off',
  RETURN_TO_ANALYST: 'Return to the analyst',
  SIGN_FOR_CCG: 'Sign off for the CCG',
  SIGN_FOR_HIGHER_BOARD: 'Sign off for the higher board',
  RETURN_BY_HIGHER_BOARD: 'Return to the CCG (higher board)',
  CORRECT: 'Correct the report (a new version)',
  SUPERSEDE: 'Superseded by a published correction',
};

/**
 * Who acts on a report, as the lifecycle sees them; a user may hold several. ANALYST: an analyst of the CCG, or of
 * the commissioning support unit serving it. CCG_BOARD_MEMBER: a board member of the report's CCG.
 * HIGHER_BOARD_MEMBER: a board member of the CCG's higher organisation for the report's month (higherBoardFor).
 * SYSTEM: the service itself (a version superseded when its correction is published). Which kinds a user holds for
 * a report is the API's to say.
 */
export const PERFORMANCE_REPORT_ACTOR_KINDS = ['ANALYST', 'CCG_BOARD_MEMBER', 'HIGHER_BOARD_MEMBER', 'SYSTEM'] as const;
export type PerformanceReportActorKind = (typeof PERFORMANCE_REPORT_ACTOR_KINDS)[number];

/** Whose signature a move records. */
export type PerformanceReportSignature = 'CCG' | 'HIGHER_BOARD';

/** What a move needs and does besides the change of state. */
export interface PerformanceReportTransition extends TransitionRow<PerformanceReportState, PerformanceReportAction, PerformanceReportActorKind> {
  /** A reason is required, not blank (REASON_REQUIRED): the history says why. */
  readonly reasonRequired: boolean;
  /** The move is a signature: the meeting and the date signed are required (MEETING_REQUIRED, SIGNED_ON_REQUIRED). */
  readonly signature: PerformanceReportSignature | null;
  /** The move freezes the report: every number, chart point and comment is stored as it was shown. */
  readonly freezes: boolean;
  /** The move starts a new version (n + 1, DRAFT) that supersedes this one; `to` is what this version becomes. */
  readonly startsNewVersion: boolean;
}

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.GOVERNANCE_LOOP, text });
const ISSUE_17 = 'CCG Assure issue 17, the signed monthly performance report: the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_17, text });

const ANALYST: readonly PerformanceReportActorKind[] = ['ANALYST'];
const CCG_BOARD: readonly PerformanceReportActorKind[] = ['CCG_BOARD_MEMBER'];
const HIGHER_BOARD: readonly PerformanceReportActorKind[] = ['HIGHER_BOARD_MEMBER'];
const SYSTEM: readonly PerformanceReportActorKind[] = ['SYSTEM'];

function row(
  from: PerformanceReportState | null,
  action: PerformanceReportAction,
  to: PerformanceReportState,
  actors: readonly PerformanceReportActorKind[],
  source: CitedSource,
  options: { reasonRequired?: boolean; signature?: PerformanceReportSignature; freezes?: boolean; startsNewVersion?: boolean; condition?: string } = {},
): PerformanceReportTransition {
  return {
    from,
    action,
    to,
    actors,
    source,
    reasonRequired: options.reasonRequired ?? false,
    signature: options.signature ?? null,
    freezes: options.freezes ?? false,
    startsNewVersion: options.startsNewVersion ?? false,
    ...(options.condition ? { condition: options.condition } : {}),
  };
}

const CORRECTION_CONDITION = 'The version is the latest of its CCG and month (planPerformanceReportCorrection): one correction at a time.';

/**
 * Every allowed (state, action) pair. Anything else is INVALID_TRANSITION; a move by someone not listed is
 * ACTION_NOT_PERMITTED. `from: null`: no report yet (PREPARE creates version 1). The higher board's moves start only
 * from SIGNED_BY_CCG, so it can never act before the CCG has signed.
 */
export const PERFORMANCE_REPORT_TRANSITIONS: readonly PerformanceReportTransition[] = [
  row(null, 'PREPARE', 'DRAFT', ANALYST, seed('The WYCSU will support the work on performance for the CCGs, by providing performance reports to CCGs (2.4)'), {
    condition: 'The CCG was open in the month (requireCcgOpenInMonth: CCG_NOT_OPEN_IN_MONTH) and has no report for it yet.',
  }),
  row('DRAFT', 'EDIT', 'DRAFT', ANALYST, seed('working with CCG teams to ensure that performance actions are recorded and reported accurately (2.4)')),
  row('DRAFT', 'SUBMIT_TO_CCG', 'READY_FOR_CCG', ANALYST, seed('routing the reporting of performance to CCGs, rather than the PCT Board (2.2)')),
  row('READY_FOR_CCG', 'RETURN_TO_ANALYST', 'DRAFT', CCG_BOARD, product('the CCG’s board member sends a report not fit to sign back to the analyst with the reason'), {
    reasonRequired: true,
  }),
  row('READY_FOR_CCG', 'SIGN_FOR_CCG', 'SIGNED_BY_CCG', CCG_BOARD, seed('CCGs will formally sign off on performance reports and any actions (2.2)'), {
    signature: 'CCG',
    freezes: true,
  }),
  row('SIGNED_BY_CCG', 'SIGN_FOR_HIGHER_BOARD', 'PUBLISHED', HIGHER_BOARD, seed('but so will the PCT Board. This process will then close the governance loop (2.2)'), {
    signature: 'HIGHER_BOARD',
    condition: 'The signer is a board member of the CCG’s higher organisation for the report’s month (higherBoardFor).',
  }),
  row('SIGNED_BY_CCG', 'RETURN_BY_HIGHER_BOARD', 'RETURNED_BY_HIGHER_BOARD', HIGHER_BOARD, seed('The PCT though will secure assurance on performance matters from the CCGs (2.2)'), {
    reasonRequired: true,
    condition: 'The signer is a board member of the CCG’s higher organisation for the report’s month (higherBoardFor).',
  }),
  row('SIGNED_BY_CCG', 'CORRECT', 'SUPERSEDED', ANALYST, product('a report signed by the CCG but not yet by the higher board is corrected by a new version; the old one is superseded at once, so the higher board never signs a version already replaced'), {
    reasonRequired: true,
    startsNewVersion: true,
    condition: CORRECTION_CONDITION,
  }),
  row('PUBLISHED', 'CORRECT', 'PUBLISHED', ANALYST, product('a published report stays the public one until its correction is itself published'), {
    reasonRequired: true,
    startsNewVersion: true,
    condition: CORRECTION_CONDITION,
  }),
  row('RETURNED_BY_HIGHER_BOARD', 'CORRECT', 'SUPERSEDED', ANALYST, product('a returned report is answered by a corrected version, which supersedes it at once'), {
    reasonRequired: true,
    startsNewVersion: true,
    condition: CORRECTION_CONDITION,
  }),
  row('PUBLISHED', 'SUPERSEDE', 'SUPERSEDED', SYSTEM, product('a published version is superseded when its correction is published; both stay readable'), {
    condition: 'A later version of the same CCG and month has just been published (versionsSupersededByPublishing).',
  }),
];

/** Frozen: signed for the CCG at least once; every number, chart point and comment is the stored one. */
export const FROZEN_PERFORMANCE_REPORT_STATES: readonly PerformanceReportState[] = ['SIGNED_BY_CCG', 'PUBLISHED', 'RETURNED_BY_HIGHER_BOARD', 'SUPERSEDED'];

/** Final: no move leaves it. */
export const TERMINAL_PERFORMANCE_REPORT_STATES: readonly PerformanceReportState[] = ['SUPERSEDED'];

/** The distinct changes of status the table makes, for a database check to agree with. */
export const PERFORMANCE_REPORT_STATUS_CHANGES = statusChangesOf(PERFORMANCE_REPORT_TRANSITIONS);

const WORKFLOW = {
  subject: 'performance report',
  actions: PERFORMANCE_REPORT_ACTIONS,
  table: PERFORMANCE_REPORT_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_PERFORMANCE_REPORT_ACTION',
} as const;

/** The actions someone holding `actorKinds` may take on a report in `state` (null: none yet), in table order. */
export function availablePerformanceReportActions(state: PerformanceReportState | null, actorKinds: readonly PerformanceReportActorKind[]): PerformanceReportAction[] {
  return permittedActionsFrom(PERFORMANCE_REPORT_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it. */
export function performanceReportActionsFrom(state: PerformanceReportState | null): PerformanceReportAction[] {
  return actionsFrom(PERFORMANCE_REPORT_TRANSITIONS, state);
}

/** What a move brings with it. */
export interface PerformanceReportMove {
  readonly action: PerformanceReportAction;
  /** The reason (returns and corrections). */
  readonly reason?: string | null;
  /** The meeting at which the report was signed, by name (signatures). */
  readonly meeting?: string | null;
  /** The date it was signed at that meeting, yyyy-mm-dd (signatures). */
  readonly signedOn?: string | null;
}

/** What the dates of a signature are checked against. */
export interface PerformanceReportMoveContext {
  /** Today in England (todayInEngland(now)): a signature is not dated in the future. */
  readonly today: string;
  /** The report's month (any day of it): a signature is not dated before the month has ended. */
  readonly month?: string | null;
  /** The date the CCG signed (for the higher board's signature): the higher board does not sign before it. */
  readonly ccgSignedOn?: string | null;
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function refuse(code: string, action: PerformanceReportAction, field: string, message: string): never {
  throw new DomainError(code, message, { action, fields: { [field]: message } });
}

/**
 * The row one move of a report in `state` (null: none yet) follows. Throws UNKNOWN_PERFORMANCE_REPORT_ACTION,
 * INVALID_TRANSITION (details: from, action, allowed), ACTION_NOT_PERMITTED (details: from, action, actors,
 * actorKinds), REASON_REQUIRED, and for a signature MEETING_REQUIRED, SIGNED_ON_REQUIRED, INVALID_DATE,
 * SIGNED_ON_IN_FUTURE (after `today`), SIGNED_ON_BEFORE_MONTH_END (before the report's month has ended) and
 * SIGNED_ON_BEFORE_CCG (the higher board's date before the CCG's); each with details: action, fields.
 */
export function requirePerformanceReportTransition(
  state: PerformanceReportState | null,
  move: PerformanceReportMove,
  actorKinds: readonly PerformanceReportActorKind[],
  context: PerformanceReportMoveContext,
): PerformanceReportTransition {
  const transition = requireTransition(WORKFLOW, state, move?.action, actorKinds) as PerformanceReportTransition;
  const action = transition.action;
  if (transition.reasonRequired && blank(move.reason)) refuse('REASON_REQUIRED', action, 'reason', `${PERFORMANCE_REPORT_ACTION_LABELS[action]} needs a reason.`);
  if (transition.signature) {
    const who = transition.signature === 'CCG' ? 'the CCG' : 'the higher board';
    if (blank(move.meeting)) refuse('MEETING_REQUIRED', action, 'meeting', `Enter the meeting at which ${who} signed off the report.`);
    if (move.signedOn === undefined || move.signedOn === null || move.signedOn === '') refuse('SIGNED_ON_REQUIRED', action, 'signedOn', `Enter the date ${who} signed off the report.`);
    const signedOn = move.signedOn;
    if (!isIsoDate(signedOn)) refuse('INVALID_DATE', action, 'signedOn', 'The date signed must be a real date.');
    if (compareIsoDates(signedOn, context.today) > 0) refuse('SIGNED_ON_IN_FUTURE', action, 'signedOn', 'The date signed must be today or in the past.');
    if (context.month) {
      const monthEnded = addCalendarMonths(monthStart(context.month, 'month'), 1);
      if (compareIsoDates(signedOn, monthEnded) < 0) refuse('SIGNED_ON_BEFORE_MONTH_END', action, 'signedOn', 'The date signed must be after the end of the report’s month.');
    }
    if (transition.signature === 'HIGHER_BOARD' && context.ccgSignedOn && compareIsoDates(signedOn, context.ccgSignedOn) < 0) {
      refuse('SIGNED_ON_BEFORE_CCG', action, 'signedOn', 'The higher board cannot sign off before the date the CCG signed.');
    }
  }
  return transition;
}

export function isPerformanceReportState(value: unknown): value is PerformanceReportState {
  return (PERFORMANCE_REPORT_STATES as readonly unknown[]).includes(value);
}

export function isPerformanceReportAction(value: unknown): value is PerformanceReportAction {
  return (PERFORMANCE_REPORT_ACTIONS as readonly unknown[]).includes(value);
}

/** Whether a report in `state` is frozen (its content the stored snapshot, not the live data). */
export function isFrozenPerformanceReportState(state: PerformanceReportState): boolean {
  return FROZEN_PERFORMANCE_REPORT_STATES.includes(state);
}
