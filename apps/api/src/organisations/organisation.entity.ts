import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An NHS organisation known by its ODS code (table `organisation`). */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'date', name: 'open_date', nullable: true })
  openDate!: string | null;

  @Column({ type: 'date', name: 'close_date', nullable: true })
  closeDate!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postcode!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
