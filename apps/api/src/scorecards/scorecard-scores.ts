import {
  analyseSpc,
  evaluateRag,
  evaluateRagFromCounts,
  findStandard,
  type ImprovementDirection,
  type ProviderStandard,
  type RagStatus,
  type SpcAnalysis,
} from '@ccg-assure/domain';
import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import type { IndicatorView } from '../indicators/indicators.service';
import { PeriodEntity } from '../indicators/period.entity';
import type { OrganisationView } from '../organisations/organisations.service';
import { providerSeries } from './scorecards.queries';

/** One value of a series: its period (first day) and counts. */
export interface SeriesPoint {
  period: string;
  numerator: number;
  denominator: number;
  value: number;
}

/** The latest value of a series, with its period. */
export interface LatestValue {
  periodType: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  numerator: number;
  denominator: number;
  value: number;
}

/** One indicator of one provider as at a date: the latest value, the standard, RAG and the SPC of the series. */
export interface IndicatorScore {
  indicatorCode: string;
  latest: LatestValue;
  standard: ProviderStandard | null;
  rag: RagStatus | null;
  improvementDirection: ImprovementDirection;
  target: number | null;
  analysis: SpcAnalysis;
}

/** Which provider's scores, as at which date (null: every value). */
export interface ScoreKey {
  code: string;
  asOf: string | null;
}

/**
 * The per-request loaders the scorecard use cases read through (the request context's loaders have them):
 * organisations and indicators by code, and providers' scores by date.
 */
export interface ScorecardLoaders {
  organisation: DataLoader<string, OrganisationView | null>;
  indicator: DataLoader<string, IndicatorView | null>;
  scores: DataLoader<ScoreKey, IndicatorScore[], string>;
}

/** A point as the series statement gives it: first day of the period, numerator, denominator, value. */
type StoredPoint = [string, number, number, number];

/**
 * Every provider's scores as at `asOf`, SPC once per series: two statements for all of them, the series
 * (one row each, its points as JSON) and their latest periods. The per-request `scores` loader batches
 * through this.
 */
export async function scoresOf(dataSource: DataSource, codes: readonly string[], asOf: string | null): Promise<Map<string, IndicatorScore[]>> {
  const series = await providerSeries.rows(dataSource.manager, [[...codes], asOf]);
  const periodIds = [...new Set(series.map((row) => row.latestPeriodId))];
  const periods = periodIds.length ? await dataSource.getRepository(PeriodEntity).findBy({ id: In(periodIds) }) : [];
  const periodById = new Map(periods.map((period) => [period.id, period]));
  const scores = new Map<string, IndicatorScore[]>(codes.map((code) => [code, []]));
  for (const row of series) {
    const period = periodById.get(row.latestPeriodId);
    if (!period) throw new Error(`period ${row.latestPeriodId} is missing from a result it was computed for`);
    const points = (row.points as StoredPoint[]).map(([start, numerator, denominator, value]) => ({ period: start, numerator, denominator, value }));
    const last = points[points.length - 1];
    const latest: LatestValue = { periodType: period.type, periodStart: period.startDate, periodEnd: period.endDate, periodLabel: period.label, ...last };
    scores.get(row.organisationCode)?.push(scoreSeries(row.indicatorCode, row.indicatorPolarity, points, latest));
  }
  return scores;
}

/**
 * The scorecard of one series (one provider, one indicator, oldest first): the standard in force for
 * the latest period, RAG on the latest value (exactly, from the counts, for percentages), and SPC of
 * the whole series with the standard's polarity as improvement direction (else the indicator's) and
 * its threshold as target.
 */
export function scoreSeries(indicatorCode: string, indicatorPolarity: string, points: readonly SeriesPoint[], latest: LatestValue): IndicatorScore {
  const { standard, rag } = judgeLatest(indicatorCode, latest);
  const improvementDirection = directionOf(standard?.polarity ?? indicatorPolarity);
  const target = standard?.threshold ?? null;
  return {
    indicatorCode,
    latest,
    standard,
    rag,
    improvementDirection,
    target,
    analysis: analyseSpc({ points: points.map((point) => ({ period: point.period, value: point.value })), target, improvementDirection }),
  };
}

/**
 * The standard in force for a latest value's period and the value's RAG against it (exactly, from the
 * counts, for percentages); both null without a standard. The one place the grid and scorecards judge RAG.
 */
export function judgeLatest(
  indicatorCode: string,
  latest: { periodStart: string; numerator: number; denominator: number; value: number },
): { standard: ProviderStandard | null; rag: RagStatus | null } {
  const standard = findStandard(indicatorCode, latest.periodStart);
  if (!standard) return { standard: null, rag: null };
  const counts = Number.isSafeInteger(latest.numerator) && Number.isSafeInteger(latest.denominator) && latest.denominator > 0;
  const rag = standard.unit === 'PERCENTAGE' && counts ? evaluateRagFromCounts(latest.numerator, latest.denominator, standard) : evaluateRag(latest.value, standard);
  return { standard, rag };
}

function directionOf(polarity: string): ImprovementDirection {
  return polarity === 'HIGHER_IS_BETTER' ? 'INCREASE' : polarity === 'LOWER_IS_BETTER' ? 'DECREASE' : 'NEUTRAL';
}
