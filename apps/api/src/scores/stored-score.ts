import {
  type AssuranceType,
  type ImprovementDirection,
  type PointType,
  type ProviderStandard,
  type RagStatus,
  type SpcPoint,
  type SpecialCauseType,
  type TargetSource,
} from '@ccg-assure/domain';
import type { CopyValue } from './copy-writer';
import type { IndicatorScore, MonthScore } from './score-series';
import { SCORING_VERSION } from './score-series';

// A score as `series_score` keeps it, and back (decision 0021). Reading is a lookup, never a computation.

/**
 * The per-point SPC as stored, compactly (the latest row of a 36-month series holds 36 points, and every month has
 * a row): each rebase group's mean and limits once, `g: [[rebaseGroup, mean, lower, upper], ...]`, and each point
 * as `p: [[period, value, rebaseGroup, close to limits (1/0), special cause code, point type code, target], ...]`,
 * the target being the one in force at the point's period (null: none; decision 0030). The codes
 * are this file's own (below), so a reordering of the domain's lists cannot change what a stored row means.
 */
interface StoredPoints {
  g: [number, number, number | null, number | null][];
  p: [string, number, number, 0 | 1, string, string, (number | null)?][];
}

const CAUSE_CODES: Record<SpecialCauseType, string> = {
  COMMON_CAUSE: 'C',
  ABOVE_UPPER_LIMIT: 'AUL',
  BELOW_LOWER_LIMIT: 'BLL',
  TREND_INCREASING: 'TI',
  TREND_DECREASING: 'TD',
  TWO_OF_THREE_ABOVE: '2A',
  TWO_OF_THREE_BELOW: '2B',
  SHIFT_ABOVE: 'SA',
  SHIFT_BELOW: 'SB',
};
const POINT_TYPE_CODES: Record<PointType, string> = {
  COMMON_CAUSE: 'C',
  SPECIAL_CAUSE_IMPROVEMENT: 'I',
  SPECIAL_CAUSE_CONCERN: 'X',
  SPECIAL_CAUSE_NEUTRAL_HIGH: 'H',
  SPECIAL_CAUSE_NEUTRAL_LOW: 'L',
};
const CAUSES = inverse(CAUSE_CODES);
const POINT_TYPES_BY_CODE = inverse(POINT_TYPE_CODES);

/** A row of `series_score` as a recompute writes it (the table's column names). */
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
  /** Every point's SPC on the series' latest row; null on its earlier rows (decision 0021, amended for issue 19). */
  points: StoredPoints | null;
  scoring_version: number;
  target_source: TargetSource | null;
  fix_after_n_points: number | null;
}

/**
 * The row that stores a series' score as at its latest period (`periodId`), with every point's SPC on the series'
 * latest row (`points`: the chart of the whole series), else null (an earlier month's row keeps its verdicts only).
 */
export function toSeriesScoreRow(organisationCode: string, periodId: number, score: MonthScore, points: readonly SpcPoint[] | null): SeriesScoreRow {
  const { spc } = score;
  const last = spc.latest;
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
    variation_type: spc.variationType,
    assurance_type: spc.assuranceType,
    short_group_warning: spc.shortGroupWarning,
    points: points === null ? null : toStoredPoints(points),
    scoring_version: SCORING_VERSION,
    target_source: score.targetSource,
    fix_after_n_points: score.fixAfterNPoints,
  };
}

/** A row's values in the order of SERIES_SCORE_COPY_COLUMNS (series-score.queries.ts), the points as JSON. */
export function seriesScoreCopyValues(row: SeriesScoreRow): CopyValue[] {
  return [
    row.indicator_code,
    row.organisation_code,
    row.as_of,
    row.period_id,
    row.numerator,
    row.denominator,
    row.value,
    row.standard_code,
    row.standard_valid_from,
    row.rag,
    row.improvement_direction,
    row.target,
    row.mean,
    row.lower_process_limit,
    row.upper_process_limit,
    row.variation_type,
    row.assurance_type,
    row.short_group_warning,
    row.points === null ? null : JSON.stringify(row.points),
    row.scoring_version,
    row.target_source,
    row.fix_after_n_points,
  ];
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
  /** The standard version the row names, as stored now (standard_version joined by code and validFrom); null without one. */
  standard: unknown;
  targetSource: string | null;
  fixAfterNPoints: number | null;
}

