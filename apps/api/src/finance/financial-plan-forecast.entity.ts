import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/** A month's forecast outturn for the plan's year (table `financial_plan_forecast`); a month recorded again replaces it. */
@Entity({ name: 'financial_plan_forecast' })
export class FinancialPlanForecastEntity {
  @PrimaryColumn({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  /** The first day of the month, 'yyyy-mm-dd': '2015-06-01'. */
  @PrimaryColumn({ type: 'date' })
  month!: string;

  /** The numeric's exact text (read with Money.parse). */
  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'forecast_outturn' })
  forecastOutturn!: string;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'recorded_by' })
  recordedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
