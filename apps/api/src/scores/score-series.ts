import {
  analyseSpc,
  analyseSpcAsAtEachPeriod,
  evaluateRagAgainstTarget,
  findStandard,
  targetInForce,
  targetsAtPeriods,
  type ImprovementDirection,
  type ProviderStandard,
  type RagStatus,
  type SeriesTargets,
  type SpcAnalysis,
  type SpcAsAt,
  type SpcPoint,
  type TargetInForce,
  type TargetSource,
} from '@ccg-assure/domain';

// How one series is scored: the rule code whose results `series_score` stores (decision 0021). Bump
// SCORING_VERSION whenever this code or the SPC rules change what it computes: stored rows of another version are
// then recomputed at start-up. The standards, local targets, trajectories and baselines are data (decision 0030):
// their edits recompute the series they touch in their own transaction, so they need no version bump.

/** The version of the scoring rules that stored rows were computed with (2: targets in force per point, baselines). */
export const SCORING_VERSION = 2;

/**
 * What a series is scored with besides its values (decision 0030): the effective-dated targets (the standard's
 * versions, the provider's local targets and trajectory for the indicator) and its recorded baseline (limits fixed
 * after n points) and rebase dates.
 */
export interface SeriesSettings {
  targets: SeriesTargets;
  rebaseDates: readonly string[];
  fixAfterNPoints: number | null;
}

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
  /** The target in force at the latest period (each point carries its own in the analysis). */
  target: number | null;
  /** Where that target comes from; null without one. */
  targetSource: TargetSource | null;
  /** The baseline the limits were fixed after (points of each rebase group); null when not fixed. */
  fixAfterNPoints: number | null;
  analysis: SpcAnalysis;
}

/**
 * The scorecard of one series (one provider, one indicator, oldest first): the target in force for the latest
 * period (a trajectory month, else a local target, else the standard's version in force) and RAG on the latest value
 * against it (exactly, from the counts, for percentages); SPC of the whole series with the standard's polarity as
 * improvement direction (else the indicator's), each point's target the one in force at its period (so the
 * assurance verdict reads the latest), limits fixed after the recorded baseline and recalculated at recorded rebases.
 */
export function scoreSeries(
  indicatorCode: string,
  indicatorPolarity: string,
  points: readonly SeriesPoint[],
  latest: LatestValue,
  settings: SeriesSettings,
  /**
   * The target in force at each of `points` (or at more points, of which the first are these): a recompute works it
   * out once for a whole series and hands it to the score of every month, since a period's target does not depend on
   * the month scored as at. Computed here when absent.
   */
  targetsOfPoints?: readonly (TargetInForce | null)[],
): IndicatorScore {
  const verdicts = verdictsAt(indicatorCode, indicatorPolarity, latest, targetInForce(indicatorCode, latest.periodStart, settings.targets), settings);
  const perPoint = targetsOfPoints ?? targetsAtPeriods(indicatorCode, points.map((point) => point.period), settings.targets);
  return {
    ...verdicts,
    analysis: analyseSpc({
      points: points.map((point, i) => ({ period: point.period, value: point.value, target: perPoint[i]?.value ?? null })),
      improvementDirection: verdicts.improvementDirection,
      rebaseDates: settings.rebaseDates,
      fixAfterNPoints: settings.fixAfterNPoints,
    }),
  };
}

/** A series' score as at one of its months, without the SPC of the points before it: what every stored row keeps. */
export interface MonthScore extends Omit<IndicatorScore, 'analysis'> {
  /** The chart of the months up to this one: its latest point and verdicts. */
  spc: SpcAsAt;
}

/** A series scored as at each of its months, and the chart of the whole series (its latest row stores the points). */
export interface SeriesScoresAsAtEachMonth {
  /** Oldest first: element k is the score as at `months[k]`. */
  months: MonthScore[];
  /** Every point's SPC as at the latest month: `scoreSeries(...).analysis.points` of the whole series. */
  latestPoints: SpcPoint[];
}

/**
 * `scoreSeries` as at each month of a series in one pass (issue 19: a recompute scores every month): element k equals
 * `scoreSeries(indicatorCode, indicatorPolarity, months[0..k] as points, months[k], settings)` field for field, its
 * analysis reduced to the latest point and verdicts, which `analyseSpcAsAtEachPeriod` computes for every prefix in
 * about the time of one analysis (rather than one analysis per month: n²/2 point-steps a series). `months` in period
 * order, one per period, as `valuesOfSeries` reads them.
 */
