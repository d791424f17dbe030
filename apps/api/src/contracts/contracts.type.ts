import type { AssuranceType, ContractNoticeAction, ContractNoticeState, PointType, RagStatus, Money } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssuranceTypeEnum, PointTypeEnum, RagStatusEnum } from '../scorecards/scorecard-enums';
import { SpcPoint } from '../scorecards/spc.type';
import { DateScalar, MoneyScalar } from '../server/scalars';
import {
  BreachProposalStatus,
  BreachReason,
  ContractNoticeActionEnum,
  ContractNoticeStatusEnum,
  NoticeRaisedFrom,
  ProvidersBasis,
  RemedialActionStatus,
  ThresholdSource,
} from './contracts-enums';

// GraphQL types of the contracts area (issue 15, decision 0022). Organisations and indicators are resolved from
// their codes by field resolvers (contracts.resolver.ts), through the per-request loaders.

@ObjectType({ description: 'The figures the contract management condition (GC9) names for one contract year: editable reference data.' })
export class ContractManagementTerms {
  @Field(() => String, { description: 'The contract year, for example 2015/16.' })
  financialYear!: string;

  @Field(() => Int, { description: 'Operational days from a Contract Performance Notice by which the Contract Management Meeting is held.' })
  meetingWithinOperationalDays!: number;

  @Field(() => Int, { description: 'Operational days after a Joint Investigation by which its report is due.' })
  investigationReportOperationalDays!: number;

  @Field(() => Int, { description: 'Operational days after the meeting (or the investigation report) by which a Remedial Action Plan is agreed.' })
  rapAgreeWithinOperationalDays!: number;

  @Field(() => String, { description: 'The share of the Actual Monthly Value that may be withheld, in percent, exactly as stored (for example "2.0000").' })
  withholdingPercent!: string;

  @Field(() => Int, { description: 'Months after which sums withheld may be retained where the failure is not remedied.' })
  withholdingRetainedAfterMonths!: number;

  @Field(() => String, { description: 'Where the figures come from.' })
  source!: string;
}

@ObjectType({ description: 'An indicator a contract monitors, its threshold, and its latest stored score.' })
export class MonitoredIndicator {
  indicatorCode!: string;

  @Field(() => Float, { nullable: true, description: 'The threshold in force for the latest period: the local one where agreed, else the national standard; null when neither exists.' })
  threshold!: number | null;

  @Field(() => ThresholdSource, { description: 'NATIONAL (the national standard) or LOCAL (agreed in the contract).' })
  thresholdSource!: ThresholdSource;

  @Field(() => DateScalar, { nullable: true, description: 'The latest period with data (first day); null without data.' })
  period!: string | null;

  @Field(() => String, { nullable: true, description: 'The latest period in words.' })
  periodLabel!: string | null;

  @Field(() => Float, { nullable: true, description: 'The latest value, in the indicator’s unit.' })
  value!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the latest value meets the threshold; null without data or threshold.' })
  meetsThreshold!: boolean | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'The latest value against the national standard (the stored score).' })
  rag!: RagStatus | null;

  @Field(() => PointTypeEnum, { nullable: true, description: 'The SPC variation verdict of the latest point (stored).' })
  variationType!: PointType | null;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The SPC assurance verdict (stored).' })
  assuranceType!: AssuranceType | null;
}

@ObjectType({ description: 'A contract with a provider for one financial year, held by a lead commissioner on behalf of associate CCGs.' })
export class Contract {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  providerCode!: string;
  leadCommissionerCode!: string;
  associateCodes!: string[];

  @Field(() => String, { description: 'The financial year, for example 2015/16.' })
  financialYear!: string;

  @Field(() => MoneyScalar, { description: 'The annual contract value.' })
  contractValue!: Money;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The contract’s own reference, if any.' })
  reference!: string | null;

  @Field(() => Boolean, { description: 'True for the illustrative demo contracts: not a real contract.' })
  illustrative!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the contract is illustrative; null for a real one.' })
  illustrativeNote!: string | null;

  @Field(() => Int, { description: 'The version read: updateContract names it (optimistic concurrency).' })
  version!: number;

  monitored!: MonitoredIndicator[];
}

