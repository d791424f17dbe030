import type { AssuranceCategory, EscalationKind, SpecialMeasuresActionType, SpecialMeasuresState, SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssuranceActor } from '../assessments/assessment.type';
import { AssuranceCategoryEnum } from '../assessments/assurance-enums';
import { DateScalar } from '../server/scalars';
import {
  EscalationKindEnum,
  ImprovementActionStatus,
  SpecialMeasuresActionEnum,
  SpecialMeasuresStateEnum,
  SpecialMeasuresTriggerCodeEnum,
  SpecialMeasuresTriggerKind,
} from './special-measures-enums';

@ObjectType({ description: 'A trigger of special measures (seed 003), as recorded on an episode.' })
export class SpecialMeasuresTrigger {
  @Field(() => SpecialMeasuresTriggerCodeEnum, { description: 'The trigger.' })
  code!: SpecialMeasuresTriggerCode;

  @Field(() => SpecialMeasuresTriggerKind, { description: 'Operational or financial.' })
  kind!: SpecialMeasuresTriggerKind;

  @Field(() => String, { description: 'What it means.' })
  description!: string;
}

@ObjectType({ description: 'One step taken in a special measures episode, with the move it made.' })
export class SpecialMeasuresEvent {
  @Field(() => SpecialMeasuresActionEnum, { description: 'The step.' })
  action!: SpecialMeasuresActionType;

  @Field(() => SpecialMeasuresStateEnum, { description: 'The state before.' })
  from!: SpecialMeasuresState;

  @Field(() => SpecialMeasuresStateEnum, { description: 'The state after.' })
  to!: SpecialMeasuresState;

  @Field(() => DateScalar, { description: 'The day it was taken.' })
  on!: string;

  @Field(() => String, { nullable: true, description: 'A note.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'PUBLISH_NOTICE: the link to the notice on the CCG’s website.' })
  noticeUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'APPOINT_IMPROVEMENT_DIRECTOR: the improvement director.' })
  improvementDirector!: string | null;

  @Field(() => String, { nullable: true, description: 'START_DELIVERY: the intensive support identified.' })
  intensiveSupport!: string | null;

  @Field(() => String, { nullable: true, description: 'REPORT_PROGRESS: the summary of the progress report.' })
  summary!: string | null;

  @Field(() => EscalationKindEnum, { nullable: true, description: 'ESCALATE: what the escalation changes.' })
  escalationKind!: EscalationKind | null;

  @Field(() => AssuranceActor, { nullable: true, description: 'The assessor who recorded it; null for illustrative data and in public views.' })
  recordedBy!: AssuranceActor | null;

  @Field(() => GraphQLDateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;
}

@ObjectType({ description: 'A progress report to NHS England.' })
export class SpecialMeasuresProgressReport {
  @Field(() => DateScalar, { description: 'The day of the report.' })
  on!: string;

  @Field(() => String, { description: 'Its summary.' })
  summary!: string;
}

@ObjectType({
  description:
    'The 12-month special measures clock (the domain library’s specialMeasuresClock) as at a date: due 12 calendar months after entry, same day of month; overdue when still open on or after that day.',
})
export class SpecialMeasuresClock {
  @Field(() => DateScalar, { description: 'The date the clock is read at (today unless the query gave asOf).' })
  asOf!: string;

  @Field(() => DateScalar, { description: 'Entry into special measures: the clock starts here.' })
  entryDate!: string;

  @Field(() => DateScalar, { description: 'Entry plus 12 calendar months (clamped to month end).' })
  dueBy!: string;

  @Field(() => Boolean, { description: 'True while the episode is open on asOf.' })
  open!: boolean;

  @Field(() => Int, { description: 'Whole calendar months from asOf to dueBy: 12 on the entry day, 0 in the last part-month, on and after dueBy, and when closed.' })
  monthsRemaining!: number;

  @Field(() => Int, { description: 'Days from asOf to dueBy; 0 on or after dueBy and when closed.' })
  daysRemaining!: number;

