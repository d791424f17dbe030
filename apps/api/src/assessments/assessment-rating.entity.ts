import type { AssuranceCategory } from '@ccg-assure/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/** The rating and narrative of one domain in an assessment (table `assurance_rating`). */
@Entity({ name: 'assurance_rating' })
export class AssessmentRatingEntity {
  @PrimaryColumn({ type: 'uuid', name: 'assessment_id' })
  assessmentId!: string;

  /** A domain code of the assessment's framework. */
  @PrimaryColumn({ type: 'varchar', length: 60 })
  domain!: string;

  @Column({ type: 'varchar', length: 20 })
  rating!: AssuranceCategory;

  @Column({ type: 'text', nullable: true })
  narrative!: string | null;

  @Column({ type: 'uuid', name: 'rated_by', nullable: true })
  ratedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'rated_by' })
  ratedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'rated_at' })
  ratedAt!: Date;
}