/**
 * The score a stored row holds, with the standard version it names. Its points are the row's own (the series' latest
 * row stores them) or, for an earlier month's row, which keeps only its verdicts, those computed for it (`computed`,
 * scores-as-at.ts).
 */
export function fromStoredScore(row: StoredScoreRow, computed?: readonly SpcPoint[]): IndicatorScore {
  const target = row.target;
  let points: readonly SpcPoint[];
  if (row.points !== null) points = decodePoints(row, row.points as StoredPoints);
  else if (computed) points = computed;
  else throw new Error(`the stored score of ${row.indicatorCode} as at ${row.periodStart} has no points (not its series' latest row): compute them`);
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
    standard: storedStandard(row),
    rag: row.rag as RagStatus | null,
    improvementDirection: row.improvementDirection as ImprovementDirection,
    target,
    targetSource: row.targetSource as TargetSource | null,
    fixAfterNPoints: row.fixAfterNPoints,
    analysis: {
      points: [...points],
      variationType: row.variationType as PointType,
      assuranceType: row.assuranceType as AssuranceType | null,
      shortGroupWarning: row.shortGroupWarning,
    },
  };
}

function decodePoints(row: StoredScoreRow, stored: StoredPoints): SpcPoint[] {
  const groups = new Map(stored.g.map(([group, mean, lower, upper]) => [group, { mean, lower, upper }]));
  return stored.p.map(([period, value, rebaseGroup, close, cause, type, pointTarget]): SpcPoint => {
    const group = groups.get(rebaseGroup);
    const specialCauseType = CAUSES.get(cause);
    const pointType = POINT_TYPES_BY_CODE.get(type);
    if (!group || !specialCauseType || !pointType) throw new Error(`a stored point of ${row.indicatorCode} as at ${row.periodStart} does not decode: bump SCORING_VERSION`);
    return { period, value, mean: group.mean, lowerProcessLimit: group.lower, upperProcessLimit: group.upper, closeToLimits: close === 1, specialCauseType, pointType, rebaseGroup, target: pointTarget === undefined ? row.target : pointTarget };
  });
}

/**
 * The standard version a stored row names, as the read statement joins it. A row naming a version that no longer
 * exists was not recomputed when the standards changed: a bug, since every edit recomputes in its transaction.
 */
function storedStandard(row: StoredScoreRow): ProviderStandard | null {
  if (row.standardCode === null || row.standardValidFrom === null) return null;
  const standard = row.standard as (Omit<ProviderStandard, 'threshold'> & { threshold: number | string }) | null;
  if (!standard) throw new Error(`stored scores name standard ${row.standardCode} from ${row.standardValidFrom}, which is no longer stored: recompute the scores`);
  return { ...standard, threshold: Number(standard.threshold) };
}

function toStoredPoints(points: readonly SpcPoint[]): StoredPoints {
  const groups = new Map<number, [number, number, number | null, number | null]>();
  for (const p of points) if (!groups.has(p.rebaseGroup)) groups.set(p.rebaseGroup, [p.rebaseGroup, p.mean, p.lowerProcessLimit, p.upperProcessLimit]);
  return {
    g: [...groups.values()],
    p: points.map((p) => [p.period, p.value, p.rebaseGroup, p.closeToLimits ? 1 : 0, CAUSE_CODES[p.specialCauseType], POINT_TYPE_CODES[p.pointType], p.target]),
  };
}

function inverse<K extends string>(codes: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(codes).map(([name, code]) => [code as string, name as K]));
}
