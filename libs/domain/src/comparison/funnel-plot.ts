import { DomainError } from '../errors';
import { checkedPolarity, checkUniqueKeys } from './checks';
import {
  DEFAULT_FUNNEL_CURVE_POINTS,
  FUNNEL_UNITS,
  MAX_FUNNEL_CURVE_POINTS,
  Z_95,
  Z_998,
  type ComparisonPolarity,
  type FunnelLimits,
  type FunnelPlot,
  type FunnelPlotInput,
  type FunnelPlotPoint,
  type FunnelPlotUnit,
  type FunnelPosition,
  type FunnelUnit,
} from './comparison-vocabulary';

/** Limits as proportions (0 to 1), before they are reported in the plot's unit. */
interface ProportionLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * A funnel plot of proportions for comparing providers (Spiegelhalter 2005; RULES.md in this folder):
 * the target p̄ = Σ numerators / Σ denominators, and around it control limits
 * p̄ ± z × √(p̄ (1 − p̄) / n) at each denominator n, for 95% (z = 1.959963984540054) and 99.8%
 * (z = 3.090232306167813), clamped to [0, 1]. Each provider's proportion is placed against the limits at
 * its own denominator: beyond a limit means strictly beyond it (a proportion exactly on a limit is
 * within). Values and limits are reported in the unit asked for (percentages by default: × 100);
 * positions are decided on the proportions themselves, before scaling.
 *
 * @throws DomainError FUNNEL_NO_UNITS, FUNNEL_INVALID_COUNT, FUNNEL_ZERO_DENOMINATOR,
 *   FUNNEL_NUMERATOR_EXCEEDS_DENOMINATOR (details: key), COMPARISON_DUPLICATE_KEY,
 *   COMPARISON_INVALID_POLARITY, FUNNEL_INVALID_UNIT, FUNNEL_INVALID_CURVE_POINTS
 */
export function analyseFunnelPlot(input: FunnelPlotInput): FunnelPlot {
  const polarity = checkedPolarity(input.polarity);
  const unit = checkedUnit(input.unit ?? 'PERCENTAGE');
  const curvePoints = checkedCurvePoints(input.curvePoints ?? DEFAULT_FUNNEL_CURVE_POINTS);
  if (input.units.length === 0) throw new DomainError('FUNNEL_NO_UNITS', 'A funnel plot needs at least one provider.');
  input.units.forEach(checkUnit);
  checkUniqueKeys(input.units.map((u) => u.key));

  const totalNumerator = input.units.reduce((sum, u) => sum + u.numerator, 0);
  const totalDenominator = input.units.reduce((sum, u) => sum + u.denominator, 0);
  const target = totalNumerator / totalDenominator;
  const scale = unit === 'PERCENTAGE' ? 100 : 1;

  const points = input.units.map((u): FunnelPlotPoint => {
    const proportion = u.numerator / u.denominator;
    const limits = proportionLimits(target, u.denominator);
    const position = positionOf(proportion, limits);
    return {
      key: u.key,
      numerator: u.numerator,
      denominator: u.denominator,
      value: proportion * scale,
      limits: scaled(limits, u.denominator, scale),
      position,
      favourable: favourability(position, polarity),
    };
  });

  const denominators = input.units.map((u) => u.denominator);
  const curve = curveDenominators(Math.min(...denominators), Math.max(...denominators), curvePoints).map((n) =>
    scaled(proportionLimits(target, n), n, scale),
  );
  return { unit, target: target * scale, totalNumerator, totalDenominator, points, curve };
}

/**
 * The funnel limits at one denominator around a target proportion (0 to 1), reported in `unit`.
 * @throws DomainError FUNNEL_INVALID_TARGET, FUNNEL_INVALID_COUNT, FUNNEL_ZERO_DENOMINATOR, FUNNEL_INVALID_UNIT
 */
