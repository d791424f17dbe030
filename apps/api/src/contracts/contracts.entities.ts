import type { ContractNoticeState } from '@ccg-assure/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BreachEvidence, EvidenceJson } from './notice-evidence';

// The contracts area's tables (migration 1763800013000-contracts.ts, decision 0022): one entity per table.

/** A contract with a provider for a financial year, held by a lead commissioner on behalf of its associates (table `contract`). */
@Entity({ name: 'contract' })
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'provider_code' })
  providerCode!: string;

  @Column({ type: 'varchar', length: 7, name: 'financial_year' })
  financialYear!: string;

  @Column({ type: 'varchar', length: 12, name: 'lead_commissioner_code' })
  leadCommissionerCode!: string;

  /** Annual value, numeric(14,2): read with Money.parse. */
  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'contract_value' })
  contractValue!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'text', name: 'illustrative_note', nullable: true })
  illustrativeNote!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  /** Optimistic concurrency: +1 on every change. */
  @Column({ type: 'integer' })
  version!: number;
}

/** An associate commissioner of a contract (table `contract_associate`). */
@Entity({ name: 'contract_associate' })
export class ContractAssociateEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @PrimaryColumn({ type: 'varchar', length: 12, name: 'commissioner_code' })
  commissionerCode!: string;
}

/** An indicator a contract monitors, with a local threshold where agreed (table `contract_indicator`). */
@Entity({ name: 'contract_indicator' })
export class ContractIndicatorEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  /** A local threshold (numeric, as text); null: the national standard in force. */
  @Column({ type: 'numeric', nullable: true })
  threshold!: string | null;

  @Column({ type: 'varchar', length: 10, name: 'threshold_source' })
  thresholdSource!: 'NATIONAL' | 'LOCAL';
}

/** The figures GC9 names for one contract year (table `contract_management_terms`). */
@Entity({ name: 'contract_management_terms' })
export class ContractManagementTermsEntity {
  @PrimaryColumn({ type: 'varchar', length: 7, name: 'financial_year' })
  financialYear!: string;

  @Column({ type: 'integer', name: 'meeting_within_operational_days' })
  meetingWithinOperationalDays!: number;

  @Column({ type: 'integer', name: 'investigation_report_operational_days' })
  investigationReportOperationalDays!: number;

  @Column({ type: 'integer', name: 'rap_agree_within_operational_days' })
  rapAgreeWithinOperationalDays!: number;

  @Column({ type: 'numeric', precision: 7, scale: 4, name: 'withholding_percent' })
  withholdingPercent!: string;

  @Column({ type: 'integer', name: 'withholding_retained_after_months' })
  withholdingRetainedAfterMonths!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** A breach found after an import, proposed to the contract lead (table `contract_breach_proposal`). */
@Entity({ name: 'contract_breach_proposal' })
export class ContractBreachProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @Column({ type: 'integer', name: 'period_id' })
  periodId!: number;

  @Column({ type: 'text', array: true })
  reasons!: string[];

  @Column({ type: 'jsonb' })
  evidence!: BreachEvidence;

  @Column({ type: 'varchar', length: 10 })
  status!: 'OPEN' | 'ACCEPTED' | 'DISMISSED';

  @Column({ type: 'text', name: 'dismissed_reason', nullable: true })
  dismissedReason!: string | null;

  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'bigint', name: 'import_batch_id', nullable: true })
  importBatchId!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** A contract performance notice and where it stands in the GC9 lifecycle (table `contract_notice`). */
@Entity({ name: 'contract_notice' })
export class ContractNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'varchar', length: 30 })
  status!: ContractNoticeState;

  @Column({ type: 'date', name: 'issued_on', nullable: true })
  issuedOn!: string | null;

  @Column({ type: 'date', name: 'response_meeting_by', nullable: true })
  responseMeetingBy!: string | null;

  @Column({ type: 'date', name: 'meeting_held_on', nullable: true })
  meetingHeldOn!: string | null;

  /** Frozen when issued (see notice-evidence.ts); null while a draft. */
  @Column({ type: 'jsonb', nullable: true })
  evidence!: EvidenceJson | null;

  @Column({ type: 'text', array: true, name: 'indicator_codes' })
  indicatorCodes!: string[];

  @Column({ type: 'varchar', length: 20, name: 'raised_from' })
  raisedFrom!: 'BREACH_PROPOSAL' | 'MANUAL';

  @Column({ type: 'uuid', name: 'breach_proposal_id', nullable: true })
  breachProposalId!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

/** One move of a notice (table `contract_notice_event`). */
@Entity({ name: 'contract_notice_event' })
export class ContractNoticeEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'notice_id' })
  noticeId!: string;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 30, name: 'from_status', nullable: true })
  fromStatus!: ContractNoticeState | null;

  @Column({ type: 'varchar', length: 30, name: 'to_status' })
  toStatus!: ContractNoticeState;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'actor_kind' })
  actorKind!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}

/** A remedial action plan agreed under a notice (table `remedial_action_plan`). */
@Entity({ name: 'remedial_action_plan' })
export class RemedialActionPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'notice_id' })
  noticeId!: string;

  @Column({ type: 'date', name: 'agreed_on' })
  agreedOn!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

/** An action of a remedial action plan (table `remedial_action`). */
@Entity({ name: 'remedial_action' })
export class RemedialActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  owner!: string;

  @Column({ type: 'date', name: 'due_on' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'OVERDUE';

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

/** One month of a recovery trajectory (table `recovery_trajectory_point`). */
@Entity({ name: 'recovery_trajectory_point' })
export class RecoveryTrajectoryPointEntity {
  @PrimaryColumn({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @Column({ type: 'numeric' })
  value!: string;
}

/** A month the trajectory was missed, found after an import (table `trajectory_miss`). */
@Entity({ name: 'trajectory_miss' })
export class TrajectoryMissEntity {
  @PrimaryColumn({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @Column({ type: 'numeric', name: 'committed_value' })
  committedValue!: string;

  @Column({ type: 'numeric', name: 'actual_value' })
  actualValue!: string;

  @Column({ type: 'varchar', length: 30, name: 'proposed_next_step' })
  proposedNextStep!: string;

  @Column({ type: 'bigint', name: 'import_batch_id', nullable: true })
  importBatchId!: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}

/** Every entity of the contracts area, for database/entities.ts. */
export const contractEntities = [
  ContractEntity,
  ContractAssociateEntity,
  ContractIndicatorEntity,
  ContractManagementTermsEntity,
  ContractBreachProposalEntity,
  ContractNoticeEntity,
  ContractNoticeEventEntity,
  RemedialActionPlanEntity,
  RemedialActionEntity,
  RecoveryTrajectoryPointEntity,
  TrajectoryMissEntity,
] as const;
