import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A CCG's financial plan for one financial year (table `financial_plan`): the plan's own row, which points at
 * its latest version and carries the edit version (`lock_version`) every change names.
 */
@Entity({ name: 'financial_plan' })
export class FinancialPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  /** As the NHS writes it: '2015/16' (a CHECK holds the form). */
  @Column({ type: 'varchar', length: 7, name: 'financial_year' })
  financialYear!: string;

  @Column({ type: 'integer', name: 'current_version' })
  currentVersion!: number;

  /** Optimistic concurrency, moved on only by the guarded statement `advancePlanLockVersion` (financial-plans.queries.ts). */
  @Column({ type: 'integer', name: 'lock_version', update: false })
  lockVersion!: number;

  /** A percentage of allocation, the numeric's exact text (read with Percentage.parse). */
  @Column({ type: 'numeric', precision: 15, scale: 12, name: 'forecast_warning_threshold_percent' })
  forecastWarningThresholdPercent!: string;

  @Column({ type: 'boolean', name: 'financial_warning' })
  financialWarning!: boolean;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'text', name: 'illustrative_note', nullable: true })
  illustrativeNote!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
