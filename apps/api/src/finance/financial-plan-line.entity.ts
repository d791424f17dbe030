import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a plan version (table `financial_plan_line`): an amount in one category, in the order entered. */
@Entity({ name: 'financial_plan_line' })
export class FinancialPlanLineEntity {
  @PrimaryColumn({ type: 'uuid', name: 'plan_id' })
  planId!: string;

  @PrimaryColumn({ type: 'integer', name: 'version_number' })
  versionNumber!: number;

  /** 1 for the first line entered. */
  @PrimaryColumn({ type: 'smallint', name: 'line_number' })
  lineNumber!: number;

  @Column({ type: 'varchar', length: 30 })
  category!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;
}
