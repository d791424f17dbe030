import type { AssuranceType, BoardKind, EscalationItemAction, EscalationItemKind, EscalationItemState, EscalationMoveKind, EscalationSeverity, PointType, RagStatus } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ProvidersBasis } from '../contracts/contracts-enums';
import { AssuranceTypeEnum, PointTypeEnum, RagStatusEnum } from '../scorecards/scorecard-enums';
import { DateScalar } from '../server/scalars';
import {
  BoardKindEnum,
  BoardMeetingStatusEnum,
  EscalationActionStatus,
  EscalationItemActionEnum,
  EscalationItemKindEnum,
  EscalationItemStatusEnum,
  EscalationMoveKindEnum,
  EscalationSeverityEnum,
  MeetingDecisionKindEnum,
  type BoardMeetingState,
  type MeetingDecisionKind,
} from './escalation-enums';

// GraphQL types of boards and escalation (issue 16, decision 0024). Services return these views; organisations and
// boards are resolved from their codes and ids by field resolvers (escalation.resolver.ts). A held meeting's pack
// and decisions are plain data, read from the frozen pack.

@ObjectType({ description: 'A user as the escalation pages name them.' })
export class UserSummary {
  @Field(() => ID, { description: 'The user.' })
  id!: string;

  @Field(() => String, { description: 'Their name as shown.' })
  displayName!: string;

  @Field(() => String, { description: 'Their username.' })
  username!: string;
}

@ObjectType({ description: 'A member of a board.' })
export class BoardMember {
  @Field(() => UserSummary, { description: 'The member.' })
  user!: UserSummary;

  @Field(() => Boolean, { description: 'True for the board’s chair (at most one).' })
  isChair!: boolean;
}

@ObjectType({ description: 'A board of a CCG’s performance management: members and a chair act on the escalation items at it.' })
export class Board {
  @Field(() => ID, { description: 'The board.' })
  id!: string;

  ccgCode!: string;
  providerCode!: string | null;

  @Field(() => BoardKindEnum, { description: 'Its kind.' })
  kind!: BoardKind;

  @Field(() => String, { description: 'Its kind in words.' })
  kindLabel!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, { description: 'How often it meets, in words (for example "Monthly").' })
  frequency!: string;

  @Field(() => String, { nullable: true, description: 'Its terms of reference: text or a link; null when not recorded.' })
  termsOfReference!: string | null;

  @Field(() => String, { nullable: true, description: 'The system a System Resilience Group serves; null for other kinds.' })
  systemName!: string | null;

  @Field(() => Boolean, { description: 'True for the illustrative demonstration boards (not a real CCG’s).' })
  illustrative!: boolean;

  @Field(() => [BoardMember], { description: 'Its members, the chair first, then by name.' })
  members!: BoardMember[];

  @Field(() => BoardMember, { nullable: true, description: 'Its chair; null when none is set.' })
  chair!: BoardMember | null;

  @Field(() => Int, { description: 'Board.version: name it (expectedVersion) when changing the board or its members.' })
  version!: number;
}

@ObjectType({ description: 'What an escalation item was raised from.' })
export class EscalationSource {
  providerCode!: string | null;
  indicatorCode!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The month (first day) of the failing value, for a KPI breach or trajectory miss.' })
  period!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contract notice, for a CONTRACT_NOTICE item.' })
  noticeId!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text: the source of a quality concern, the trigger, the programme.' })
  text!: string | null;
}

@ObjectType({ description: 'An escalation item: a concern that climbs the CCG’s boards, with its whole history.' })
export class EscalationItem {
  @Field(() => ID, { description: 'The item.' })
  id!: string;

  ccgCode!: string;
  boardId!: string;

  @Field(() => EscalationItemKindEnum, { description: 'What it was raised from.' })
  kind!: EscalationItemKind;

  @Field(() => String, { description: 'Its kind in words.' })
  kindLabel!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'What the concern is.' })
  description!: string;

  @Field(() => EscalationSource, { description: 'What it was raised from: provider, indicator, month, notice, text.' })
  source!: EscalationSource;

  @Field(() => EscalationSeverityEnum, { description: 'How serious it is.' })
  severity!: EscalationSeverity;

  @Field(() => String, { description: 'Its severity in words.' })
  severityLabel!: string;

  @Field(() => EscalationItemStatusEnum, { description: 'Open or closed.' })
  status!: EscalationItemState;

  @Field(() => String, { description: 'Its status in words.' })
  statusLabel!: string;

  @Field(() => UserSummary, { description: 'Who owns it.' })
  owner!: UserSummary;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due; null when no date is set.' })
  dueOn!: string | null;

  @Field(() => Boolean, { description: 'True when open and its due date has passed (today in England).' })
  overdue!: boolean;

  @Field(() => UserSummary, { nullable: true, description: 'Who raised it; null for the demonstration seed.' })
  raisedBy!: UserSummary | null;

  @Field(() => GraphQLDateTime, { description: 'When it was raised.' })
  raisedAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When it arrived at its current board.' })
  arrivedAtBoardAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why it was closed; null while open.' })
  closedReason!: string | null;

  @Field(() => Boolean, { description: 'True for the illustrative demonstration items.' })
  illustrative!: boolean;

  @Field(() => Int, { description: 'EscalationItem.version: name it (expectedVersion) when changing the item.' })
  version!: number;
}

