import type { FunnelAdjustment, FunnelPosition } from '@ccg-assure/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator, Period } from '../indicators/indicator.type';
import { FunnelAdjustmentEnum, FunnelPositionEnum } from './scorecard-enums';
import { IndicatorStandard } from './scorecard.type';

@ObjectType({
  description:
    'Funnel-plot control limits at one denominator, in the indicator’s unit (0 to 100 for percentages), under the comparison’s adjustment: ' +
    'sin²(asin √target ± z √(1 / (4 × denominator) + tau2)) on the arcsine-square-root scale, held within the possible range.',
})
export class FunnelLimits {
  @Field(() => Float, { description: 'The denominator (for example attendances) the limits are for.' })
  denominator!: number;

  @Field(() => Float, { description: 'Lower 95% limit: 1.96 standard errors below the target on the arcsine-square-root scale.' })
  lower95!: number;

  @Field(() => Float, { description: 'Upper 95% limit: 1.96 standard errors above the target on the arcsine-square-root scale.' })
  upper95!: number;

  @Field(() => Float, { description: 'Lower 99.8% limit: 3.09 standard errors below the target on the arcsine-square-root scale.' })
  lower998!: number;

  @Field(() => Float, { description: 'Upper 99.8% limit: 3.09 standard errors above the target on the arcsine-square-root scale.' })
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

  @Field(() => FunnelLimits, { description: 'The funnel limits at this provider’s own denominator, under the comparison’s adjustment.' })
  limits!: FunnelLimits;

  @Field(() => FunnelPositionEnum, { description: 'Where the value lies against those limits (so under the comparison’s adjustment).' })
  position!: FunnelPosition;

  @Field(() => Float, {
    description:
      'The z-score before any adjustment: the distance of the value from the target on the arcsine-square-root scale, in standard errors of sampling alone, (asin √value − asin √target) × 2 √denominator.',
  })
  zScore!: number;

  @Field(() => Boolean, { nullable: true, description: 'True when beyond a limit on the better side, false when beyond a limit on the worse side; null within the 95% limits or when the indicator has no better direction.' })
  favourable!: boolean | null;
}

@ObjectType({
  description:
    'Every provider compared on one indicator in one period: a league table and a funnel plot for proportions (Spiegelhalter 2005), with limits allowing for over-dispersion or not, as FunnelPlotR 0.6.0 computes them.',
})
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

  @Field(() => [FunnelLimits], {
    description: 'The funnel limits, under the comparison’s adjustment, at 50 denominators spaced evenly on a log scale from the smallest to the largest of the data, ascending: enough to draw the funnel.',
  })
  funnel!: FunnelLimits[];

  @Field(() => FunnelAdjustmentEnum, { description: 'The adjustment asked for.' })
  adjustment!: FunnelAdjustment;

  @Field(() => Boolean, {
    description: 'Whether the limits were widened for over-dispersion: ADDITIVE_RANDOM_EFFECTS was asked for and overdispersionFactor exceeds 1. False for NONE.',
  })
  adjusted!: boolean;

  @Field(() => Float, {
    description:
      'The over-dispersion factor phi: the mean of the providers’ squared z-scores after winsorising at 10% each end. About 1 when providers differ by sampling error alone; ' +
      'above 1, they vary more than that. Given whichever adjustment was asked for.',
  })
  overdispersionFactor!: number;

  @Field(() => Float, {
    description:
      'Tau-squared: the between-provider variance on the arcsine-square-root scale (DerSimonian-Laird form), added to each provider’s sampling variance when adjusted is true; ' +
      '0 when n × phi < n − 1. Given whichever adjustment was asked for.',
  })
  tau2!: number;
}
