import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the monthly A&E return as published, kept so the A&E indicators are recomputed from it (table `ae_attendance`). */
@Entity({ name: 'ae_attendance' })
export class AeAttendanceEntity {
  /** First day of the month. */
  @PrimaryColumn({ type: 'date', name: 'period_start' })
  periodStart!: string;

  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  /** '1' (major A&E), '2' (single specialty) or 'other' (a CHECK constraint). */
  @PrimaryColumn({ type: 'varchar', length: 10, name: 'department_type' })
  departmentType!: string;

  @Column({ type: 'integer' })
  attendances!: number;

  /** Attendances over four hours. */
  @Column({ type: 'integer' })
  breaches!: number;

  @Column({ type: 'integer' })
  admissions!: number;

  @Column({ type: 'bigint', name: 'import_batch_id' })
  importBatchId!: string;
}
