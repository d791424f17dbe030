import { DomainError } from '../errors';
import { compareIsoDates, isIsoDate, monthStart } from '../calendar/calendar-date';
import { evaluateRag, evaluateRagFromCounts, type RagStatus } from './evaluate-rag';
import { findStandard, type ProviderStandard } from './provider-standards';

// The target a series is judged against at each of its periods, from effective-dated rows (issue 18 point 2):
// the national standard's version in force, a local target agreed for the provider, or a month of a trajectory.
// The rows are the caller's (the API reads them from the database); nothing here reads a clock or a catalogue.

/** A local target agreed for one provider and indicator (by a CCG or under a contract), in force from a date until the next. */
export interface LocalTarget {
  /** First day in force (inclusive), the first day of a month; in force until the next local target's. */
  readonly effectiveFrom: string;
  /** The target in the standard's unit (95 means 95% for a percentage). */
  readonly value: number;
}

/** One month of a trajectory (a recovery trajectory or an operational plan): the value planned for that month. */
export interface TrajectoryMonth {
  /** The first day of the month. */
  readonly period: string;
  readonly value: number;
}

/** Where the target in force comes from. A trajectory's month outranks a local target, which outranks the standard. */
export type TargetSource = 'STANDARD' | 'LOCAL_TARGET' | 'TRAJECTORY';
export const TARGET_SOURCES: readonly TargetSource[] = ['STANDARD', 'LOCAL_TARGET', 'TRAJECTORY'];

/** Every effective-dated row that can set one series' target: its indicator's standard versions, its local targets, its trajectory. */
export interface SeriesTargets {
  /** The versions of the indicator's national standard (any order; other codes are ignored by code). */
  readonly standards: readonly ProviderStandard[];
  readonly localTargets: readonly LocalTarget[];
  readonly trajectory: readonly TrajectoryMonth[];
}

/** The target in force at a period and where it comes from. */
export interface TargetInForce {
  readonly value: number;
  readonly source: TargetSource;
  /** The day the row setting it took effect: the standard version's validFrom, the local target's effectiveFrom, or the trajectory month. */
  readonly effectiveFrom: string;
  /** The national standard in force at the period, if any (its unit and polarity judge the value even against a local target). */
  readonly standard: ProviderStandard | null;
}

function checkedDate(value: unknown, field: string): string {
  if (!isIsoDate(value)) throw new DomainError('INVALID_DATE', `${field} must be a date yyyy-mm-dd`, { field, value });
  return value;
}

function checkedValue(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DomainError('INVALID_TARGET', `${field} must be a finite number`, { field, value });
  return value;
}

/**
 * The target in force for indicator `indicatorCode` at `period` (yyyy-mm-dd): the trajectory's value for the
 * period's month if it has one; else the local target with the latest effectiveFrom on or before the period;
 * else the threshold of the standard version in force. Null when none applies. Throws INVALID_DATE,
 * INVALID_TARGET (details: field, value), OVERLAPPING_STANDARD_VERSIONS.
 */
export function targetInForce(indicatorCode: string, period: string, targets: SeriesTargets): TargetInForce | null {
  const date = checkedDate(period, 'period');
  const standard = findStandard(indicatorCode, date, targets.standards);
  const month = monthStart(date);
  const planned = targets.trajectory.find((m) => checkedDate(m.period, 'trajectory period') === month);
  if (planned) return { value: checkedValue(planned.value, 'trajectory value'), source: 'TRAJECTORY', effectiveFrom: month, standard };
  let local: LocalTarget | null = null;
  for (const candidate of targets.localTargets) {
    const from = checkedDate(candidate.effectiveFrom, 'local target effectiveFrom');
    if (compareIsoDates(from, date) <= 0 && (local === null || compareIsoDates(local.effectiveFrom, from) < 0)) local = candidate;
  }
  if (local) return { value: checkedValue(local.value, 'local target value'), source: 'LOCAL_TARGET', effectiveFrom: local.effectiveFrom, standard };
  if (standard) return { value: standard.threshold, source: 'STANDARD', effectiveFrom: standard.validFrom, standard };
  return null;
}

/** The target in force at each period, in the order given: what a chart draws as a line that steps (standards, local targets) or slopes (a trajectory). */
export function targetsAtPeriods(indicatorCode: string, periods: readonly string[], targets: SeriesTargets): (TargetInForce | null)[] {
  return periods.map((period) => targetInForce(indicatorCode, period, targets));
}

/**
 * RAG of a value (and its counts, compared exactly for percentages) against the target in force: the standard's
 * unit and polarity, the target's value as threshold. Zero tolerance holds only while the standard itself is the
 * target: a local target or trajectory for a zero-tolerance count (say 40 waits of 52 weeks this month) is a
 * threshold like any other. Null without a standard (no unit or polarity to judge by).
 */
export function evaluateRagAgainstTarget(
  latest: { numerator: number; denominator: number; value: number },
  target: TargetInForce | null,
): RagStatus | null {
  if (!target?.standard) return null;
  const judged: ProviderStandard =
    target.source === 'STANDARD' ? target.standard : { ...target.standard, threshold: target.value, zeroTolerance: false };
  const counts = Number.isSafeInteger(latest.numerator) && Number.isSafeInteger(latest.denominator) && latest.denominator > 0;
  return judged.unit === 'PERCENTAGE' && counts ? evaluateRagFromCounts(latest.numerator, latest.denominator, judged) : evaluateRag(latest.value, judged);
}
