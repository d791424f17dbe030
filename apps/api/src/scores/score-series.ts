import {
  analyseSpc,
  evaluateRagAgainstTarget,
  findStandard,
  targetInForce,
  targetsAtPeriods,
  type ImprovementDirection,
  type ProviderStandard,
  type RagStatus,
  type SeriesTargets,
  type SpcAnalysis,
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
  const inForce = targetInForce(indicatorCode, latest.periodStart, settings.targets);
  const standard = inForce?.standard ?? findStandard(indicatorCode, latest.periodStart, settings.targets.standards);
  const improvementDirection = directionOf(standard?.polarity ?? indicatorPolarity);
  const perPoint = targetsOfPoints ?? targetsAtPeriods(indicatorCode, points.map((point) => point.period), settings.targets);
  return {
    indicatorCode,
    latest,
    standard,
    rag: evaluateRagAgainstTarget(latest, inForce),
    improvementDirection,
    target: inForce?.value ?? null,
    targetSource: inForce?.source ?? null,
    fixAfterNPoints: settings.fixAfterNPoints,
    analysis: analyseSpc({
      points: points.map((point, i) => ({ period: point.period, value: point.value, target: perPoint[i]?.value ?? null })),
      improvementDirection,
      rebaseDates: settings.rebaseDates,
      fixAfterNPoints: settings.fixAfterNPoints,
    }),
  };
}

function directionOf(polarity: string): ImprovementDirection {
  return polarity === 'HIGHER_IS_BETTER' ? 'INCREASE' : polarity === 'LOWER_IS_BETTER' ? 'DECREASE' : 'NEUTRAL';
}
