import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { AssurancePartner, EvidenceKind } from './assurance-enums';

/** A piece of evidence linked to an assessment (table `assurance_evidence`). */
@Entity({ name: 'assurance_evidence' })
export class AssessmentEvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'assessment_id' })
  assessmentId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: EvidenceKind;

  /** Exactly for PARTNER_REPORT. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  partner!: AssurancePartner | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  domain!: string | null;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', name: 'added_by', nullable: true })
  addedBy!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'added_by' })
  addedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', name: 'added_at' })
  addedAt!: Date;
}
