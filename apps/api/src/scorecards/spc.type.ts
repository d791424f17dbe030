import type { AssuranceType, PointType, SpecialCauseType } from '@ccg-assure/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../server/scalars';
import { AssuranceTypeEnum, PointTypeEnum, SpecialCauseTypeEnum } from './scorecard-enums';

@ObjectType({ description: 'One point of a statistical process control (XmR) chart, with the limits of its rebase group and the rule that caught it.' })
export class SpcPoint {
  @Field(() => DateScalar, { description: 'The period the value is for (its first day).' })
  period!: string;

  @Field(() => Float, { description: 'The value, in the series’ unit.' })
  value!: number;

  @Field(() => Float, { description: 'Mean of the point’s rebase group.' })
  mean!: number;

  @Field(() => Float, { nullable: true, description: 'Lower process limit: mean − 2.66 × average moving range; null when the group has no moving range to speak of (one point, or a constant series).' })
  lowerProcessLimit!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper process limit: mean + 2.66 × average moving range; null when the group has no moving range to speak of.' })
  upperProcessLimit!: number | null;

  @Field(() => Boolean, { description: 'Beyond two thirds of the way from the mean to a limit, but not outside the limits.' })
  closeToLimits!: boolean;

  @Field(() => SpecialCauseTypeEnum, { description: 'The special-cause rule that caught the point, or COMMON_CAUSE.' })
  specialCauseType!: SpecialCauseType;

  @Field(() => PointTypeEnum, { description: 'The special cause read against the improvement direction.' })
  pointType!: PointType;

  @Field(() => Int, { description: 'Index of the point’s rebase group: 0 for the first, counting up at each rebase date (1 for the first when the first period is itself a rebase date).' })
  rebaseGroup!: number;

  @Field(() => Float, { nullable: true, description: 'The target in force at this period (a standard’s version, a local target or a trajectory’s month, or the target given to spcAnalysis); null without one.' })
  target?: number | null;
}

@ObjectType({ description: 'A statistical process control (XmR) chart of a series, NHS England "Making Data Count" style, computed as NHSRplotthedots 0.2.2 does.' })
export class SpcAnalysis {
  @Field(() => [SpcPoint], { description: 'The points, sorted by period.' })
  points!: SpcPoint[];

  @Field(() => PointTypeEnum, { description: 'The variation verdict: the point type of the latest point.' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The assurance verdict against the target, from the latest rebase group’s limits; null without a target or with a NEUTRAL improvement direction.' })
  assuranceType!: AssuranceType | null;

  @Field(() => Boolean, { description: 'True when any rebase group has fewer than 13 points: its limits are less reliable.' })
  shortGroupWarning!: boolean;
}
