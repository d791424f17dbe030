import {
  analyseFunnelPlot,
  findStandard,
  rankValues,
  type FunnelAdjustment,
  type FunnelLimits,
  type FunnelPosition,
  type ProviderStandard,
} from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import type { IndicatorView } from '../indicators/indicators.service';
import { AppError } from '../server/app-error';
import { PROVIDER_TYPE } from './scorecard-grid';
import type { ScorecardLoaders } from './scorecard-scores';
import { valuesInPeriod } from './scorecards.queries';
import { loadStandardsCatalogue } from '../scores/scores.service';

/** One provider's place in a comparison. */
export interface ComparedProviderView {
  providerCode: string;
  value: number;
  numerator: number;
  denominator: number;
  rank: number;
  limits: FunnelLimits;
  position: FunnelPosition;
  zScore: number;
  favourable: boolean | null;
}

/** Every provider compared on one indicator in one period: a league table and a funnel plot. */
export interface ProviderComparisonView {
  indicator: IndicatorView;
  period: { type: string; startDate: string; endDate: string; label: string };
  standard: ProviderStandard | null;
  target: number;
  totalNumerator: number;
  totalDenominator: number;
  /** Best first (by rank, then ODS code). */
  providers: ComparedProviderView[];
  funnel: FunnelLimits[];
  adjustment: FunnelAdjustment;
  /** Whether the limits were widened for over-dispersion. */
  adjusted: boolean;
  /** φ. */
  overdispersionFactor: number;
  tau2: number;
}

/**
 * Every provider (NHS trust) with a value for one indicator (a percentage) and period, ranked, with funnel-plot
 * limits under the adjustment asked for (libs/domain/src/comparison/RULES.md). NOT_FOUND for an unknown indicator or a period without values; BAD_USER_INPUT for an indicator that is
 * not a proportion.
 */
export async function compareProviders(
  dataSource: DataSource,
  indicatorCode: string,
  periodStart: string,
  adjustment: FunnelAdjustment,
  loaders: ScorecardLoaders,
): Promise<ProviderComparisonView> {
  const indicator = await loaders.indicator.load(indicatorCode);
  if (!indicator) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${indicatorCode}".`);
  if (indicator.unit !== 'PERCENTAGE') {
    throw new AppError('BAD_USER_INPUT', 'FUNNEL_NOT_A_PROPORTION', `${indicatorCode} is measured in ${indicator.unit}: funnel plots here are for proportions (percentages).`);
  }
  const rows = await valuesInPeriod.rows(dataSource.manager, [indicatorCode, indicator.periodType, periodStart, PROVIDER_TYPE]);
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'NO_VALUES_FOR_PERIOD', `No provider has a value of ${indicatorCode} for the period starting ${periodStart}.`);
  // The standards as stored (decision 0030): an administrator's change of a threshold shows here at once.
  const standard = findStandard(indicatorCode, periodStart, await loadStandardsCatalogue(dataSource.manager));
  const polarity = standard?.polarity ?? (indicator.polarity as 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL');
  const ranked = rankValues(rows.map((row) => ({ key: row.organisationCode, value: row.value })), polarity);
  const funnel = analyseFunnelPlot({
    units: rows.map((row) => ({ key: row.organisationCode, numerator: row.numerator, denominator: row.denominator })),
    polarity,
    unit: 'PERCENTAGE',
    adjustment,
  });
  const plotted = new Map(funnel.points.map((point) => [point.key, point]));
  const providers = ranked.map((entry): ComparedProviderView => {
    const point = plotted.get(entry.key);
    if (!point) throw new Error(`${entry.key} is missing from the funnel plot it was computed for`);
    return {
      providerCode: entry.key,
      value: entry.value,
      numerator: point.numerator,
      denominator: point.denominator,
      rank: entry.rank,
      limits: point.limits,
      position: point.position,
      zScore: point.zScore,
      favourable: point.favourable,
    };
  });
  const first = rows[0];
  return {
    indicator,
    period: { type: first.periodType, startDate: first.periodStart, endDate: first.periodEnd, label: first.periodLabel },
    standard,
    target: funnel.target,
    totalNumerator: funnel.totalNumerator,
    totalDenominator: funnel.totalDenominator,
    providers,
    funnel: funnel.curve,
    adjustment: funnel.adjustment,
    adjusted: funnel.adjusted,
    overdispersionFactor: funnel.overdispersion.phi,
    tau2: funnel.overdispersion.tau2,
  };
}
