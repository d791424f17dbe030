import {
  CONTRACT_NOTICE_ACTION_LABELS,
  CONTRACT_NOTICE_STATE_LABELS,
  CONTRACT_NOTICE_TRANSITIONS,
  FINE_INCOME_USE_LABELS,
  Money,
  SANCTION_LEDGER_STATE_LABELS,
  type ContractNoticeAction,
  type ContractNoticeState,
  type FineIncomeUse,
  type SanctionLedgerState,
} from '@ccg-assure/domain';
import type { BreachReason, RemedialActionStatus, SanctionCountUnit, SanctionLedgerAction } from '../gql/graphql';

/** Words for the contract management lifecycle and the sanctions ledger: the domain's own, never an enum code. */

export const noticeStatusLabel = (status: ContractNoticeState) => CONTRACT_NOTICE_STATE_LABELS[status];
export const noticeActionLabel = (action: ContractNoticeAction) => CONTRACT_NOTICE_ACTION_LABELS[action];
export const ledgerStatusLabel = (status: SanctionLedgerState) => SANCTION_LEDGER_STATE_LABELS[status];
export const incomeUseLabel = (use: FineIncomeUse) => FINE_INCOME_USE_LABELS[use];

/** What a move of a notice needs, from the domain's transition table (the API checks the same table). */
export function noticeMoveNeeds(from: ContractNoticeState, action: ContractNoticeAction): { reasonRequired: boolean; meetingDateRequired: boolean; condition?: string } {
  const row = CONTRACT_NOTICE_TRANSITIONS.find((transition) => transition.from === from && transition.action === action);
  return { reasonRequired: row?.reasonRequired ?? false, meetingDateRequired: row?.meetingDateRequired ?? false, condition: row?.condition };
}

/** What follows each move, said before it is confirmed (GC9 of the NHS Standard Contract). */
export const NOTICE_ACTION_CONSEQUENCES: Readonly<Record<ContractNoticeAction, string>> = {
  PROPOSE: 'A draft notice is made; nothing is sent to the provider.',
  ISSUE: 'The contract performance notice is issued today. Its evidence is frozen as it stands now, and the contract management meeting falls due.',
  DISCARD: 'The draft is withdrawn and never issued. Say why.',
  HOLD_MEETING: 'The contract management meeting is recorded as held on the day you give.',
  WITHDRAW: 'The notice is withdrawn. Say why.',
  START_INVESTIGATION: 'A joint investigation of the failure starts.',
  AGREE_RAP: 'A remedial action plan is agreed, with its actions and recovery trajectory.',
  START_MONITORING: 'The remedial action plan is monitored month by month against its trajectory.',
  REPORT_RAP_BREACH: 'The remedial action plan is recorded as breached. Say how.',
  APPLY_WITHHOLDING: 'A share of the monthly contract value may now be withheld. Say why.',
  REPORT_EXCEPTION: 'An exception report goes to the provider’s governing body and the regulators. Say why.',
  RESUME_MONITORING: 'The failure is remedied and the plan is monitored again.',
  RECORD_RECOVERY: 'The provider has recovered: the standard is met again.',
  ESCALATE: 'The notice is escalated beyond contract management. Say why.',
  CLOSE: 'The notice is closed. Its history and frozen evidence stay.',
};

export const SANCTION_LEDGER_ACTION_LABELS: Readonly<Record<SanctionLedgerAction, string>> = {
  CALCULATE: 'Calculate',
  APPLY: 'Apply',
  WAIVE: 'Waive',
  WITHHOLD: 'Withhold',
  RETURN: 'Return to the provider',
  RETAIN: 'Retain',
  RECORD_INCOME_USE: 'Record how the income is used',
};

export const BREACH_REASON_LABELS: Readonly<Record<BreachReason, string>> = {
  THRESHOLD_NOT_MET: 'The threshold is not met',
  CONSISTENT_FAIL: 'Consistently fails the target',
  SPECIAL_CAUSE_CONCERN: 'Special cause variation of concern',
};

export const REMEDIAL_ACTION_STATUS_LABELS: Readonly<Record<RemedialActionStatus, string>> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETE: 'Complete',
  OVERDUE: 'Overdue',
};

export const COUNT_UNIT_LABELS: Readonly<Record<SanctionCountUnit, string>> = {
  BREACH: 'per breach',
  BREACH_BEYOND_TOLERANCE: 'per breach beyond the tolerance',
  PATIENT_DAY: 'per patient day',
};

/** A Money scalar ("520000000.00") as people read it ("£520,000,000.00"): exact, never a float. */
export const money = (amount: string) => Money.parse(amount).toDisplayString();

/** A notice's status as an NHS tag. */
export function noticeStatusTagClass(status: ContractNoticeState): string {
  switch (status) {
    case 'DRAFT':
      return 'nhsuk-tag nhsuk-tag--grey';
    case 'RECOVERED':
    case 'CLOSED':
      return 'nhsuk-tag nhsuk-tag--green';
    case 'WITHDRAWN':
      return 'nhsuk-tag nhsuk-tag--white';
    case 'RAP_BREACHED':
    case 'WITHHOLDING_APPLIED':
    case 'EXCEPTION_REPORTED':
    case 'ESCALATED':
      return 'nhsuk-tag nhsuk-tag--red';
    default:
      return 'nhsuk-tag nhsuk-tag--blue';
  }
}

/** The reports the API serves for a contract and a notice (same origin, the session cookie). */
export const ledgerFile = (contractId: string, kind: 'csv' | 'xlsx') => `/reports/contracts/${encodeURIComponent(contractId)}/sanctions.${kind}`;
export const noticeLetterPdf = (noticeId: string) => `/reports/contract-notices/${encodeURIComponent(noticeId)}.pdf`;