@ObjectType({ description: 'One step of an escalation item’s history: who, when, what and why. Never changed or removed.' })
export class EscalationEvent {
  fromBoardId!: string | null;
  toBoardId!: string | null;
  meetingId!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  at!: Date;

  @Field(() => String, { description: 'Who, by name as it was at the time.' })
  actor!: string;

  @Field(() => EscalationItemActionEnum, { description: 'What was done.' })
  action!: EscalationItemAction;

  @Field(() => String, { description: 'What was done, in words.' })
  actionLabel!: string;

  @Field(() => EscalationMoveKindEnum, { nullable: true, description: 'For a move between boards: how it reads against the route.' })
  moveKind!: EscalationMoveKind | null;

  @Field(() => String, { nullable: true, description: 'Why (a move, a closure, a reopening) or the note recorded.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The decision, when the step was a board’s decision at a meeting.' })
  decision!: string | null;
}

@ObjectType({ description: 'An action agreed on an escalation item.' })
export class EscalationAction {
  @Field(() => ID, { description: 'The action.' })
  id!: string;

  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => UserSummary, { description: 'Who does it.' })
  owner!: UserSummary;

  @Field(() => DateScalar, { description: 'When it is due.' })
  dueOn!: string;

  @Field(() => EscalationActionStatus, { description: 'Open, done or dropped.' })
  status!: EscalationActionStatus;

  @Field(() => Boolean, { description: 'True when open and past its due date (today in England).' })
  overdue!: boolean;

  @Field(() => Int, { description: 'EscalationAction.version: name it when changing the action.' })
  version!: number;
}

@ObjectType({ description: 'An item in a meeting pack, as it stood when the pack was built (frozen once the meeting is held).' })
export class PackItem {
  @Field(() => ID, { description: 'The escalation item.' })
  id!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => EscalationItemKindEnum, { description: 'Its kind.' })
  kind!: EscalationItemKind;

  @Field(() => String, { description: 'Its kind in words.' })
  kindLabel!: string;

  @Field(() => EscalationSeverityEnum, { description: 'Its severity.' })
  severity!: EscalationSeverity;

  @Field(() => String, { description: 'Its severity in words.' })
  severityLabel!: string;

  @Field(() => UserSummary, { description: 'Its owner.' })
  owner!: UserSummary;

  @Field(() => DateScalar, { nullable: true, description: 'Its due date.' })
  dueOn!: string | null;

  @Field(() => EscalationItemStatusEnum, { description: 'Its status.' })
  status!: EscalationItemState;

  @Field(() => String, { description: 'The board it was at.' })
  boardName!: string;

  @Field(() => String, { nullable: true, description: 'Where it came from when it was escalated in: the board’s name.' })
  arrivedFrom!: string | null;
}

@ObjectType({ description: 'A provider indicator failing in the month, from the stored scores (decision 0021), for the Integrated Board’s pack.' })
export class PackFailingIndicator {
  @Field(() => String, { description: 'ODS code of the provider.' })
  providerCode!: string;

  @Field(() => String, { description: 'The provider’s name.' })
  providerName!: string;

  @Field(() => String, { description: 'The indicator’s code.' })
  indicatorCode!: string;

  @Field(() => String, { description: 'The indicator’s name.' })
  indicatorName!: string;

  @Field(() => DateScalar, { description: 'The month (first day) of the value.' })
  period!: string;

  @Field(() => Float, { description: 'The value, in the indicator’s unit.' })
  value!: number;

