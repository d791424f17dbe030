import type { FunnelPosition } from '@ccg-assure/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator, Period } from '../indicators/indicator.type';
import { FunnelPositionEnum } from './scorecard-enums';
import { IndicatorStandard } from './scorecard.type';

@ObjectType({ description: 'Funnel-plot control limits at one denominator, in the indicator’s unit (0 to 100 for percentages), clamped to the possible range.' })
export class FunnelLimits {
  @Field(() => Float, { description: 'The denominator (for example attendances) the limits are for.' })
  denominator!: number;

  @Field(() => Float, { description: 'Lower 95% limit: target − 1.96 standard errors.' })
  lower95!: number;

  @Field(() => Float, { description: 'Upper 95% limit: target + 1.96 standard errors.' })
  upper95!: number;

  @Field(() => Float, { description: 'Lower 99.8% limit: target − 3.09 standard errors.' })
  lower998!: number;

  @Field(() => Float, { description: 'Upper 99.8% limit: target + 3.09 standard errors.' })
  upper998!: number;
}

@ObjectType({ description: "One provider's place in a comparison: its value, rank and position in the funnel plot." })
export class ComparedProvider {
  // Not a field: `provider` is a field resolver (ComparedProviderResolver) reading through the organisation loader.
  /** The provider's ODS code. */
  providerCode!: string;

  @Field(() => Float, { description: 'The value, in the indicator’s unit.' })
  value!: number;

  @Field(() => Float, { description: 'Numerator of the value.' })
  numerator!: number;

  @Field(() => Float, { description: 'Denominator of the value: the x axis of the funnel plot.' })
  denominator!: number;

  @Field(() => Int, { description: 'Rank, 1 for the best value given the polarity; equal values share a rank and the next rank skips (1, 2, 2, 4).' })
  rank!: number;

  @Field(() => FunnelLimits, { description: 'The funnel limits at this provider’s own denominator.' })
  limits!: FunnelLimits;

  @Field(() => FunnelPositionEnum, { description: 'Where the value lies against those limits.' })
  position!: FunnelPosition;

  @Field(() => Boolean, { nullable: true, description: 'True when beyond a limit on the better side, false when beyond a limit on the worse side; null within the 95% limits or when the indicator has no better direction.' })
  favourable!: boolean | null;
}

@ObjectType({ description: 'Every provider compared on one indicator in one period: a league table and a funnel plot for proportions (Spiegelhalter 2005).' })
export class ProviderComparison {
  @Field(() => Indicator, { description: 'The indicator compared.' })
  indicator!: Indicator;

  @Field(() => Period, { description: 'The period compared.' })
  period!: Period;

  @Field(() => IndicatorStandard, { nullable: true, description: 'The standard in force for the period; null when the indicator has none.' })
  standard!: IndicatorStandard | null;

  @Field(() => Float, { description: 'The funnel’s centre line: Σ numerators ÷ Σ denominators over the providers compared, in the indicator’s unit (the England figure for these providers).' })
  target!: number;

  @Field(() => Float, { description: 'Σ numerators of the providers compared.' })
  totalNumerator!: number;

  @Field(() => Float, { description: 'Σ denominators of the providers compared.' })
  totalDenominator!: number;

  @Field(() => [ComparedProvider], { description: 'Every provider with a value for the period, best first (by rank, then ODS code).' })
  providers!: ComparedProvider[];

  @Field(() => [FunnelLimits], { description: 'The funnel limits at 50 denominators spaced evenly on a log scale from the smallest to the largest of the data, ascending: enough to draw the funnel.' })
  funnel!: FunnelLimits[];
}
