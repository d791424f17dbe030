import type { BoardKind, EscalationItemKind, EscalationSeverity } from '@ccg-assure/domain';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SHORT_TEXT, MAX_TEXT_LENGTH } from '../assessments/assessment.input';
import { DateScalar } from '../server/scalars';
import { BoardKindEnum, EscalationActionStatus, EscalationItemKindEnum, EscalationSeverityEnum, MeetingDecisionKindEnum, type MeetingDecisionKind } from './escalation-enums';

// Inputs of boards and escalation (issue 16). Shapes are checked here; rules (routes, lifecycles) in the service
// with the domain's tables, every refusal naming its fields in details.fields.

@InputType({ description: 'What an item is raised from; give what applies to its kind.' })
export class EscalationSourceInput {
  @Field(() => String, { nullable: true, description: 'ODS code of the provider (KPI_BREACH, CONTRACT_NOTICE, TRAJECTORY_MISS; QUALITY_CONCERN when about one).' })
  @IsOptional()
  @MaxLength(12)
  providerCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The indicator’s code, for example AE_4HR_ALL (KPI_BREACH, TRAJECTORY_MISS).' })
  @IsOptional()
  @MaxLength(40)
  indicatorCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The month (first day) of the failing value.' })
  @IsOptional()
  period?: string | null;

  @Field(() => ID, { nullable: true, description: 'The contract notice (CONTRACT_NOTICE).' })
  @IsOptional()
  @IsUUID()
  noticeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text: the source of a quality concern, the trigger, the programme.' })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH)
  text?: string | null;
}

@InputType({ description: 'A new escalation item; it starts at the entry board of its kind’s route. Anyone with a role at the CCG.' })
export class RaiseEscalationItemInput {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => EscalationItemKindEnum, { description: 'What it is raised from.' })
  kind!: EscalationItemKind;

  @Field(() => String, { description: 'Title.' })
  @MaxLength(MAX_SHORT_TEXT)
  title!: string;

  @Field(() => String, { description: 'What the concern is.' })
  @MaxLength(MAX_TEXT_LENGTH)
  description!: string;

  @Field(() => EscalationSeverityEnum, { description: 'How serious it is.' })
  severity!: EscalationSeverity;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due; omit for none.' })
  @IsOptional()
  dueOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Its owner, a user with a role at the CCG; the one raising it when omitted.' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @Field(() => EscalationSourceInput, { description: 'What it is raised from.' })
  @ValidateNested()
  source!: EscalationSourceInput;
}

@InputType({ description: 'Moves an item to another board: up or down the route (members), or off it (the chair). A reason always.' })
export class MoveEscalationItemInput {
  @Field(() => ID, { description: 'The item.' })
  @IsUUID()
  itemId!: string;

