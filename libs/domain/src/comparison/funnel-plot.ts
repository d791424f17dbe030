import { DomainError } from '../errors';
import { checkedPolarity, checkUniqueKeys } from './checks';
import {
  DEFAULT_FUNNEL_CURVE_POINTS,
  FUNNEL_ADJUSTMENTS,
  FUNNEL_UNITS,
  FUNNEL_Z_95,
  FUNNEL_Z_998,
  MAX_FUNNEL_CURVE_POINTS,
  type ComparisonPolarity,
  type FunnelAdjustment,
  type FunnelLimits,
  type FunnelPlot,
  type FunnelPlotInput,
  type FunnelPlotPoint,
  type FunnelPlotUnit,
  type FunnelPosition,
  type FunnelUnit,
} from './comparison-vocabulary';
import { estimateOverdispersion, funnelZScore, transformedStandardError, transformedTarget } from './overdispersion';

/** Limits as proportions (0 to 1), before they are reported in the plot's unit. */
interface ProportionLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * A funnel plot of proportions for comparing providers, as FunnelPlotR 0.6.0 draws one for proportions
 * (Spiegelhalter 2005; RULES.md in this folder): the target p̄ = Σ numerators / Σ denominators; each
 * proportion's z-score on the arcsine-square-root scale; the over-dispersion factor φ from the z-scores
 * winsorised at 10%; the between-provider variance τ²; and limits sin²(asin √p̄ ± z √(1 / (4n) + τ²)) at
 * each denominator n, for 95% (z = 1.959964) and 99.8% (z = 3.090232), within [0, 1]. τ² widens the
 * limits only when ADDITIVE_RANDOM_EFFECTS is asked for (the default) and φ exceeds 1; otherwise the limits
 * are those of sampling error alone. Each provider's proportion is placed against the limits at its own
 * denominator: beyond a limit means strictly beyond it (a proportion exactly on a limit is within). Values
 * and limits are reported in the unit asked for (percentages by default: × 100); positions are decided on
 * the proportions themselves, before scaling.
 *
 * @throws DomainError FUNNEL_NO_UNITS, FUNNEL_INVALID_COUNT, FUNNEL_ZERO_DENOMINATOR,
 *   FUNNEL_NUMERATOR_EXCEEDS_DENOMINATOR (details: key), COMPARISON_DUPLICATE_KEY,
 *   COMPARISON_INVALID_POLARITY, FUNNEL_INVALID_UNIT, FUNNEL_INVALID_CURVE_POINTS, FUNNEL_INVALID_ADJUSTMENT
 */
export function analyseFunnelPlot(input: FunnelPlotInput): FunnelPlot {
  const polarity = checkedPolarity(input.polarity);
  const unit = checkedUnit(input.unit ?? 'PERCENTAGE');
  const curvePoints = checkedCurvePoints(input.curvePoints ?? DEFAULT_FUNNEL_CURVE_POINTS);
  const adjustment = checkedAdjustment(input.adjustment ?? 'ADDITIVE_RANDOM_EFFECTS');
  if (input.units.length === 0) throw new DomainError('FUNNEL_NO_UNITS', 'A funnel plot needs at least one provider.');
  input.units.forEach(checkUnit);
  checkUniqueKeys(input.units.map((u) => u.key));

  const totalNumerator = input.units.reduce((sum, u) => sum + u.numerator, 0);
  const totalDenominator = input.units.reduce((sum, u) => sum + u.denominator, 0);
  const target = totalNumerator / totalDenominator;
  const scale = unit === 'PERCENTAGE' ? 100 : 1;
  const overdispersion = estimateOverdispersion(input.units, target);
  // FunnelPlotR draws the adjusted limits only when φ > 1 ("No overdispersion detected": R/funnel_plot.R).
  const adjusted = adjustment === 'ADDITIVE_RANDOM_EFFECTS' && overdispersion.phi > 1;
  const tau2 = adjusted ? overdispersion.tau2 : 0;

  const points = input.units.map((u): FunnelPlotPoint => {
    const proportion = u.numerator / u.denominator;
    const limits = proportionLimits(target, u.denominator, tau2);
    const position = positionOf(proportion, limits);
    return {
      key: u.key,
      numerator: u.numerator,
      denominator: u.denominator,
      value: proportion * scale,
      limits: scaled(limits, u.denominator, scale),
      zScore: funnelZScore(u, target),
      position,
      favourable: favourability(position, polarity),
    };
  });

  const denominators = input.units.map((u) => u.denominator);
  const curve = curveDenominators(Math.min(...denominators), Math.max(...denominators), curvePoints).map((n) =>
    scaled(proportionLimits(target, n, tau2), n, scale),
  );
  return { unit, target: target * scale, totalNumerator, totalDenominator, points, curve, adjustment, adjusted, overdispersion };
}

