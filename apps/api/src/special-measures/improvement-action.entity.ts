import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImprovementActionStatus } from './special-measures-enums';

/** An action of a special measures episode's improvement plan (table `improvement_action`). */
@Entity({ name: 'improvement_action' })
export class ImprovementActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'episode_id' })
  episodeId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  owner!: string;

  @Column({ type: 'date', name: 'due_on' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ImprovementActionStatus;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
