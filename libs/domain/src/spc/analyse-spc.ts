import { DomainError } from '../errors';
import { isIsoDate } from '../calendar/calendar-date';
import { calculateProcessLimits } from './process-limits';
import { judgeGroup } from './special-causes';
import {
  IMPROVEMENT_DIRECTIONS,
  MINIMUM_FIX_AFTER_N_POINTS,
  SHORT_GROUP_MINIMUM_POINTS,
  type AnalyseSpcInput,
  type ImprovementDirection,
  type SpcAnalysis,
  type SpcObservation,
  type SpcPoint,
} from './spc-vocabulary';
import { assessAssurance, classifyPointType } from './verdicts';

/**
 * Far beyond any indicator; keeps sums and moving ranges finite so that every number returned is
 * a finite double (R would overflow to Inf/NaN instead).
 */
export const MAX_VALUE_MAGNITUDE = 1e100;

/**
 * An XmR chart of a series the way NHSRplotthedots 0.2.2 `ptd_spc()` computes it with its defaults
 * (outliers screened, limits not fixed), point by point; see RULES.md for each rule and its source.
 *
 * Points are sorted by period (the package sorts too) and taken as consecutive observations: a
 * missing month is not a gap, the next point simply follows. A period given twice is rejected, as
 * the package rejects duplicate dates. Each rebase date that equals a period starts a new rebase
 * group there; a rebase date that matches no period is ignored, as in the package. With `fixAfterNPoints`,
 * each group's mean and limits come from its first n points only (`fix_after_n_points`); special causes are
 * still looked for over every point against those limits. A point may carry its own target (the target in
 * force at its period); the assurance verdict is read against the latest point's, as the package reads the
 * last row's target.
 *
 * @throws DomainError SPC_NO_POINTS, SPC_NON_FINITE_VALUE, SPC_VALUE_OUT_OF_RANGE, SPC_INVALID_PERIOD,
 *   SPC_DUPLICATE_PERIOD, SPC_INVALID_REBASE_DATE, SPC_NON_FINITE_TARGET, SPC_INVALID_IMPROVEMENT_DIRECTION,
 *   SPC_INVALID_FIX_AFTER_N_POINTS
 */
export function analyseSpc(input: AnalyseSpcInput): SpcAnalysis {
  const { direction, target, observations, rebaseDates, fixAfter } = checkedSpcInput(input);

  const points: SpcPoint[] = [];
  let shortGroupWarning = false;
  let latestLimits = { lower: Number.NaN, upper: Number.NaN };
  for (const group of rebaseGroups(observations, rebaseDates)) {
    const values: number[] = [];
    for (let i = group.start; i < group.end; i += 1) values.push(observations[i].value);
    // `fix_y = ifelse(row_number() <= fix_after_n_points, y, NA)`: the mean and moving ranges of the first n only.
    const limits = calculateProcessLimits(fixAfter === null || fixAfter >= values.length ? values : values.slice(0, fixAfter));
    const { specialCauses, closeToLimits } = judgeGroup(values, limits);
    const hasLimits = !Number.isNaN(limits.averageMovingRange);
    for (let i = 0; i < values.length; i += 1) {
      const observation = observations[group.start + i];
      points.push({
        period: observation.period,
        value: observation.value,
        mean: limits.mean,
        lowerProcessLimit: hasLimits ? limits.lower : null,
        upperProcessLimit: hasLimits ? limits.upper : null,
        closeToLimits: closeToLimits[i],
        specialCauseType: specialCauses[i],
        pointType: classifyPointType(specialCauses[i], direction),
        rebaseGroup: group.index,
        target: observation.target === undefined ? target : observation.target,
      });
    }
    shortGroupWarning ||= values.length < SHORT_GROUP_MINIMUM_POINTS;
    latestLimits = limits;
  }

  const latest = points[points.length - 1];
  return {
    points,
    variationType: latest.pointType,
    // The package reads the last row, so the latest rebase group's limits and the latest target (`slice_tail(n = 1)`).
    assuranceType: assessAssurance(latest.target, latestLimits, direction),
    shortGroupWarning,
  };
}

/** An input to `analyseSpc` checked (each check throws its DomainError) and its observations in period order. */
export interface CheckedSpcInput {
  direction: ImprovementDirection;
  target: number | null;
  observations: readonly SpcObservation[];
  rebaseDates: ReadonlySet<string>;
  fixAfter: number | null;
}

/** The checks of `analyseSpc`, in its order, shared with `analyseSpcAsAtEachPeriod` so both refuse the same input. */
export function checkedSpcInput(input: AnalyseSpcInput): CheckedSpcInput {
  const direction = checkedDirection(input.improvementDirection);
  const target = checkedTarget(input.target);
  const observations = sortedObservations(input.points);
  const rebaseDates = checkedRebaseDates(input.rebaseDates ?? []);
  const fixAfter = checkedFixAfter(input.fixAfterNPoints);
  return { direction, target, observations, rebaseDates, fixAfter };
}

