import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Polarity } from '../indicators/indicator.type';
import { DateScalar } from '../server/scalars';

export enum TargetSource {
  STANDARD = 'STANDARD',
  LOCAL_TARGET = 'LOCAL_TARGET',
  TRAJECTORY = 'TRAJECTORY',
}

registerEnumType(TargetSource, {
  name: 'TargetSource',
  description: 'Where the target in force at a period comes from. A trajectory’s month outranks a local target, which outranks the national standard.',
  valuesConfig: {
    STANDARD: { description: 'The version of the national standard in force (its threshold).' },
    LOCAL_TARGET: { description: 'A local target agreed for the provider by a CCG, in force from its first month until the next.' },
    TRAJECTORY: { description: 'The value of a trajectory (a recovery trajectory or an operational plan) for that month.' },
  },
});

@ObjectType({ description: 'One version of a national provider standard: in force from the start of a financial year until its next version begins.' })
export class StandardVersion {
  @Field(() => String, { description: 'Code of the standard; the same as its indicator’s, for example AE_4HR_ALL.' })
  code!: string;

  @Field(() => String, { description: 'Name of the standard.' })
  name!: string;

  @Field(() => String, { description: 'What the standard measures.' })
  description!: string;

  @Field(() => String, { description: 'Unit of the threshold: PERCENTAGE (0 to 100), COUNT, RATE or MINUTES.' })
  unit!: string;

  @Field(() => Polarity, { description: 'Whether a value must be at or above the threshold (HIGHER_IS_BETTER) or at or below it (LOWER_IS_BETTER).' })
  polarity!: Polarity;

  @Field(() => Float, { description: 'The threshold, in the unit: 95 means 95% for a percentage. A value exactly at the threshold meets the standard.' })
  threshold!: number;

  @Field(() => Boolean, { description: 'Zero tolerance: any occurrence breaches the standard (it has no threshold to change).' })
  zeroTolerance!: boolean;

  @Field(() => String, { description: 'The financial year this version begins, for example 2018/19.' })
  financialYear!: string;

  @Field(() => DateScalar, { description: 'First day in force: 1 April of that financial year.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force: the day before the next version begins; null while none does.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Why this version was set; null for the versions the product was seeded with.' })
  reason!: string | null;

  @Field(() => String, { description: 'The document the standard comes from.' })
  source!: string;

  @Field(() => String, { description: 'The words of the standard in that document.' })
  sourceText!: string;
}

@ObjectType({ description: 'A local target for a provider and indicator, agreed by a CCG.' })
export class LocalTarget {
  @Field(() => String, { description: 'ODS code of the provider.' })
  organisationCode!: string;

  @Field(() => String, { description: 'Code of the indicator.' })
  indicatorCode!: string;

  @Field(() => DateScalar, { description: 'The first day of the first month it is in force; it holds until the provider’s next local target for the indicator.' })
  effectiveFrom!: string;

  @Field(() => Float, { description: 'The target, in the standard’s unit.' })
  target!: number;

  @Field(() => String, { description: 'ODS code of the CCG that agreed it.' })
  agreedBy!: string;

  @Field(() => String, { description: 'What was agreed, and by whom.' })
  reason!: string;
}

@ObjectType({ description: 'One month of a trajectory.' })
export class TrajectoryMonth {
  @Field(() => DateScalar, { description: 'The first day of the month.' })
  period!: string;

  @Field(() => Float, { description: 'The value planned for the month, in the standard’s unit.' })
  value!: number;
}

@ObjectType({ description: 'A provider’s trajectory for an indicator: a value planned for each month (a recovery trajectory or an operational plan).' })
export class Trajectory {
  @Field(() => String, { description: 'ODS code of the provider.' })
  organisationCode!: string;

  @Field(() => String, { description: 'Code of the indicator.' })
  indicatorCode!: string;

  @Field(() => String, { nullable: true, description: 'ODS code of the CCG that agreed it; null when there is no trajectory.' })
  agreedBy!: string | null;

  @Field(() => [TrajectoryMonth], { description: 'Its months, oldest first; empty when there is none.' })
  months!: TrajectoryMonth[];
}

@ObjectType({ description: 'A date from which a series’ limits are recalculated, recorded by a person with the reason.' })
export class SeriesRebase {
  @Field(() => DateScalar, { description: 'The first day of the month that starts the new limits.' })
  rebaseDate!: string;

  @Field(() => String, { description: 'Why (a new pathway, a change of definition).' })
  reason!: string;
}

@ObjectType({ description: 'How a series’ statistical process control limits are set: fixed after its first points, and recalculated from recorded dates. Never automatic.' })
export class SeriesBaseline {
  @Field(() => String, { description: 'ODS code of the provider.' })
  organisationCode!: string;

  @Field(() => String, { description: 'Code of the indicator.' })
  indicatorCode!: string;

  @Field(() => Int, { nullable: true, description: 'The mean and limits of each rebase group come from its first this-many points, extended forward; null: from every point.' })
  fixAfterNPoints!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the limits are fixed there; null when they are not.' })
  fixReason!: string | null;

  @Field(() => [SeriesRebase], { description: 'The rebases, oldest first.' })
  rebases!: SeriesRebase[];
}
