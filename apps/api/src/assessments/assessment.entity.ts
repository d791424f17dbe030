import type { AssuranceCategory } from '@ccg-assure/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { AssessmentStatus } from './assurance-enums';

/**
 * An NHS England assessment of one CCG for one quarter (table `assurance_assessment`, migration
 * 1763800007000). The trigger `assurance_assessment_guard` refuses any change once it is published.
 */
@Entity({ name: 'assurance_assessment' })
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  /** As the NHS writes it: '2015/16'. */
  @Column({ type: 'varchar', length: 7, name: 'financial_year' })
  financialYear!: string;

  @Column({ type: 'smallint' })
  quarter!: number;

  @Column({ type: 'date', name: 'period_start' })
  periodStart!: string;

  /** The framework id, '2015-16'. */
  @Column({ type: 'varchar', length: 10 })
  framework!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: AssessmentStatus;

  @Column({ type: 'date', name: 'assessed_on' })
  assessedOn!: string;

  /** Derived: the domain's proposeCategory of the ratings once every domain is rated. */
  @Column({ type: 'varchar', length: 20, name: 'proposed_category', nullable: true })
  proposedCategory!: AssuranceCategory | null;

  @Column({ type: 'varchar', length: 20, name: 'decided_category', nullable: true })
  decidedCategory!: AssuranceCategory | null;

  /** The proposal the decision was made against. */
  @Column({ type: 'varchar', length: 20, name: 'decision_proposed_category', nullable: true })
  decisionProposedCategory!: AssuranceCategory | null;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decided_by' })
  decidedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  /** Derived: the domain's nextAssessmentDue of the decided category and assessedOn. */
  @Column({ type: 'date', name: 'next_assessment_due', nullable: true })
  nextAssessmentDue!: string | null;

  @Column({ type: 'uuid', name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'published_by' })
  publishedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Optimistic concurrency: +1 on every change; a change names the version it read. */
  @Column({ type: 'integer', name: 'lock_version' })
  lockVersion!: number;

  @Column({ type: 'boolean' })
  illustrative!: boolean;

  @Column({ type: 'text', name: 'illustrative_note', nullable: true })
  illustrativeNote!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