/** A rebase group: the sorted observations from `start` up to (not including) `end`. */
interface RebaseGroup {
  index: number;
  start: number;
  end: number;
}

/**
 * Consecutive runs of sorted observations, split before every observation whose period is a rebase
 * date. Numbered as the package numbers them (`cumsum` of rebase flags): from 0, or from 1 when the
 * first period is itself a rebase date.
 */
function rebaseGroups(observations: readonly SpcObservation[], rebaseDates: ReadonlySet<string>): RebaseGroup[] {
  const groups: RebaseGroup[] = [];
  let index = 0;
  for (let i = 0; i < observations.length; i += 1) {
    const startsGroup = rebaseDates.size > 0 && rebaseDates.has(observations[i].period);
    if (startsGroup) index += 1;
    if (startsGroup || groups.length === 0) groups.push({ index, start: i, end: i + 1 });
    else groups[groups.length - 1].end = i + 1;
  }
  return groups;
}

function checkedDirection(direction: ImprovementDirection): ImprovementDirection {
  // Checked at run time too: callers outside TypeScript may hand over any string.
  if (!(IMPROVEMENT_DIRECTIONS as readonly string[]).includes(direction)) {
    throw new DomainError(
      'SPC_INVALID_IMPROVEMENT_DIRECTION',
      `Unknown improvement direction "${String(direction)}".`,
      { improvementDirection: direction, known: [...IMPROVEMENT_DIRECTIONS] },
    );
  }
  return direction;
}

function checkedTarget(target: number | null | undefined): number | null {
  if (target === undefined || target === null) return null;
  if (typeof target !== 'number' || !Number.isFinite(target)) {
    throw new DomainError('SPC_NON_FINITE_TARGET', 'The target must be a finite number.', { target: String(target) });
  }
  return target;
}

function checkedFixAfter(fixAfter: number | null | undefined): number | null {
  if (fixAfter === undefined || fixAfter === null) return null;
  if (typeof fixAfter !== 'number' || !Number.isInteger(fixAfter) || fixAfter < MINIMUM_FIX_AFTER_N_POINTS) {
    throw new DomainError('SPC_INVALID_FIX_AFTER_N_POINTS', `Limits are fixed after a whole number of points, ${MINIMUM_FIX_AFTER_N_POINTS} or more.`, {
      fixAfterNPoints: String(fixAfter),
      minimum: MINIMUM_FIX_AFTER_N_POINTS,
    });
  }
  return fixAfter;
}

/**
 * The observations checked and in period order. Input already in order (as every caller's is) is returned as it
 * is, not copied or sorted again; the observations are read, never changed.
 */
function sortedObservations(points: readonly SpcObservation[]): readonly SpcObservation[] {
  if (points.length === 0) {
    throw new DomainError('SPC_NO_POINTS', 'A chart needs at least one point.');
  }
  for (let index = 0; index < points.length; index += 1) checkObservation(points[index], index);
  // yyyy-mm-dd strings sort as their dates do.
  const sorted = isInPeriodOrder(points) ? points : [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i].period === sorted[i - 1].period) {
      throw new DomainError('SPC_DUPLICATE_PERIOD', `Period ${sorted[i].period} appears more than once.`, {
        period: sorted[i].period,
      });
    }
  }
  for (const point of sorted) {
    if (point.target !== undefined) checkedTarget(point.target);
  }
  return sorted;
}

function checkObservation(point: SpcObservation, index: number): void {
  if (!isIsoDate(point.period)) {
    throw new DomainError('SPC_INVALID_PERIOD', `Period "${String(point.period)}" is not a date yyyy-mm-dd.`, {
      index,
      period: point.period,
    });
  }
  if (typeof point.value !== 'number' || !Number.isFinite(point.value)) {
    throw new DomainError('SPC_NON_FINITE_VALUE', `The value for ${point.period} is not a finite number.`, {
      index,
      period: point.period,
      value: String(point.value),
    });
  }
  if (Math.abs(point.value) > MAX_VALUE_MAGNITUDE) {
    throw new DomainError('SPC_VALUE_OUT_OF_RANGE', `The value for ${point.period} is too large to chart.`, {
      index,
      period: point.period,
      value: point.value,
      maxMagnitude: MAX_VALUE_MAGNITUDE,
    });
  }
}

/** Strictly increasing periods: in order and without a duplicate. */
function isInPeriodOrder(points: readonly SpcObservation[]): boolean {
  for (let i = 1; i < points.length; i += 1) if (!(points[i - 1].period < points[i].period)) return false;
  return true;
}

function checkedRebaseDates(rebaseDates: readonly string[]): ReadonlySet<string> {
  rebaseDates.forEach((date, index) => {
    if (!isIsoDate(date)) {
      throw new DomainError('SPC_INVALID_REBASE_DATE', `Rebase date "${String(date)}" is not a date yyyy-mm-dd.`, {
        index,
        rebaseDate: date,
      });
    }
  });
  return new Set(rebaseDates);
}