  @Field(() => Boolean, { description: 'True when still open on or after dueBy.' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Days past dueBy while overdue (0 on dueBy itself).' })
  daysOverdue!: number;

  @Field(() => Boolean, { description: 'True when it closed after dueBy: it ran beyond the 12 months.' })
  closedAfterDueBy!: boolean;
}

@ObjectType({ description: 'An action of an improvement plan: what, who owns it, by when, and where it stands.' })
export class ImprovementAction {
  @Field(() => ID, { description: 'Identifier of the action.' })
  id!: string;

  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => String, { description: 'Who owns it.' })
  owner!: string;

  @Field(() => DateScalar, { description: 'When it is due.' })
  dueOn!: string;

  @Field(() => ImprovementActionStatus, { description: 'Where it stands.' })
  status!: ImprovementActionStatus;

  @Field(() => Boolean, { description: 'True when not completed and its due date is before the date the episode is read at.' })
  overdue!: boolean;

  @Field(() => GraphQLDateTime, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'The improvement plan of a special measures episode: its actions and progress; signed off by NHS England.' })
export class ImprovementPlan {
  @Field(() => DateScalar, { nullable: true, description: 'The day NHS England signed it off; null until then.' })
  signedOffOn!: string | null;

  @Field(() => [ImprovementAction], { description: 'The actions, by due date.' })
  actions!: ImprovementAction[];

  @Field(() => Int, { description: 'How many actions in all.' })
  totalActions!: number;

  @Field(() => Int, { description: 'How many are completed.' })
  completedActions!: number;

  @Field(() => Int, { description: 'How many are in progress.' })
  inProgressActions!: number;

  @Field(() => Int, { description: 'How many are not started.' })
  notStartedActions!: number;

  @Field(() => Int, { description: 'How many are overdue (not completed, past their due date).' })
  overdueActions!: number;
}

@ObjectType({ description: "A special measures episode of a CCG: the domain library's states and transitions, the 12-month clock and the improvement plan." })
export class SpecialMeasuresEpisode {
  @Field(() => ID, { description: 'Identifier of the episode.' })
  id!: string;

  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => SpecialMeasuresStateEnum, { description: 'Where the episode stands.' })
  state!: SpecialMeasuresState;

  @Field(() => Int, { description: 'Edit version: changes with every step and plan change; mutations take it as expectedVersion (stale: CONFLICT, STALE_VERSION).' })
  version!: number;

  @Field(() => DateScalar, { description: 'The day NHS England proposed special measures.' })
  proposedOn!: string;

  @Field(() => AssuranceCategoryEnum, { description: 'The category that led to it: Not assured or, in some cases, Limited assurance.' })
  assuranceCategory!: AssuranceCategory;

  @Field(() => [SpecialMeasuresTrigger], { description: 'What triggered it.' })
  triggers!: SpecialMeasuresTrigger[];

  @Field(() => DateScalar, { nullable: true, description: 'Entry (agreed or determined): the clock starts; null while proposed.' })
  enteredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The improvement director; null until appointed.' })
  improvementDirector!: string | null;

  @Field(() => EscalationKindEnum, { nullable: true, description: 'What the escalation changed; null unless ESCALATED.' })
  escalationKind!: EscalationKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it closed (exit or escalation); null while open.' })
  closedOn!: string | null;

  @Field(() => Boolean, { description: 'True once the public notice is published: from then on the episode shows on the public assurance page.' })
  publiclyNotified!: boolean;

  @Field(() => [SpecialMeasuresEvent], { description: 'Every step taken, oldest first.' })
  events!: SpecialMeasuresEvent[];

  @Field(() => [SpecialMeasuresProgressReport], { description: 'The progress reports made, oldest first.' })
  progressReports!: SpecialMeasuresProgressReport[];

  @Field(() => SpecialMeasuresClock, { nullable: true, description: 'The 12-month clock; null while only proposed, or when read at a date before entry.' })
  clock!: SpecialMeasuresClock | null;

  @Field(() => ImprovementPlan, { description: 'The improvement plan and its progress.' })
  improvementPlan!: ImprovementPlan;

  @Field(() => Boolean, { description: 'True for illustrative demonstration data (embedded database only).' })
  illustrative!: boolean;

  @Field(() => String, { nullable: true, description: 'What is illustrative about it; null for real data.' })
  illustrativeNote!: string | null;
}
