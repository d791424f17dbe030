import type { ContractNoticeAction, Money } from '@ccg-assure/domain';
import { ArrayMaxSize, IsInt, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { MAX_SHORT_TEXT, MAX_TEXT_LENGTH } from '../assessments/assessment.input';
import { DateScalar, MoneyScalar } from '../server/scalars';
import { ContractNoticeActionEnum, RemedialActionStatus } from './contracts-enums';

@InputType({ description: 'An indicator a contract monitors: the national standard unless a local threshold is given.' })
export class MonitoredIndicatorInput {
  @Field(() => String, { description: 'The indicator’s code, for example AE_4HR_ALL.' })
  @MaxLength(40)
  indicatorCode!: string;

  @Field(() => Float, { nullable: true, description: 'A locally agreed threshold in the indicator’s unit; omit or null for the national standard in force.' })
  localThreshold?: number | null;
}

@InputType({ description: 'A new contract. The signed-in user must be a commissioning manager of the lead commissioner.' })
export class CreateContractInput {
  @Field(() => String, { description: 'ODS code of the provider (an NHS trust).' })
  @MaxLength(12)
  provider!: string;

  @Field(() => String, { description: 'The financial year, for example 2015/16.' })
  @MaxLength(10)
  financialYear!: string;

  @Field(() => String, { description: 'ODS code of the lead (co-ordinating) commissioner, a CCG.' })
  @MaxLength(12)
  leadCommissioner!: string;

  @Field(() => [String], { description: 'ODS codes of the associate CCGs (may be empty).' })
  @ArrayMaxSize(50)
  associates!: string[];

  @Field(() => MoneyScalar, { description: 'The annual contract value.' })
  contractValue!: Money;

  @Field(() => String, { description: 'Title.' })
  @MaxLength(MAX_SHORT_TEXT)
  title!: string;

  @Field(() => String, { nullable: true, description: 'The contract’s own reference.' })
  @MaxLength(MAX_SHORT_TEXT)
  reference?: string | null;

  @Field(() => [MonitoredIndicatorInput], { description: 'The indicators monitored (may be empty).' })
  @ArrayMaxSize(100)
  monitoredIndicators!: MonitoredIndicatorInput[];
}

@InputType({ description: 'Changes a contract: any field given replaces the stored one (associates and monitored indicators as whole lists).' })
export class UpdateContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId!: string;

  @Field(() => Int, { description: 'Contract.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'The annual contract value.' })
  contractValue?: Money | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @MaxLength(MAX_SHORT_TEXT)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The contract’s own reference ("" clears it).' })
  @MaxLength(MAX_SHORT_TEXT)
  reference?: string | null;

  @Field(() => [String], { nullable: true, description: 'ODS codes of the associate CCGs.' })
  @ArrayMaxSize(50)
  associates?: string[] | null;

  @Field(() => [MonitoredIndicatorInput], { nullable: true, description: 'The indicators monitored, with their thresholds.' })
  @ArrayMaxSize(100)
  monitoredIndicators?: MonitoredIndicatorInput[] | null;
}

@InputType({ description: 'Drafts a contract performance notice (never issued by itself).' })
export class ProposeContractNoticeInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId!: string;

  @Field(() => [String], { description: 'The indicators the notice is about: at least one the contract monitors.' })
  @ArrayMaxSize(100)
  indicatorCodes!: string[];

  @Field(() => ID, { nullable: true, description: 'The open breach proposal it is drafted from, if any (it becomes ACCEPTED).' })
  @IsUUID()
  fromProposalId?: string | null;
}

@InputType({ description: 'One move of a notice through the contract management lifecycle.' })
export class ApplyContractNoticeActionInput {
  @Field(() => ID, { description: 'The notice.' })
  @IsUUID()
  noticeId!: string;

  @Field(() => Int, { description: 'ContractNotice.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ContractNoticeActionEnum, { description: 'The move: one of the notice’s availableActions (AGREE_RAP goes through agreeRemedialActionPlan).' })
  action!: ContractNoticeAction;

  @Field(() => String, { nullable: true, description: 'A note; the reason where the move needs one.' })
  @MaxLength(MAX_TEXT_LENGTH)
  note?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the contract management meeting (HOLD_MEETING); never in the future.' })
  meetingOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'ISSUE: the date by which the meeting must be held; by default the issue date plus the operational days of the year’s terms.' })
  responseMeetingBy?: string | null;
}

@InputType({ description: 'Dismisses an open breach proposal.' })
export class DismissBreachProposalInput {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  proposalId!: string;

  @Field(() => String, { description: 'Why: required.' })
  @MaxLength(MAX_TEXT_LENGTH)
  reason!: string;
}

@InputType({ description: 'An action of a remedial action plan.' })
export class RemedialActionInput {
  @Field(() => String, { description: 'What is to be done.' })
  @MaxLength(MAX_TEXT_LENGTH)
  description!: string;

  @Field(() => String, { description: 'Who owns it.' })
  @MaxLength(MAX_SHORT_TEXT)
  owner!: string;

  @Field(() => DateScalar, { description: 'When it is due.' })
  dueOn!: string;

  @Field(() => RemedialActionStatus, { nullable: true, description: 'Its status; NOT_STARTED when omitted.' })
  status?: RemedialActionStatus | null;
}

@InputType({ description: 'A month of a recovery trajectory.' })
export class TrajectoryPointInput {
  @Field(() => String, { description: 'An indicator of the notice.' })
  @MaxLength(40)
  indicatorCode!: string;

  @Field(() => DateScalar, { description: 'The month: its first day.' })
  month!: string;

  @Field(() => Float, { description: 'The value committed for that month, in the indicator’s unit.' })
  value!: number;
}

@InputType({ description: 'Agrees a remedial action plan under a notice (the AGREE_RAP move).' })
export class AgreeRemedialActionPlanInput {
  @Field(() => ID, { description: 'The notice.' })
  @IsUUID()
  noticeId!: string;

  @Field(() => Int, { description: 'ContractNotice.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => DateScalar, { description: 'When it was agreed; never in the future.' })
  agreedOn!: string;

  @Field(() => String, { description: 'What the plan does.' })
  @MaxLength(MAX_TEXT_LENGTH)
  summary!: string;

  @Field(() => [RemedialActionInput], { description: 'Its actions: at least one.' })
  @ArrayMaxSize(100)
  actions!: RemedialActionInput[];

  @Field(() => [TrajectoryPointInput], { description: 'The monthly recovery trajectory: at least one month.' })
  @ArrayMaxSize(240)
  trajectory!: TrajectoryPointInput[];
}

@InputType({ description: 'Changes an action of a remedial action plan.' })
export class UpdateRemedialActionInput {
  @Field(() => ID, { description: 'The action.' })
  @IsUUID()
  actionId!: string;

  @Field(() => Int, { description: 'RemedialAction.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => RemedialActionStatus, { nullable: true, description: 'Its status.' })
  status?: RemedialActionStatus | null;

  @Field(() => String, { nullable: true, description: 'Who owns it.' })
  @MaxLength(MAX_SHORT_TEXT)
  owner?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due.' })
  dueOn?: string | null;
}

@InputType({ description: 'Changes the GC9 figures of a contract year (administrators).' })
export class UpdateContractManagementTermsInput {
  @Field(() => String, { description: 'The contract year, for example 2015/16 (created when new).' })
  @MaxLength(10)
  financialYear!: string;

  @Field(() => Int, { description: 'Operational days to the contract management meeting.' })
  @IsInt()
  @Min(0)
  meetingWithinOperationalDays!: number;

  @Field(() => Int, { description: 'Operational days to a joint investigation report.' })
  @IsInt()
  @Min(0)
  investigationReportOperationalDays!: number;

  @Field(() => Int, { description: 'Operational days to agree a remedial action plan.' })
  @IsInt()
  @Min(0)
  rapAgreeWithinOperationalDays!: number;

  @Field(() => String, { description: 'The share of the monthly contract value that may be withheld, in percent, as a decimal string (0 to 100).' })
  @MaxLength(12)
  withholdingPercent!: string;

  @Field(() => Int, { description: 'Months after which sums withheld may be retained.' })
  @IsInt()
  @Min(0)
  withholdingRetainedAfterMonths!: number;

  @Field(() => String, { description: 'Where the figures come from.' })
  @MaxLength(MAX_TEXT_LENGTH)
  source!: string;
}