@ObjectType({ description: 'A month of a monitored indicator that fails its threshold or its SPC verdicts, proposed to the contract lead after an import. Never issued by itself.' })
export class BreachProposal {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  contractId!: string;
  indicatorCode!: string;

  @Field(() => DateScalar, { description: 'The period (first day).' })
  period!: string;

  @Field(() => String, { description: 'The period in words.' })
  periodLabel!: string;

  @Field(() => Float, { description: 'The value that month, from the stored scores.' })
  value!: number;

  @Field(() => Float, { nullable: true, description: 'The contract’s threshold for the month.' })
  threshold!: number | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'RAG against the national standard.' })
  rag!: RagStatus | null;

  @Field(() => PointTypeEnum, { description: 'The SPC variation verdict as at that month.' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The SPC assurance verdict as at that month.' })
  assuranceType!: AssuranceType | null;

  @Field(() => [BreachReason], { description: 'Why it is proposed.' })
  reasons!: BreachReason[];

  @Field(() => BreachProposalStatus, { description: 'OPEN, ACCEPTED (a notice was drafted) or DISMISSED.' })
  status!: BreachProposalStatus;

  @Field(() => String, { nullable: true, description: 'Why it was dismissed.' })
  dismissedReason!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the check proposed it.' })
  createdAt!: Date;
}

@ObjectType({ description: 'One indicator’s evidence in a notice: values, RAG, variation and assurance, limits and points as on the day.' })
export class NoticeEvidenceIndicator {
  indicatorCode!: string;

  @Field(() => DateScalar, { description: 'The latest period of the evidence (first day).' })
  period!: string;

  @Field(() => String, { description: 'The period in words.' })
  periodLabel!: string;

  @Field(() => Float, { description: 'The latest value.' })
  value!: number;

  @Field(() => Float, { description: 'Its numerator.' })
  numerator!: number;

  @Field(() => Float, { description: 'Its denominator.' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'The contract’s threshold that day.' })
  threshold!: number | null;

  @Field(() => ThresholdSource, { description: 'Where the threshold came from.' })
  thresholdSource!: ThresholdSource;

  @Field(() => RagStatusEnum, { nullable: true, description: 'RAG against the national standard.' })
  rag!: RagStatus | null;

  @Field(() => PointTypeEnum, { description: 'The SPC variation verdict (the icon).' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The SPC assurance verdict (the icon).' })
  assuranceType!: AssuranceType | null;

  @Field(() => Float, { nullable: true, description: 'The chart’s target (the national standard’s threshold).' })
  target!: number | null;

  @Field(() => [SpcPoint], { description: 'Every point of the chart with its mean and limits, oldest first.' })
  points!: SpcPoint[];
}

@ObjectType({ description: 'The evidence of a notice: frozen when issued; while a draft, the stored scores as they stand now.' })
export class NoticeEvidence {
  @Field(() => Boolean, { description: 'True once the notice is issued: the evidence no longer follows the data.' })
  frozen!: boolean;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was frozen; null while a draft.' })
  frozenAt!: Date | null;

  @Field(() => [NoticeEvidenceIndicator], { description: 'One entry per indicator of the notice that has data.' })
  indicators!: NoticeEvidenceIndicator[];
}

@ObjectType({ description: 'One move of a notice.' })
export class ContractNoticeEvent {
  @Field(() => ContractNoticeActionEnum, { description: 'The move.' })
  action!: ContractNoticeAction;

  @Field(() => ContractNoticeStatusEnum, { nullable: true, description: 'The status before; null for the proposal.' })
  fromStatus!: ContractNoticeState | null;

  @Field(() => ContractNoticeStatusEnum, { description: 'The status after.' })
  toStatus!: ContractNoticeState;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who (display name); null for a user since removed.' })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'The note or reason.' })
  note!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The meeting’s date (HOLD_MEETING).' })
  meetingOn!: string | null;
}

@ObjectType({ description: 'An action of a remedial action plan.' })
export class RemedialAction {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => String, { description: 'Who owns it.' })
  owner!: string;

  @Field(() => DateScalar, { description: 'When it is due.' })
  dueOn!: string;

  @Field(() => RemedialActionStatus, { description: 'Its status.' })
  status!: RemedialActionStatus;

  @Field(() => Int, { description: 'The version read: updateRemedialAction names it.' })
  version!: number;
}

@ObjectType({ description: 'A month of a recovery trajectory: the value committed, and the actual from the stored scores where known.' })
export class TrajectoryPoint {
  indicatorCode!: string;

  @Field(() => DateScalar, { description: 'The month (first day).' })
  month!: string;

  @Field(() => Float, { description: 'The value the provider committed to reach that month.' })
  value!: number;

  @Field(() => Float, { nullable: true, description: 'The actual value that month; null until the data arrives.' })
  actual!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the actual meets the commitment (by the indicator’s polarity); null until known.' })
  met!: boolean | null;
}

@ObjectType({ description: 'A month the recovery trajectory was missed, found after an import, with the step it proposes.' })
export class TrajectoryMiss {
  indicatorCode!: string;

  @Field(() => DateScalar, { description: 'The month (first day).' })
  month!: string;

  @Field(() => Float, { description: 'The value committed.' })
  committedValue!: number;

  @Field(() => Float, { description: 'The actual value.' })
  actualValue!: number;

  @Field(() => ContractNoticeActionEnum, { description: 'The step the miss proposed when found (GC9 order: breach, withholding, exception, escalation).' })
  proposedNextStep!: ContractNoticeAction;

  @Field(() => GraphQLDateTime, { description: 'When it was found.' })
  recordedAt!: Date;
}

@ObjectType({ description: 'A remedial action plan agreed under a notice: actions and a monthly recovery trajectory.' })
export class RemedialActionPlan {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field(() => DateScalar, { description: 'When it was agreed.' })
  agreedOn!: string;

  @Field(() => String, { description: 'What the plan does.' })
  summary!: string;

  @Field(() => [RemedialAction], { description: 'Its actions, in order.' })
  actions!: RemedialAction[];

  @Field(() => [TrajectoryPoint], { description: 'The recovery trajectory, by month then indicator.' })
  trajectory!: TrajectoryPoint[];

  @Field(() => [TrajectoryMiss], { description: 'The months missed so far, oldest first.' })
  misses!: TrajectoryMiss[];
}

@ObjectType({ description: 'A contract performance notice (GC9 of the NHS Standard Contract) and where it stands.' })
export class ContractNotice {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  contractId!: string;

  @Field(() => ContractNoticeStatusEnum, { description: 'Where it stands.' })
  status!: ContractNoticeState;

  @Field(() => String, { description: 'The status in words.' })
  statusLabel!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was issued; null while a draft.' })
  issuedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date by which the contract management meeting must be held.' })
  responseMeetingBy!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the contract management meeting was held.' })
  meetingHeldOn!: string | null;

  indicatorCodes!: string[];

  @Field(() => NoticeRaisedFrom, { description: 'From a breach proposal or drafted by hand.' })
  raisedFrom!: NoticeRaisedFrom;

  @Field(() => ID, { nullable: true, description: 'The breach proposal it was drafted from.' })
  breachProposalId!: string | null;

  @Field(() => NoticeEvidence, { description: 'The evidence: frozen once issued.' })
  evidence!: NoticeEvidence;

  @Field(() => [ContractNoticeEvent], { description: 'Every move, oldest first.' })
  history!: ContractNoticeEvent[];

  @Field(() => ContractNoticeActionEnum, { nullable: true, description: 'The step the latest missed trajectory month proposes now, if any (never taken by itself).' })
  proposedNextStep!: ContractNoticeAction | null;

  @Field(() => Int, { description: 'The version read: applyContractNoticeAction names it (optimistic concurrency).' })
  version!: number;

  @Field(() => GraphQLDateTime, { description: 'When it was drafted.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A CCG’s providers for a year: its contracted providers where it has contracts, else the NHS trusts of its region.' })
export class CcgProviders {
  ccgCode!: string;
  providerCodes!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'The date the providers are as at: the asOf given, or else the latest period with data.' })
  asOf!: string | null;

  @Field(() => ProvidersBasis, { description: 'CONTRACTS or REGION (the fallback where the CCG holds no contract for the year).' })
  basis!: ProvidersBasis;
}

