import { CONTRACT_NOTICE_ACTIONS, CONTRACT_NOTICE_STATES, type ContractNoticeAction, type ContractNoticeState } from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The contracts area's GraphQL enums; the lifecycle's are built from the domain's lists (decision 0022).

export const ContractNoticeStatusEnum = enumOf(CONTRACT_NOTICE_STATES);
registerEnumType(ContractNoticeStatusEnum, {
  name: 'ContractNoticeStatus',
  description: 'Where a contract performance notice stands in the contract management lifecycle (GC9 of the NHS Standard Contract).',
  valuesConfig: describedValues<ContractNoticeState>({
    DRAFT: 'Proposed by the contract lead and not yet issued: the provider has not seen it.',
    ISSUED: 'Contract Performance Notice issued to the provider (GC9.4); the contract management meeting is due.',
    MEETING_HELD: 'The Contract Management Meeting has been held (GC9.6).',
    UNDER_INVESTIGATION: 'A Joint Investigation is under way (GC9.7.3, GC9.8).',
    RAP_AGREED: 'A Remedial Action Plan has been agreed (GC9.7.2, GC9.11).',
    MONITORING: 'The Remedial Action Plan is being implemented and monitored (GC9.14).',
    RAP_BREACHED: 'The provider has failed to implement the plan or meet its trajectory (GC9.15).',
    WITHHOLDING_APPLIED: 'A share of the monthly contract value is being withheld (GC9.12, GC9.17).',
    EXCEPTION_REPORTED: 'The failure has been reported in an Exception Report (GC9.21).',
    RECOVERED: 'The plan has been delivered and performance recovered.',
    CLOSED: 'Closed: final.',
    ESCALATED: 'Escalated beyond contract management (Contract Management Board, then the governing body; GC17).',
    WITHDRAWN: 'Withdrawn (or a draft discarded): final.',
  }),
});

export const ContractNoticeActionEnum = enumOf(CONTRACT_NOTICE_ACTIONS);
registerEnumType(ContractNoticeActionEnum, {
  name: 'ContractNoticeAction',
  description: 'A move of a contract performance notice through the contract management lifecycle (GC9).',
  valuesConfig: describedValues<ContractNoticeAction>({
    PROPOSE: 'Draft a notice (proposeContractNotice).',
    ISSUE: 'Issue the Contract Performance Notice: its evidence is frozen as it stands that day.',
    DISCARD: 'Discard a draft (reason required).',
    HOLD_MEETING: 'Record the Contract Management Meeting (meetingOn required).',
    WITHDRAW: 'Withdraw the notice (reason required).',
    START_INVESTIGATION: 'Agree a Joint Investigation.',
    AGREE_RAP: 'Agree a Remedial Action Plan (agreeRemedialActionPlan, with actions and a trajectory).',
    START_MONITORING: 'Start monitoring the agreed plan.',
    REPORT_RAP_BREACH: 'Record that the plan is breached (reason required).',
    APPLY_WITHHOLDING: 'Withhold a share of the monthly contract value (reason required).',
    REPORT_EXCEPTION: 'Report the exception to the provider’s governing body and the regulators (reason required).',
    RESUME_MONITORING: 'The failure is remedied: monitoring resumes (sums withheld are returned).',
    RECORD_RECOVERY: 'Record that the plan is delivered and performance recovered.',
    ESCALATE: 'Escalate beyond contract management (reason required).',
    CLOSE: 'Close the notice (reason required after an escalation).',
  }),
});

export enum ThresholdSource {
  NATIONAL = 'NATIONAL',
  LOCAL = 'LOCAL',
}
registerEnumType(ThresholdSource, {
  name: 'ThresholdSource',
  description: 'Where a monitored indicator’s threshold comes from.',
  valuesConfig: {
    NATIONAL: { description: 'The national standard in force for the period.' },
    LOCAL: { description: 'A threshold agreed locally in the contract.' },
  },
});

export enum BreachProposalStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(BreachProposalStatus, {
  name: 'BreachProposalStatus',
  description: 'What the contract lead did with a breach proposal.',
  valuesConfig: {
    OPEN: { description: 'Awaiting the contract lead.' },
    ACCEPTED: { description: 'A notice was drafted from it.' },
    DISMISSED: { description: 'Dismissed, with a reason.' },
  },
});

export enum BreachReason {
  THRESHOLD_NOT_MET = 'THRESHOLD_NOT_MET',
  SPECIAL_CAUSE_CONCERN = 'SPECIAL_CAUSE_CONCERN',
  CONSISTENT_FAIL = 'CONSISTENT_FAIL',
}
registerEnumType(BreachReason, {
  name: 'BreachReason',
  description: 'Why a month of a monitored indicator is proposed as a breach.',
  valuesConfig: {
    THRESHOLD_NOT_MET: { description: 'The value does not meet the contract’s threshold (national or local).' },
    SPECIAL_CAUSE_CONCERN: { description: 'The SPC variation verdict is special-cause concern.' },
    CONSISTENT_FAIL: { description: 'The SPC assurance verdict is that the standard will consistently not be met.' },
  },
});

export enum NoticeRaisedFrom {
  BREACH_PROPOSAL = 'BREACH_PROPOSAL',
  MANUAL = 'MANUAL',
}
registerEnumType(NoticeRaisedFrom, {
  name: 'NoticeRaisedFrom',
  description: 'How a notice was drafted.',
  valuesConfig: {
    BREACH_PROPOSAL: { description: 'From a breach proposal of the after-import check.' },
    MANUAL: { description: 'By the contract lead, for example from a failing scorecard tile.' },
  },
});

export enum RemedialActionStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETE = 'COMPLETE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(RemedialActionStatus, {
  name: 'RemedialActionStatus',
  description: 'The status of an action of a remedial action plan.',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started.' },
    IN_PROGRESS: { description: 'In progress.' },
    COMPLETE: { description: 'Complete.' },
    OVERDUE: { description: 'Past its due date and not complete.' },
  },
});

export enum ProvidersBasis {
  CONTRACTS = 'CONTRACTS',
  REGION = 'REGION',
}
registerEnumType(ProvidersBasis, {
  name: 'ProvidersBasis',
  description: 'How a CCG’s providers were found.',
  valuesConfig: {
    CONTRACTS: { description: 'The providers the CCG holds contracts with for the year (as lead or associate).' },
    REGION: { description: 'The CCG has no contracts for the year: the NHS trusts in its NHS England region, as a fallback.' },
  },
});
