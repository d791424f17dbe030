import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One slot of the data version (table `data_version`, decision 0036): raised by a trigger on every table in each
 * transaction that writes; the version is the sum of the slots. Read by the response cache; never written by the code.
 */
@Entity({ name: 'data_version' })
export class DataVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  slot!: number;

  @Column({ type: 'bigint' })
  version!: string;
}
