import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// The escalation area's tables (migration 1763800015000-escalation.ts, decision 0024): one entity per table.

/** A CCG's board: one of the governance groups of seed 002 (table `board`). */
@Entity({ name: 'board' })
export class BoardEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  /** The domain's BoardKind. */
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The provider of a Contract Management Board; null for every other kind. */
  @Column({ type: 'varchar', length: 12, name: 'provider_code', nullable: true })
  providerCode!: string | null;

  /** The system of a System Resilience Group; null for every other kind. */
  @Column({ type: 'text', name: 'system_name', nullable: true })
  systemName!: string | null;

  @Column({ type: 'text' })
  frequency!: string;

  /** Terms of reference: text or a link. */
  @Column({ type: 'text', name: 'terms_of_reference', nullable: true })
  termsOfReference!: string | null;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  /** Optimistic concurrency: +1 on every change. */
  @Column({ type: 'integer' })
  version!: number;
}

/** A member of a board; at most one is its chair (table `board_member`). */
@Entity({ name: 'board_member' })
export class BoardMemberEntity {
  @PrimaryColumn({ type: 'uuid', name: 'board_id' })
  boardId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @Column({ type: 'boolean', name: 'is_chair' })
  isChair!: boolean;

  @Column({ type: 'timestamptz', name: 'added_at' })
  addedAt!: Date;
}

/** A CCG's own escalation route, replacing the default for the same item kind and board (table `escalation_route`). */
@Entity({ name: 'escalation_route' })
export class EscalationRouteEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 30, name: 'item_kind' })
  itemKind!: string;

  /** 'RAISED' (the entry board) or a BoardKind. */
  @PrimaryColumn({ type: 'varchar', length: 60, name: 'from_kind' })
  fromKind!: string;

  /** The boards it may go to next; the first is the usual next. */
  @Column({ type: 'text', array: true, name: 'to_kinds' })
  toKinds!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** An escalation item: a concern climbing the CCG's boards (table `escalation_item`). */
@Entity({ name: 'escalation_item' })
export class EscalationItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  /** The domain's EscalationItemKind. */
  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** Where it came from (provider, indicator, period, notice, free text), as raised. */
  @Column({ type: 'jsonb' })
  source!: EscalationSourceJson;

  @Column({ type: 'varchar', length: 12, name: 'provider_code', nullable: true })
  providerCode!: string | null;

  @Column({ type: 'varchar', length: 40, name: 'indicator_code', nullable: true })
  indicatorCode!: string | null;

  @Column({ type: 'uuid', name: 'owner_user_id' })
  ownerUserId!: string;

  /** The board it is at now. */
  @Column({ type: 'uuid', name: 'board_id' })
  boardId!: string;

  @Column({ type: 'varchar', length: 10 })
  severity!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'date', name: 'due_on', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'uuid', name: 'raised_by', nullable: true })
  raisedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'raised_at' })
  raisedAt!: Date;

  @Column({ type: 'timestamptz', name: 'arrived_at_board_at' })
  arrivedAtBoardAt!: Date;

  @Column({ type: 'text', name: 'closed_reason', nullable: true })
  closedReason!: string | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

/** What an item was raised from, as stored. */
export interface EscalationSourceJson {
  providerCode?: string | null;
  indicatorCode?: string | null;
  period?: string | null;
  noticeId?: string | null;
  text?: string | null;
}

/** One step of an item's history; insert-only for the application role (table `escalation_item_event`). */
@Entity({ name: 'escalation_item_event' })
export class EscalationItemEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** The actor's display name as it was. */
  @Column({ type: 'text', name: 'actor_name' })
  actorName!: string;

  /** The domain's EscalationItemAction. */
  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ type: 'uuid', name: 'from_board_id', nullable: true })
  fromBoardId!: string | null;

  @Column({ type: 'uuid', name: 'to_board_id', nullable: true })
  toBoardId!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'move_kind', nullable: true })
  moveKind!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ type: 'uuid', name: 'meeting_id', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}

/** An action agreed on an item (table `escalation_action`). */
@Entity({ name: 'escalation_action' })
export class EscalationActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid', name: 'owner_user_id' })
  ownerUserId!: string;

  @Column({ type: 'date', name: 'due_on' })
  dueOn!: string;

  /** OPEN, DONE or DROPPED. */
  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

/** A board's meeting; its pack, minutes and decisions are frozen when held (table `board_meeting`). */
@Entity({ name: 'board_meeting' })
export class BoardMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'board_id' })
  boardId!: string;

  @Column({ type: 'date', name: 'meets_on' })
  meetsOn!: string;

  /** SCHEDULED, HELD or CANCELLED. */
  @Column({ type: 'varchar', length: 10 })
  status!: string;

  /** The pack as shown at the meeting, frozen when held; null while scheduled. */
  @Column({ type: 'jsonb', nullable: true })
  pack!: unknown;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'timestamptz', name: 'held_at', nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'uuid', name: 'held_by', nullable: true })
  heldBy!: string | null;

  @Column({ type: 'text', name: 'cancelled_reason', nullable: true })
  cancelledReason!: string | null;

  @Column({ type: 'uuid', name: 'scheduled_by', nullable: true })
  scheduledBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'integer' })
  version!: number;
}

/** A decision the chair recorded on an item at a meeting; insert-only for the application role (table `board_meeting_decision`). */
@Entity({ name: 'board_meeting_decision' })
export class BoardMeetingDecisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId!: string;

  @Column({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  /** The domain's MeetingDecision. */
  @Column({ type: 'varchar', length: 20 })
  decision!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'uuid', name: 'to_board_id', nullable: true })
  toBoardId!: string | null;

  @Column({ type: 'uuid', name: 'action_id', nullable: true })
  actionId!: string | null;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}

/** The escalation area's tables, listed in database/entities.ts. */
export const escalationEntities = [
  BoardEntity,
  BoardMemberEntity,
  EscalationRouteEntity,
  EscalationItemEntity,
  EscalationItemEventEntity,
  EscalationActionEntity,
  BoardMeetingEntity,
  BoardMeetingDecisionEntity,
];
