import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reporting period: a month, quarter or year (table `period`, one row per type and first day). */
@Entity({ name: 'period' })
export class PeriodEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  /** MONTH, QUARTER or YEAR (a CHECK constraint). */
  @Column({ type: 'varchar', length: 10 })
  type!: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate!: string;

  @Column({ type: 'date', name: 'end_date' })
  endDate!: string;

  /** For people: 'April 2016'. */
  @Column({ type: 'text' })
  label!: string;
}
