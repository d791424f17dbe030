import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/** One step taken in a special measures episode (table `special_measures_event`, append-only: a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'special_measures_event' })
export class SpecialMeasuresEventEntity {
  @PrimaryColumn({ type: 'uuid', name: 'episode_id' })
  episodeId!: string;

  /** 1, 2, ... in the order the steps were taken. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** The domain's SpecialMeasuresActionType. */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 40, name: 'from_state' })
  fromState!: string;

  @Column({ type: 'varchar', length: 40, name: 'to_state' })
  toState!: string;

  @Column({ type: 'date', name: 'on_date' })
  on!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', name: 'notice_url', nullable: true })
  noticeUrl!: string | null;

  @Column({ type: 'text', name: 'improvement_director', nullable: true })
  improvementDirector!: string | null;

  @Column({ type: 'text', name: 'intensive_support', nullable: true })
  intensiveSupport!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ type: 'varchar', length: 30, name: 'escalation_kind', nullable: true })
  escalationKind!: string | null;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'recorded_by' })
  recordedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
