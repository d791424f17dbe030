import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The buddy CCG paired with a Limited-assurance CCG (table `assurance_buddy`): at most one per CCG. */
@Entity({ name: 'assurance_buddy' })
export class AssuranceBuddyEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  @Column({ type: 'varchar', length: 12, name: 'buddy_ccg_code' })
  buddyCcgCode!: string;

  @Column({ type: 'date', name: 'assigned_on' })
  assignedOn!: string;

  @Column({ type: 'uuid', name: 'assigned_by', nullable: true })
  assignedBy!: string | null;
}
