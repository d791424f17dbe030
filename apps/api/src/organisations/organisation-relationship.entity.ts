import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One effective-dated membership of an organisation in another (region, area team, STP...), table `organisation_relationship`. */
@Entity({ name: 'organisation_relationship' })
export class OrganisationRelationshipEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  /** IN_REGION, IN_AREA_TEAM, IN_STP, SUCCEEDED_BY, SITE_OF or IN_CCG (a CHECK constraint). */
  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'varchar', length: 12, name: 'related_code' })
  relatedCode!: string;

  @Column({ type: 'date', name: 'valid_from', nullable: true })
  validFrom!: string | null;

  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo!: string | null;

  @Column({ type: 'text' })
  source!: string;
}