export function calculateFunnelLimits(targetProportion: number, denominator: number, unit: FunnelUnit = 'PERCENTAGE'): FunnelLimits {
  if (typeof targetProportion !== 'number' || !(targetProportion >= 0 && targetProportion <= 1)) {
    throw new DomainError('FUNNEL_INVALID_TARGET', 'The target proportion must be a number from 0 to 1.', { target: String(targetProportion) });
  }
  checkCount(denominator, 'denominator', 'target');
  if (denominator === 0) throw new DomainError('FUNNEL_ZERO_DENOMINATOR', 'Funnel limits need a denominator above 0.', { denominator });
  return scaled(proportionLimits(targetProportion, denominator), denominator, checkedUnit(unit) === 'PERCENTAGE' ? 100 : 1);
}

function proportionLimits(target: number, denominator: number): ProportionLimits {
  // Normal approximation to the binomial under the target (Spiegelhalter 2005, proportions).
  const standardError = Math.sqrt((target * (1 - target)) / denominator);
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  return {
    lower95: clamp(target - Z_95 * standardError),
    upper95: clamp(target + Z_95 * standardError),
    lower998: clamp(target - Z_998 * standardError),
    upper998: clamp(target + Z_998 * standardError),
  };
}

function positionOf(proportion: number, limits: ProportionLimits): FunnelPosition {
  if (proportion > limits.upper998) return 'ABOVE_998';
  if (proportion > limits.upper95) return 'ABOVE_95';
  if (proportion < limits.lower998) return 'BELOW_998';
  if (proportion < limits.lower95) return 'BELOW_95';
  return 'WITHIN';
}

function favourability(position: FunnelPosition, polarity: ComparisonPolarity): boolean | null {
  if (position === 'WITHIN' || polarity === 'NEUTRAL') return null;
  const above = position === 'ABOVE_95' || position === 'ABOVE_998';
  return polarity === 'HIGHER_IS_BETTER' ? above : !above;
}

function scaled(limits: ProportionLimits, denominator: number, scale: number): FunnelLimits {
  return {
    denominator,
    lower95: limits.lower95 * scale,
    upper95: limits.upper95 * scale,
    lower998: limits.lower998 * scale,
    upper998: limits.upper998 * scale,
  };
}

/**
 * `count` whole denominators from `smallest` to `largest`, spaced evenly on a log scale (where a
 * funnel bends most) and rounded to whole numbers; both ends are always included, repeats dropped.
 */
function curveDenominators(smallest: number, largest: number, count: number): number[] {
  if (smallest === largest || count === 1) return smallest === largest ? [smallest] : [smallest, largest];
  const ratio = largest / smallest;
  const denominators = new Set<number>([smallest]);
  for (let i = 1; i < count - 1; i += 1) denominators.add(Math.round(smallest * ratio ** (i / (count - 1))));
  denominators.add(largest);
  return [...denominators].sort((a, b) => a - b);
}

function checkUnit(u: FunnelPlotUnit): void {
  checkCount(u.numerator, 'numerator', u.key);
  checkCount(u.denominator, 'denominator', u.key);
  if (u.denominator === 0) {
    throw new DomainError('FUNNEL_ZERO_DENOMINATOR', `"${u.key}" has no denominator: its proportion is undefined.`, { key: u.key });
  }
  if (u.numerator > u.denominator) {
    throw new DomainError('FUNNEL_NUMERATOR_EXCEEDS_DENOMINATOR', `The numerator of "${u.key}" exceeds its denominator.`, {
      key: u.key,
      numerator: u.numerator,
      denominator: u.denominator,
    });
  }
}

/** Proportions here are counts of people or events: whole numbers, 0 or more. */
function checkCount(value: number, field: string, key: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('FUNNEL_INVALID_COUNT', `The ${field} of "${key}" must be a whole number, 0 or more.`, { key, field, value: String(value) });
  }
}

function checkedUnit(unit: FunnelUnit): FunnelUnit {
  if (!(FUNNEL_UNITS as readonly string[]).includes(unit)) {
    throw new DomainError('FUNNEL_INVALID_UNIT', `Unknown unit "${String(unit)}".`, { unit, known: [...FUNNEL_UNITS] });
  }
  return unit;
}

function checkedCurvePoints(points: number): number {
  if (!Number.isInteger(points) || points < 1 || points > MAX_FUNNEL_CURVE_POINTS) {
    throw new DomainError('FUNNEL_INVALID_CURVE_POINTS', `The curve takes from 1 to ${MAX_FUNNEL_CURVE_POINTS} points.`, { curvePoints: points });
  }
  return points;
}
