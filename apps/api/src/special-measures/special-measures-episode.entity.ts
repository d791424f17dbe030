import type { EscalationKind, SpecialMeasuresState } from '@ccg-assure/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A special measures episode of a CCG (table `special_measures_episode`). `state` and the columns after it up to
 * `closedOn` are derived: the domain's applySpecialMeasuresAction replayed over the episode's events.
 */
@Entity({ name: 'special_measures_episode' })
export class SpecialMeasuresEpisodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  @Column({ type: 'varchar', length: 40 })
  state!: SpecialMeasuresState;

  @Column({ type: 'date', name: 'proposed_on' })
  proposedOn!: string;

  /** NOT_ASSURED or LIMITED_ASSURANCE. */
  @Column({ type: 'varchar', length: 20, name: 'assurance_category' })
  assuranceCategory!: string;

  /** Special measures trigger codes (at least one). */
  @Column({ type: 'varchar', length: 60, array: true })
  triggers!: string[];

  @Column({ type: 'date', name: 'entered_on', nullable: true })
  enteredOn!: string | null;

  @Column({ type: 'text', name: 'improvement_director', nullable: true })
  improvementDirector!: string | null;

  @Column({ type: 'varchar', length: 30, name: 'escalation_kind', nullable: true })
  escalationKind!: EscalationKind | null;

  @Column({ type: 'date', name: 'closed_on', nullable: true })
  closedOn!: string | null;

  /** Optimistic concurrency: +1 on every step and plan change. */
  @Column({ type: 'integer', name: 'lock_version' })
  lockVersion!: number;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'text', name: 'illustrative_note', nullable: true })
  illustrativeNote!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
