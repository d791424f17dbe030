import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's registered population in one financial year, table `organisation_population`. */
@Entity({ name: 'organisation_population' })
export class OrganisationPopulationEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  /** As the NHS writes it: '2015/16'. */
  @PrimaryColumn({ type: 'varchar', length: 7, name: 'financial_year' })
  financialYear!: string;

  @Column({ type: 'integer', name: 'registered_patients' })
  registeredPatients!: number;

  @Column({ type: 'text' })
  source!: string;
}
