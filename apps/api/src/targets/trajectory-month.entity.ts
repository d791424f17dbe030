import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One month of a provider's trajectory for an indicator (table `trajectory_month`, decision 0030); outranks a local target. */
@Entity({ name: 'trajectory_month' })
export class TrajectoryMonthEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  /** The month's first day. */
  @PrimaryColumn({ type: 'date' })
  period!: string;

  /** Exact decimal text, in the standard's unit. */
  @Column({ type: 'numeric', precision: 12, scale: 4 })
  value!: string;

  /** The CCG that agreed it. */
  @Column({ type: 'varchar', length: 12, name: 'agreed_by' })
  agreedBy!: string;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