export function scoreSeriesAsAtEachMonth(
  indicatorCode: string,
  indicatorPolarity: string,
  months: readonly LatestValue[],
  settings: SeriesSettings,
  /** As `scoreSeries`' argument: the target in force at each month; computed here when absent. */
  targetsOfPoints?: readonly (TargetInForce | null)[],
): SeriesScoresAsAtEachMonth {
  if (months.length === 0) return { months: [], latestPoints: [] };
  const perPoint = targetsOfPoints ?? targetsAtPeriods(indicatorCode, months.map((month) => month.periodStart), settings.targets);
  const points = months.map((month, i) => ({ period: month.periodStart, value: month.value, target: perPoint[i]?.value ?? null }));
  // The SPC as at each month with each direction the months are read with (a standard's polarity could change between
  // its versions): one pass per direction, almost always one.
  const charts = new Map<ImprovementDirection, SpcAsAt[]>();
  const chartsWith = (improvementDirection: ImprovementDirection): SpcAsAt[] => {
    let chart = charts.get(improvementDirection);
    if (!chart) {
      chart = analyseSpcAsAtEachPeriod({ points, improvementDirection, rebaseDates: settings.rebaseDates, fixAfterNPoints: settings.fixAfterNPoints });
      charts.set(improvementDirection, chart);
    }
    return chart;
  };
  const scores = months.map((latest, k): MonthScore => {
    // `scoreSeries`' targetInForce(indicatorCode, latest.periodStart, ...) is the target in force at this month's period.
    const verdicts = verdictsAt(indicatorCode, indicatorPolarity, latest, perPoint[k], settings);
    return { ...verdicts, spc: chartsWith(verdicts.improvementDirection)[k] };
  });
  const last = scores[scores.length - 1];
  const latestPoints = analyseSpc({ points, improvementDirection: last.improvementDirection, rebaseDates: settings.rebaseDates, fixAfterNPoints: settings.fixAfterNPoints }).points;
  return { months: scores, latestPoints };
}

/**
 * The target in force at each month of a series (`targetInForce`, as `scoreSeries` works it out). A series with neither
 * local targets nor a trajectory has the standard's version in force, which is the same for every such series of the
 * indicator at a period: worked out once per indicator and period (`standardTargets`, keyed `indicator|period`,
 * kept by the caller for one catalogue: a recompute) rather than once per series and month, each a search of the catalogue reading its dates.
 */
export function targetsOfSeries(indicatorCode: string, months: readonly LatestValue[], settings: SeriesSettings, standardTargets: Map<string, TargetInForce | null>): (TargetInForce | null)[] {
  const { targets } = settings;
  if (targets.localTargets.length > 0 || targets.trajectory.length > 0) return months.map((month) => targetInForce(indicatorCode, month.periodStart, targets));
  return months.map((month) => {
    const key = `${indicatorCode}|${month.periodStart}`;
    let inForce = standardTargets.get(key);
    if (inForce === undefined) {
      inForce = targetInForce(indicatorCode, month.periodStart, targets);
      standardTargets.set(key, inForce);
    }
    return inForce;
  });
}

/** What a score says of its latest value besides the SPC: the standard, RAG against the target in force, the direction. */
function verdictsAt(indicatorCode: string, indicatorPolarity: string, latest: LatestValue, inForce: TargetInForce | null, settings: SeriesSettings): Omit<IndicatorScore, 'analysis'> {
  const standard = inForce?.standard ?? findStandard(indicatorCode, latest.periodStart, settings.targets.standards);
  return {
    indicatorCode,
    latest,
    standard,
    rag: evaluateRagAgainstTarget(latest, inForce),
    improvementDirection: directionOf(standard?.polarity ?? indicatorPolarity),
    target: inForce?.value ?? null,
    targetSource: inForce?.source ?? null,
    fixAfterNPoints: settings.fixAfterNPoints,
  };
}

function directionOf(polarity: string): ImprovementDirection {
  return polarity === 'HIGHER_IS_BETTER' ? 'INCREASE' : polarity === 'LOWER_IS_BETTER' ? 'DECREASE' : 'NEUTRAL';
}
