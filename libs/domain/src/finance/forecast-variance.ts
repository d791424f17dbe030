import { Money, Percentage } from '../money';
import { FINANCE_ROUNDING } from './plan-compliance';

/** The default warning threshold: an adverse variance of more than 1% of allocation (issue 6). */
export const DEFAULT_FORECAST_WARNING_THRESHOLD = Percentage.parse('1');

export interface ForecastVarianceInput {
  /** The approved version's allocation. */
  allocation: Money;
  /** The approved version's planned spend (the sum of its lines). */
  plannedSpend: Money;
  /** The spend for the whole year forecast in the month. */
  forecastOutturn: Money;
  /** The threshold as a percentage of allocation. */
  thresholdPercent: Percentage;
}

export interface ForecastVariance {
  /** Forecast outturn less planned spend: positive is adverse (overspend, a smaller surplus). */
  variance: Money;
  /** The threshold in pounds: allocation x threshold%, exact, then rounded once to the penny, halves away from zero. */
  warningThreshold: Money;
  /** True when the adverse variance is above (strictly more than) the threshold. */
  warning: boolean;
}

/**
 * Measures one month's forecast outturn against the approved plan. DOMAIN.md "Special measures": a
 * financial trigger is "financial performance differs seriously from plan"; issue 6 sets the line at
 * an adverse variance above a configurable share of allocation, 1% by default. "Above" is strict: a
 * variance exactly at the threshold raises no warning.
 */
export function assessForecastVariance(input: ForecastVarianceInput): ForecastVariance {
  const variance = input.forecastOutturn.minus(input.plannedSpend);
  const warningThreshold = input.allocation.multiplyByPercentage(input.thresholdPercent, FINANCE_ROUNDING);
  return { variance, warningThreshold, warning: variance.isGreaterThan(warningThreshold) };
}