  @Field(() => Int, { description: 'EscalationItem.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID, { description: 'The board it goes to (one of the CCG’s).' })
  @IsUUID()
  toBoardId!: string;

  @Field(() => String, { description: 'Why: the history keeps it.' })
  @MaxLength(MAX_TEXT_LENGTH)
  reason!: string;
}

@InputType({ description: 'A note on an item.' })
export class RecordEscalationNoteInput {
  @Field(() => ID, { description: 'The item.' })
  @IsUUID()
  itemId!: string;

  @Field(() => Int, { description: 'EscalationItem.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'The note.' })
  @MaxLength(MAX_TEXT_LENGTH)
  note!: string;
}

@InputType({ description: 'Closes or reopens an item, with the reason. The chair of its board.' })
export class ChangeEscalationItemStatusInput {
  @Field(() => ID, { description: 'The item.' })
  @IsUUID()
  itemId!: string;

  @Field(() => Int, { description: 'EscalationItem.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'Why: the history keeps it.' })
  @MaxLength(MAX_TEXT_LENGTH)
  reason!: string;
}

@InputType({ description: 'An action to agree on an item.' })
export class EscalationActionDraftInput {
  @Field(() => String, { description: 'What is to be done.' })
  @MaxLength(MAX_TEXT_LENGTH)
  description!: string;

  @Field(() => ID, { description: 'Who does it: a user with a role at the CCG.' })
  @IsUUID()
  ownerUserId!: string;

  @Field(() => DateScalar, { description: 'When it is due.' })
  dueOn!: string;
}

@InputType({ description: 'Adds an action to an item. Its owner or its board’s members.' })
export class AddEscalationActionInput extends EscalationActionDraftInput {
  @Field(() => ID, { description: 'The item.' })
  @IsUUID()
  itemId!: string;

  @Field(() => Int, { description: 'EscalationItem.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: 'Changes an action: any field given replaces the stored one. The item’s owner or its board’s members.' })
export class UpdateEscalationActionInput {
  @Field(() => ID, { description: 'The action.' })
  @IsUUID()
  actionId!: string;

  @Field(() => Int, { description: 'EscalationAction.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => EscalationActionStatus, { nullable: true, description: 'Its new status.' })
  @IsOptional()
  status?: EscalationActionStatus | null;

  @Field(() => String, { nullable: true, description: 'Its new description.' })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Its new owner.' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Its new due date.' })
  @IsOptional()
  dueOn?: string | null;
}

@InputType({ description: 'Schedules a meeting of a board. Its members.' })
export class ScheduleBoardMeetingInput {
  @Field(() => ID, { description: 'The board.' })
  @IsUUID()
  boardId!: string;

  @Field(() => DateScalar, { description: 'The day it meets.' })
  meetsOn!: string;
}

@InputType({ description: 'The chair’s decision on an item at a scheduled meeting; it updates the item and its history.' })
export class RecordMeetingDecisionInput {
  @Field(() => ID, { description: 'The meeting (scheduled).' })
  @IsUUID()
  meetingId!: string;

  @Field(() => ID, { description: 'The item: open and at the meeting’s board.' })
  @IsUUID()
  itemId!: string;

  @Field(() => MeetingDecisionKindEnum, { description: 'The decision.' })
  decision!: MeetingDecisionKind;

  @Field(() => String, { description: 'What was decided and why (the reason of a move or closure).' })
  @MaxLength(MAX_TEXT_LENGTH)
  note!: string;

  @Field(() => ID, { nullable: true, description: 'ESCALATE: the board (the route’s usual next when omitted); DE_ESCALATE: required.' })
  @IsOptional()
  @IsUUID()
  toBoardId?: string | null;

  @Field(() => EscalationActionDraftInput, { nullable: true, description: 'ACTION: the action agreed (required).' })
  @IsOptional()
  @ValidateNested()
  action?: EscalationActionDraftInput | null;
}

@InputType({ description: 'Records a meeting as held, with its minutes: freezes its pack and decisions. The chair.' })
export class HoldBoardMeetingInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID()
  meetingId!: string;

  @Field(() => Int, { description: 'BoardMeeting.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'The minutes.' })
  @MaxLength(50_000)
  minutes!: string;
}

@InputType({ description: 'Cancels a scheduled meeting, with the reason. The chair.' })
export class CancelBoardMeetingInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID()
  meetingId!: string;

  @Field(() => Int, { description: 'BoardMeeting.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'Why.' })
  @MaxLength(MAX_TEXT_LENGTH)
  reason!: string;
}

@InputType({ description: 'A new board of a CCG. An administrator of the CCG.' })
export class CreateBoardInput {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => BoardKindEnum, { description: 'Its kind.' })
  kind!: BoardKind;

  @Field(() => String, { nullable: true, description: 'Its name; the kind’s name (with the provider’s or system’s) when omitted.' })
  @IsOptional()
  @MaxLength(MAX_SHORT_TEXT)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'CONTRACT_MANAGEMENT_BOARD: ODS code of the provider (required); otherwise omit.' })
  @IsOptional()
  @MaxLength(12)
  providerCode?: string | null;

  @Field(() => String, { nullable: true, description: 'SYSTEM_RESILIENCE_GROUP: the system it serves (required); otherwise omit.' })
  @IsOptional()
  @MaxLength(MAX_SHORT_TEXT)
  systemName?: string | null;

  @Field(() => String, { description: 'How often it meets, in words.' })
  @MaxLength(MAX_SHORT_TEXT)
  frequency!: string;

  @Field(() => String, { nullable: true, description: 'Its terms of reference: text or a link.' })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH)
  termsOfReference?: string | null;
}

@InputType({ description: 'Changes a board: any field given replaces the stored one. An administrator of the CCG.' })
export class UpdateBoardInput {
  @Field(() => ID, { description: 'The board.' })
  @IsUUID()
  boardId!: string;

  @Field(() => Int, { description: 'Board.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Its new name.' })
  @IsOptional()
  @MaxLength(MAX_SHORT_TEXT)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'How often it meets.' })
  @IsOptional()
  @MaxLength(MAX_SHORT_TEXT)
  frequency?: string | null;

  @Field(() => String, { nullable: true, description: 'Its terms of reference (an empty string clears them).' })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH)
  termsOfReference?: string | null;
}

@InputType({ description: 'A member of a board.' })
export class BoardMemberInput {
  @Field(() => ID, { description: 'The user: one with a role at the CCG.' })
  @IsUUID()
  userId!: string;

  @Field(() => Boolean, { description: 'True for the chair (at most one).' })
  isChair!: boolean;
}

@InputType({ description: 'Replaces a board’s members. An administrator of the CCG.' })
export class SetBoardMembersInput {
  @Field(() => ID, { description: 'The board.' })
  @IsUUID()
  boardId!: string;

  @Field(() => Int, { description: 'Board.version as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => [BoardMemberInput], { description: 'Every member (an empty list removes them all).' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  members!: BoardMemberInput[];
}

@InputType({ description: 'A CCG’s own row of the escalation route, replacing the default for the item kind and board. An administrator of the CCG.' })
export class SetEscalationRouteInput {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => EscalationItemKindEnum, { description: 'The item kind.' })
  itemKind!: EscalationItemKind;

  @Field(() => BoardKindEnum, { nullable: true, description: 'The board it goes from; null for where a new item starts.' })
  @IsOptional()
  fromKind?: BoardKind | null;

  @Field(() => [BoardKindEnum], { description: 'The boards it may go on to, the usual next first (empty: the top of the route).' })
  @ArrayMaxSize(10)
  toKinds!: BoardKind[];

  @Field(() => Boolean, { nullable: true, description: 'True to remove the CCG’s row, going back to the default (toKinds ignored).' })
  @IsOptional()
  useDefault?: boolean | null;
}
