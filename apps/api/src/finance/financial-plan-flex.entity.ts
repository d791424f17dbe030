import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/**
 * An approved exception to one rule for one plan (table `financial_plan_flex`). One per rule is in force
 * (superseded_at null); a later one supersedes it, and both are kept.
 */
@Entity({ name: 'financial_plan_flex' })
export class FinancialPlanFlexEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @Column({ type: 'varchar', length: 30 })
  rule!: string;

  /** The numeric's exact text (read with Percentage.parse). */
  @Column({ type: 'numeric', precision: 15, scale: 12 })
  percentage!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'approved_by' })
  approvedByUser?: UserEntity | null;

  /** 'yyyy-mm-dd': the day in England it was approved. */
  @Column({ type: 'date', name: 'approved_on' })
  approvedOn!: string;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;

  @Column({ type: 'timestamptz', name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;
}