  @Field(() => Float, { nullable: true, description: 'The standard in force for the month; null without one.' })
  target!: number | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'RAG against the standard.' })
  rag!: RagStatus | null;

  @Field(() => PointTypeEnum, { description: 'The SPC variation icon.' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The SPC assurance icon; null without a standard.' })
  assuranceType!: AssuranceType | null;
}

@ObjectType({ description: 'A meeting’s pack: built live while the meeting is scheduled, frozen as shown once it is held.' })
export class MeetingPack {
  @Field(() => Boolean, { description: 'True once the meeting is held: the pack is what was shown, and does not change.' })
  frozen!: boolean;

  @Field(() => GraphQLDateTime, { description: 'When the pack was built (now, while live; the hold, once frozen).' })
  builtAt!: Date;

  @Field(() => [PackItem], { description: 'Items raised at the board since its last held meeting, most serious first.' })
  newItems!: PackItem[];

  @Field(() => [PackItem], { description: 'Items escalated in from another board since its last held meeting.' })
  escalatedIn!: PackItem[];

  @Field(() => [PackItem], { description: 'Items at the board since before its last held meeting.' })
  carriedOver!: PackItem[];

  @Field(() => [PackItem], { description: 'Items due on or before the meeting.' })
  decisionsDue!: PackItem[];

  @Field(() => [PackFailingIndicator], { description: 'For the Integrated Performance and Delivery Board: the month’s failing indicators of the CCG’s providers; empty for other boards.' })
  failingIndicators!: PackFailingIndicator[];

  @Field(() => ProvidersBasis, { nullable: true, description: 'Which providers the failing indicators are of: the CCG’s contracted ones, or its region’s; null for other boards.' })
  providersBasis!: ProvidersBasis | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the failing indicators are read as at (the meeting); null for other boards.' })
  indicatorsAsOf!: string | null;
}

@ObjectType({ description: 'A decision the chair recorded on an item at a meeting.' })
export class MeetingDecision {
  @Field(() => ID, { description: 'The escalation item.' })
  itemId!: string;

  @Field(() => String, { description: 'The item’s title.' })
  itemTitle!: string;

  @Field(() => MeetingDecisionKindEnum, { description: 'The decision.' })
  decision!: MeetingDecisionKind;

  @Field(() => String, { description: 'The decision in words.' })
  decisionLabel!: string;

  @Field(() => String, { description: 'What was decided and why.' })
  note!: string;

  @Field(() => String, { nullable: true, description: 'For an escalation or de-escalation: the board it went to.' })
  toBoardName!: string | null;

  @Field(() => String, { description: 'Who recorded it, by name.' })
  recordedBy!: string;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  recordedAt!: Date;
}

@ObjectType({ description: 'A meeting of a board.' })
export class BoardMeeting {
  @Field(() => ID, { description: 'The meeting.' })
  id!: string;

  boardId!: string;

  @Field(() => DateScalar, { description: 'The day it meets.' })
  meetsOn!: string;

  @Field(() => BoardMeetingStatusEnum, { description: 'Scheduled, held or cancelled.' })
  status!: BoardMeetingState;

  @Field(() => String, { description: 'Its status in words.' })
  statusLabel!: string;

  @Field(() => String, { nullable: true, description: 'The minutes, recorded when held.' })
  minutes!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was held; null until then.' })
  heldAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelledReason!: string | null;

  @Field(() => Boolean, { description: 'True for the illustrative demonstration meetings.' })
  illustrative!: boolean;

  @Field(() => Int, { description: 'BoardMeeting.version: name it when holding or cancelling.' })
  version!: number;
}

@ObjectType({ description: 'How many open items of a severity sit at a board.' })
export class SeverityCount {
  @Field(() => EscalationSeverityEnum, { description: 'The severity.' })
  severity!: EscalationSeverity;

  @Field(() => String, { description: 'The severity in words.' })
  severityLabel!: string;

  @Field(() => Int, { description: 'Open items of it.' })
  count!: number;
}

@ObjectType({ description: 'One board on a CCG’s escalation map: where its open items sit.' })
export class EscalationMapBoard {
  @Field(() => Board, { description: 'The board.' })
  board!: Board;

  @Field(() => Int, { description: 'Open items at it.' })
  openItems!: number;

  @Field(() => [SeverityCount], { description: 'Open items by severity, most serious first (every severity, zero included).' })
  bySeverity!: SeverityCount[];

  @Field(() => [EscalationItem], { description: 'Its open items, most serious first.' })
  items!: EscalationItem[];
}

@ObjectType({ description: 'A CCG’s escalation map: every board in route order and where every open item sits.' })
export class EscalationMap {
  ccgCode!: string;

  @Field(() => [EscalationMapBoard], { description: 'The CCG’s boards in route order (Contract Management Boards by provider).' })
  boards!: EscalationMapBoard[];

  @Field(() => Int, { description: 'Open items of the CCG.' })
  openItems!: number;
}

@ObjectType({ description: 'One row of a CCG’s escalation route: for an item kind, the boards it may go on to from a board (or where it starts).' })
export class EscalationRouteRow {
  @Field(() => EscalationItemKindEnum, { description: 'The item kind.' })
  itemKind!: EscalationItemKind;

  @Field(() => BoardKindEnum, { nullable: true, description: 'The board it goes from; null for where a new item starts.' })
  fromKind!: BoardKind | null;

  @Field(() => [BoardKindEnum], { description: 'The boards it may go on to, the usual next first; empty at the top of the route.' })
  toKinds!: BoardKind[];

  @Field(() => Boolean, { description: 'True when the CCG configured this row; false for the seed-002 default.' })
  configured!: boolean;

  @Field(() => String, { description: 'Where the row comes from: the seed paper’s words, or the CCG’s configuration.' })
  source!: string;
}
