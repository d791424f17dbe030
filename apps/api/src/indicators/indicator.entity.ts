import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A measure of performance, a numerator over a denominator (table `indicator`). */
@Entity({ name: 'indicator' })
export class IndicatorEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  /** PERCENTAGE, COUNT, RATE or MINUTES. */
  @Column({ type: 'varchar', length: 20 })
  unit!: string;

  /** HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL (a CHECK constraint). */
  @Column({ type: 'varchar', length: 20 })
  polarity!: string;

  /** MONTH, QUARTER or YEAR (a CHECK constraint). */
  @Column({ type: 'varchar', length: 10, name: 'period_type' })
  periodType!: string;

  @Column({ type: 'text', name: 'numerator_definition', nullable: true })
  numeratorDefinition!: string | null;

  @Column({ type: 'text', name: 'denominator_definition', nullable: true })
  denominatorDefinition!: string | null;

  @Column({ type: 'text' })
  source!: string;
}
