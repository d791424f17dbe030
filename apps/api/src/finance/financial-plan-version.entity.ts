import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { FinancialPlanStatus } from './finance-enums';

/**
 * One version of a financial plan (table `financial_plan_version`): its figures, where it stands and who
 * moved it. Money is the numeric's exact text (read with Money.parse). The database freezes the figures once
 * the version leaves DRAFT and allows only the moves of the plan lifecycle (trigger financial_plan_version_guard).
 */
@Entity({ name: 'financial_plan_version' })
export class FinancialPlanVersionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @PrimaryColumn({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: FinancialPlanStatus;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  allocation!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'prior_year_running_costs', nullable: true })
  priorYearRunningCosts!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'better_care_fund_minimum', nullable: true })
  betterCareFundMinimum!: string | null;

  /** Derived: the domain's compliance verdict with the plan's flexes, stored for filtering lists. */
  @Column({ type: 'boolean' })
  compliant!: boolean;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by' })
  createdByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'created_at', update: false })
  createdAt!: Date;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'updated_by' })
  updatedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'uuid', name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'submitted_by' })
  submittedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decided_by' })
  decidedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', name: 'return_reason', nullable: true })
  returnReason!: string | null;
}
