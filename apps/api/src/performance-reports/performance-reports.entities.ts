import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportSnapshot } from './report-content';

// The performance report area's tables (migration 1763800016000-performance-reports.ts, decision 0029): one entity per table.

/** One version of a CCG's report for a month (table `performance_report`). */
@Entity({ name: 'performance_report' })
export class PerformanceReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  /** The month's first day. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** The domain's PerformanceReportState. */
  @Column({ type: 'varchar', length: 30 })
  status!: string;

  /** The version this one corrects; null for version 1. */
  @Column({ type: 'uuid', name: 'supersedes_id', nullable: true })
  supersedesId!: string | null;

  @Column({ type: 'text', name: 'correction_reason', nullable: true })
  correctionReason!: string | null;

  @Column({ type: 'uuid', name: 'prepared_by', nullable: true })
  preparedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'prepared_at' })
  preparedAt!: Date;

  /** Frozen at SIGN_FOR_CCG; null while built live. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot!: ReportSnapshot | null;

  @Column({ type: 'uuid', name: 'ccg_signed_by', nullable: true })
  ccgSignedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'ccg_signed_at', nullable: true })
  ccgSignedAt!: Date | null;

  @Column({ type: 'text', name: 'ccg_meeting', nullable: true })
  ccgMeeting!: string | null;

  @Column({ type: 'date', name: 'ccg_signed_on', nullable: true })
  ccgSignedOn!: string | null;

  /** The higher organisation for the month (higherBoardFor), when the data names one. */
  @Column({ type: 'varchar', length: 12, name: 'higher_org_code', nullable: true })
  higherOrgCode!: string | null;

  @Column({ type: 'uuid', name: 'higher_signed_by', nullable: true })
  higherSignedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'higher_signed_at', nullable: true })
  higherSignedAt!: Date | null;

  @Column({ type: 'text', name: 'higher_meeting', nullable: true })
  higherMeeting!: string | null;

  @Column({ type: 'date', name: 'higher_signed_on', nullable: true })
  higherSignedOn!: string | null;

  /** When the higher board signed (stays set once SUPERSEDED). */
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Optimistic concurrency: +1 on every change. */
  @Column({ type: 'integer', name: 'row_version' })
  rowVersion!: number;
}

/** A section's commentary (table `performance_report_section`). */
@Entity({ name: 'performance_report_section' })
export class PerformanceReportSectionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'report_id' })
  reportId!: string;

  /** The domain's ReportSectionKey. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  section!: string;

  @Column({ type: 'text' })
  commentary!: string;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** One step of a report's history; insert-only for the application role (table `performance_report_event`). */
@Entity({ name: 'performance_report_event' })
export class PerformanceReportEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid', name: 'report_id' })
  reportId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** The actor's display name as it was ("System" for SYSTEM's moves). */
  @Column({ type: 'text', name: 'actor_name' })
  actorName!: string;

  /** The domain's PerformanceReportAction. */
  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ type: 'varchar', length: 30, name: 'from_status', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 30, name: 'to_status' })
  toStatus!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What the step recorded besides (meeting and date signed, section edited, new version). */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}

/** A note on one point of a series, shown on the charts of that series from then on (table `series_annotation`). */
@Entity({ name: 'series_annotation' })
export class SeriesAnnotationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @Column({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  /** The point's period (its first day). */
  @Column({ type: 'date' })
  period!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  /** The author's display name as it was. */
  @Column({ type: 'text', name: 'author_name' })
  authorName!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  /** The report it was made on. */
  @Column({ type: 'uuid', name: 'report_id', nullable: true })
  reportId!: string | null;
}

/** A remedial action signed off with a report, carried forward until closed (table `report_action`). */
@Entity({ name: 'report_action' })
export class ReportActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  @Column({ type: 'varchar', length: 12, name: 'provider_code', nullable: true })
  providerCode!: string | null;

  @Column({ type: 'text' })
  description!: string;

  /** Who owns it, as written (a person or a team). */
  @Column({ type: 'text' })
  owner!: string;

  @Column({ type: 'date', name: 'due_on', nullable: true })
  dueOn!: string | null;

  /** The domain's ReportActionStatus. */
  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'uuid', name: 'raised_in_report_id' })
  raisedInReportId!: string;

  @Column({ type: 'uuid', name: 'closed_in_report_id', nullable: true })
  closedInReportId!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}

export const performanceReportEntities = [PerformanceReportEntity, PerformanceReportSectionEntity, PerformanceReportEventEntity, SeriesAnnotationEntity, ReportActionEntity];
