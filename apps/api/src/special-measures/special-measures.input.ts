import type { EscalationKind, SpecialMeasuresActionType, SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import { ArrayMaxSize, IsInt, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SHORT_TEXT, MAX_TEXT_LENGTH } from '../assessments/assessment.input';
import { DateScalar } from '../server/scalars';
import { EscalationKindEnum, ImprovementActionStatus, SpecialMeasuresActionEnum, SpecialMeasuresTriggerCodeEnum } from './special-measures-enums';

@InputType({ description: 'Proposes special measures for a CCG whose latest published assessment is Not assured or Limited assurance.' })
export class ProposeSpecialMeasuresInput {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => [SpecialMeasuresTriggerCodeEnum], { description: 'What triggered it: at least one.' })
  @ArrayMaxSize(20)
  triggers!: SpecialMeasuresTriggerCode[];

  @Field(() => DateScalar, { nullable: true, description: 'The day of the proposal; today when omitted; never in the future.' })
  proposedOn?: string | null;
}

@InputType({ description: 'Takes one step of a special measures episode. Fields other than episodeId, expectedVersion, action, on and note apply to particular steps.' })
export class ApplySpecialMeasuresActionInput {
  @Field(() => ID, { description: 'The episode.' })
  @IsUUID()
  episodeId!: string;

  @Field(() => Int, { description: 'SpecialMeasuresEpisode.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => SpecialMeasuresActionEnum, { description: 'The step; one of the episode’s availableActions, otherwise BAD_USER_INPUT, INVALID_TRANSITION.' })
  action!: SpecialMeasuresActionType;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was taken; today when omitted; never in the future nor before the previous step.' })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'A note.' })
  @MaxLength(MAX_TEXT_LENGTH)
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'PUBLISH_NOTICE: a link (http or https) to the notice on the CCG’s website.' })
  @MaxLength(2000)
  noticeUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'APPOINT_IMPROVEMENT_DIRECTOR: the improvement director (required).' })
  @MaxLength(MAX_SHORT_TEXT)
  improvementDirector?: string | null;

  @Field(() => String, { nullable: true, description: 'START_DELIVERY: the intensive support identified.' })
  @MaxLength(MAX_TEXT_LENGTH)
  intensiveSupport?: string | null;

  @Field(() => String, { nullable: true, description: 'REPORT_PROGRESS: the summary (required).' })
  @MaxLength(MAX_TEXT_LENGTH)
  summary?: string | null;

  @Field(() => EscalationKindEnum, { nullable: true, description: 'ESCALATE: what the escalation changes (required).' })
  escalationKind?: EscalationKind | null;
}

@InputType({ description: 'Adds an action to the improvement plan of an open episode (from the improvement director’s appointment on).' })
export class AddImprovementActionInput {
  @Field(() => ID, { description: 'The episode.' })
  @IsUUID()
  episodeId!: string;

  @Field(() => Int, { description: 'SpecialMeasuresEpisode.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'What is to be done; not blank.' })
  @MaxLength(MAX_TEXT_LENGTH)
  description!: string;

  @Field(() => String, { description: 'Who owns it; not blank.' })
  @MaxLength(MAX_SHORT_TEXT)
  owner!: string;

  @Field(() => DateScalar, { description: 'When it is due.' })
  dueOn!: string;

  @Field(() => ImprovementActionStatus, { nullable: true, description: 'Where it stands; NOT_STARTED when omitted.' })
  status?: ImprovementActionStatus | null;
}

@InputType({ description: 'Changes an action of the improvement plan of an open episode; fields omitted stay as they are.' })
export class UpdateImprovementActionInput {
  @Field(() => ID, { description: 'The action.' })
  @IsUUID()
  actionId!: string;

  @Field(() => Int, { description: 'SpecialMeasuresEpisode.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ImprovementActionStatus, { nullable: true, description: 'Where it stands.' })
  status?: ImprovementActionStatus | null;

  @Field(() => String, { nullable: true, description: 'Who owns it.' })
  @MaxLength(MAX_SHORT_TEXT)
  owner?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due.' })
  dueOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What is to be done.' })
  @MaxLength(MAX_TEXT_LENGTH)
  description?: string | null;
}
