import type { ImprovementDirection } from '@ccg-assure/domain';
import { ArrayMaxSize, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { DateScalar } from '../server/scalars';
import { ImprovementDirectionEnum } from './scorecard-enums';

/** More points than any chart needs (83 years of months); bounds the work of one request. */
export const MAX_SPC_POINTS = 1000;

@InputType({ description: 'One observation of a series: the value for a period.' })
export class SpcPointInput {
  @Field(() => DateScalar, { description: 'The period the value is for, for example the first day of the month. Each period at most once.' })
  @IsString()
  period!: string;

  @Field(() => Float, { description: 'The value, any finite number up to 1e100 in size.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

@InputType({ description: 'A series to chart with statistical process control. Nothing is stored.' })
export class SpcInput {
  @Field(() => [SpcPointInput], { description: `The observations, in any order (they are sorted by period and taken as consecutive: a missing month is not a gap); 1 to ${MAX_SPC_POINTS}.` })
  @ArrayMaxSize(MAX_SPC_POINTS)
  @ValidateNested({ each: true })
  points!: SpcPointInput[];

  @Field(() => Float, { nullable: true, description: 'The target (standard) to assure against; no assurance verdict without one.' })
  target?: number | null;

  @Field(() => ImprovementDirectionEnum, { description: 'Which way is better.' })
  improvementDirection!: ImprovementDirection;

  @Field(() => [DateScalar], { nullable: true, description: `Periods from which the mean and limits are recalculated; each that equals a point's period starts a new rebase group there, others are ignored. At most ${MAX_SPC_POINTS}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_SPC_POINTS)
  rebaseDates?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Fix the mean and limits of each rebase group after its first this-many points (12 or more, as NHSRplotthedots’ fix_after_n_points); from every point when omitted.' })
  @IsOptional()
  fixAfterNPoints?: number | null;
}
