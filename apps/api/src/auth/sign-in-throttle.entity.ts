import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins of one account or one client, and its lockout (table `sign_in_throttle`, decision 0015). */
@Entity({ name: 'sign_in_throttle' })
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  scope!: 'ACCOUNT' | 'CLIENT';

  /** The normalised username (ACCOUNT) or the client's IP address (CLIENT). */
  @PrimaryColumn({ type: 'text' })
  subject!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'timestamptz', name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}