/**
 * The funnel limits at one denominator around a target proportion (0 to 1), reported in `unit`, widened by a
 * between-provider variance `tau2` on the arcsine-square-root scale (0, the default: sampling error alone).
 * @throws DomainError FUNNEL_INVALID_TARGET, FUNNEL_INVALID_COUNT, FUNNEL_ZERO_DENOMINATOR, FUNNEL_INVALID_UNIT, FUNNEL_INVALID_TAU2
 */
export function calculateFunnelLimits(targetProportion: number, denominator: number, unit: FunnelUnit = 'PERCENTAGE', tau2 = 0): FunnelLimits {
  if (typeof targetProportion !== 'number' || !(targetProportion >= 0 && targetProportion <= 1)) {
    throw new DomainError('FUNNEL_INVALID_TARGET', 'The target proportion must be a number from 0 to 1.', { target: String(targetProportion) });
  }
  checkCount(denominator, 'denominator', 'target');
  if (denominator === 0) throw new DomainError('FUNNEL_ZERO_DENOMINATOR', 'Funnel limits need a denominator above 0.', { denominator });
  if (typeof tau2 !== 'number' || !Number.isFinite(tau2) || tau2 < 0) {
    throw new DomainError('FUNNEL_INVALID_TAU2', 'The between-provider variance must be a finite number, 0 or more.', { tau2: String(tau2) });
  }
  return scaled(proportionLimits(targetProportion, denominator, tau2), denominator, checkedUnit(unit) === 'PERCENTAGE' ? 100 : 1);
}

function proportionLimits(target: number, denominator: number, tau2: number): ProportionLimits {
  // On the arcsine-square-root scale the sampling variance is 1 / (4n) whatever the proportion; τ² adds the
  // between-provider variance (FunnelPlotR R/calculate_limits.R, data_type "PR").
  const centre = transformedTarget(target);
  const spread = Math.sqrt(transformedStandardError(denominator) ** 2 + tau2);
  // Back-transformed by sin²; an angle beyond [0, π/2] would fold back, so it is held at the end it passed and the
  // limit is 0 or 1 (FunnelPlotR sets such limits to 0 or 1 where its curve stops being monotonic).
  const back = (angle: number) => Math.sin(Math.min(Math.PI / 2, Math.max(0, angle))) ** 2;
  return {
    lower95: back(centre - FUNNEL_Z_95 * spread),
    upper95: back(centre + FUNNEL_Z_95 * spread),
    lower998: back(centre - FUNNEL_Z_998 * spread),
    upper998: back(centre + FUNNEL_Z_998 * spread),
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

function checkedAdjustment(adjustment: FunnelAdjustment): FunnelAdjustment {
  if (!(FUNNEL_ADJUSTMENTS as readonly string[]).includes(adjustment)) {
    throw new DomainError('FUNNEL_INVALID_ADJUSTMENT', `Unknown adjustment "${String(adjustment)}".`, { adjustment, known: [...FUNNEL_ADJUSTMENTS] });
  }
  return adjustment;
}

function checkedCurvePoints(points: number): number {
  if (!Number.isInteger(points) || points < 1 || points > MAX_FUNNEL_CURVE_POINTS) {
    throw new DomainError('FUNNEL_INVALID_CURVE_POINTS', `The curve takes from 1 to ${MAX_FUNNEL_CURVE_POINTS} points.`, { curvePoints: points });
  }
  return points;
}
