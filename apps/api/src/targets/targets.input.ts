import { ArrayMaxSize, IsInt, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { DateScalar } from '../server/scalars';

const MAX_TEXT = 2000;
const MAX_CODE = 40;

@InputType({ description: 'Sets a national standard’s threshold from the start of a financial year.' })
export class SetStandardThresholdInput {
  @Field(() => String, { description: 'Code of the standard, for example AE_4HR_ALL.' })
  @IsString()
  @MaxLength(MAX_CODE)
  code!: string;

  @Field(() => String, { description: 'The financial year the threshold applies from, for example 2018/19; it holds until the next version.' })
  @IsString()
  @MaxLength(9)
  financialYear!: string;

  @Field(() => Float, { description: 'The threshold in the standard’s unit (0 to 100 for a percentage), at most four decimal places.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  threshold!: number;

  @Field(() => String, { description: 'Why it changes (the planning guidance or contract that sets it).' })
  @IsString()
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@InputType({ description: 'A series: one provider’s values of one indicator.' })
export class SeriesKeyInput {
  @Field(() => String, { description: 'ODS code of the provider, for example RR8.' })
  @IsString()
  @MaxLength(12)
  organisationCode!: string;

  @Field(() => String, { description: 'Code of the indicator, for example AE_4HR_ALL.' })
  @IsString()
  @MaxLength(MAX_CODE)
  indicatorCode!: string;
}

@InputType({ description: 'Agrees a local target for a provider and indicator from a month.' })
export class SetLocalTargetInput extends SeriesKeyInput {
  @Field(() => String, { description: 'ODS code of the CCG agreeing it; the caller is one of its commissioning managers.' })
  @IsString()
  @MaxLength(12)
  ccgCode!: string;

  @Field(() => DateScalar, { description: 'The first day of the first month it is in force.' })
  effectiveFrom!: string;

  @Field(() => Float, { description: 'The target in the standard’s unit (0 to 100 for a percentage), at most four decimal places.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target!: number;

  @Field(() => String, { description: 'What was agreed, and by whom.' })
  @IsString()
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@InputType({ description: 'Removes the local target that begins in a month.' })
export class RemoveLocalTargetInput extends SeriesKeyInput {
  @Field(() => String, { description: 'ODS code of the CCG; the caller is one of its commissioning managers.' })
  @IsString()
  @MaxLength(12)
  ccgCode!: string;

  @Field(() => DateScalar, { description: 'The first day of the month it begins.' })
  effectiveFrom!: string;

  @Field(() => String, { description: 'Why it goes.' })
  @IsString()
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@InputType({ description: 'One month of a trajectory.' })
export class TrajectoryMonthInput {
  @Field(() => DateScalar, { description: 'The first day of the month.' })
  period!: string;

  @Field(() => Float, { description: 'The value planned, in the standard’s unit, at most four decimal places.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

@InputType({ description: 'Sets a provider’s whole trajectory for an indicator.' })
export class SetTrajectoryInput extends SeriesKeyInput {
  @Field(() => String, { description: 'ODS code of the CCG agreeing it; the caller is one of its commissioning managers.' })
  @IsString()
  @MaxLength(12)
  ccgCode!: string;

  @Field(() => [TrajectoryMonthInput], { description: 'The months, each at most once; they replace the whole trajectory (none removes it). At most 120.' })
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  months!: TrajectoryMonthInput[];

  @Field(() => String, { description: 'What the trajectory is (a recovery trajectory, an operational plan) and who agreed it.' })
  @IsString()
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@InputType({ description: 'Fixes a series’ limits after its first points, or unfixes them.' })
export class SetSeriesBaselineInput extends SeriesKeyInput {
  @Field(() => Int, { nullable: true, description: 'Fix the mean and limits of each rebase group after this many points (12 or more, as NHSRplotthedots requires); null unfixes them.' })
  @IsOptional()
  @IsInt()
  fixAfterNPoints?: number | null;

  @Field(() => String, { description: 'Why (for example, the period before a change in the process).' })
  @IsString()
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@InputType({ description: 'Records or removes a rebase: the limits are recalculated from a month of the series.' })
export class SeriesRebaseInput extends SeriesKeyInput {
  @Field(() => DateScalar, { description: 'The first day of the month, one of the series’ months.' })
  rebaseDate!: string;

  @Field(() => String, { description: 'Why (a new pathway, a change of definition).' })
  @IsString()
  @MaxLength(MAX_TEXT)
  reason!: string;
}
