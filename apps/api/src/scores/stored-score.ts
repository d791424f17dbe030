import {
  PROVIDER_STANDARDS,
  type AssuranceType,
  type ImprovementDirection,
  type PointType,
  type ProviderStandard,
  type RagStatus,
  type SpcPoint,
  type SpecialCauseType,
} from '@ccg-assure/domain';
import type { IndicatorScore } from './score-series';
import { SCORING_VERSION } from './score-series';

// A score as `series_score` keeps it, and back (decision 0021). Reading is a lookup, never a computation.

/** One point's SPC as stored: [period, value, mean, lower limit, upper limit, close to limits (1/0), special cause, point type, rebase group]. */
type StoredPoint = [string, number, number, number | null, number | null, 0 | 1, SpecialCauseType, PointType, number];

/** A row of `series_score` as the insert statement takes it (JSON, the table's column names). */
export interface SeriesScoreRow {
  indicator_code: string;
  organisation_code: string;
  as_of: string;
  period_id: number;
  numerator: number;
  denominator: number;
  value: number;
  standard_code: string | null;
  standard_valid_from: string | null;
  rag: RagStatus | null;
  improvement_direction: ImprovementDirection;
  target: number | null;
  mean: number;
  lower_process_limit: number | null;
  upper_process_limit: number | null;
  variation_type: PointType;
  assurance_type: AssuranceType | null;
  short_group_warning: boolean;
  points: StoredPoint[];
  scoring_version: number;
}

/** The row that stores a series' score as at its latest period (`periodId`). */
export function toSeriesScoreRow(organisationCode: string, periodId: number, score: IndicatorScore): SeriesScoreRow {
  const { analysis } = score;
  const last = analysis.points[analysis.points.length - 1];
  return {
    indicator_code: score.indicatorCode,
    organisation_code: organisationCode,
    as_of: score.latest.periodStart,
    period_id: periodId,
    numerator: score.latest.numerator,
    denominator: score.latest.denominator,
    value: score.latest.value,
    standard_code: score.standard?.code ?? null,
    standard_valid_from: score.standard?.validFrom ?? null,
    rag: score.rag,
    improvement_direction: score.improvementDirection,
    target: score.target,
    mean: last.mean,
    lower_process_limit: last.lowerProcessLimit,
    upper_process_limit: last.upperProcessLimit,
    variation_type: analysis.variationType,
    assurance_type: analysis.assuranceType,
    short_group_warning: analysis.shortGroupWarning,
    points: analysis.points.map((p) => [p.period, p.value, p.mean, p.lowerProcessLimit, p.upperProcessLimit, p.closeToLimits ? 1 : 0, p.specialCauseType, p.pointType, p.rebaseGroup]),
    scoring_version: SCORING_VERSION,
  };
}

/** A stored score read back: what `scoreSeries` computed when the row was written. */
export interface StoredScoreRow {
  indicatorCode: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  numerator: number;
  denominator: number;
  value: number;
  standardCode: string | null;
  standardValidFrom: string | null;
  rag: string | null;
  improvementDirection: string;
  target: number | null;
  variationType: string;
  assuranceType: string | null;
  shortGroupWarning: boolean;
  points: unknown;
}

/** The score a stored row holds, with its standard looked up in the catalogue by code and version. */
export function fromStoredScore(row: StoredScoreRow): IndicatorScore {
  const target = row.target;
  const points = (row.points as StoredPoint[]).map(
    ([period, value, mean, lowerProcessLimit, upperProcessLimit, close, specialCauseType, pointType, rebaseGroup]): SpcPoint => ({
      period,
      value,
      mean,
      lowerProcessLimit,
      upperProcessLimit,
      closeToLimits: close === 1,
      specialCauseType,
      pointType,
      rebaseGroup,
      target,
    }),
  );
  return {
    indicatorCode: row.indicatorCode,
    latest: {
      periodType: row.periodType,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      periodLabel: row.periodLabel,
      numerator: row.numerator,
      denominator: row.denominator,
      value: row.value,
    },
    standard: storedStandard(row.standardCode, row.standardValidFrom),
    rag: row.rag as RagStatus | null,
    improvementDirection: row.improvementDirection as ImprovementDirection,
    target,
    analysis: {
      points,
      variationType: row.variationType as PointType,
      assuranceType: row.assuranceType as AssuranceType | null,
      shortGroupWarning: row.shortGroupWarning,
    },
  };
}

/**
 * The catalogue's version of a standard that a stored row names. A row naming a version the catalogue no longer
 * has was computed by other rules: SCORING_VERSION should have changed with the catalogue, so this is a bug.
 */
function storedStandard(code: string | null, validFrom: string | null): ProviderStandard | null {
  if (code === null || validFrom === null) return null;
  const standard = PROVIDER_STANDARDS.find((s) => s.code === code && s.validFrom === validFrom);
  if (!standard) throw new Error(`stored scores name standard ${code} from ${validFrom}, which the catalogue does not have: bump SCORING_VERSION`);
  return standard;
}
