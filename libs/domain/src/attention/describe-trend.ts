import type { ImprovementDirection } from '../spc';
import { TREND_POINTS, type AttentionTrend } from './attention-vocabulary';

/**
 * The direction of a series' last TREND_POINTS values (oldest first; earlier values are ignored), in words a
 * commissioning manager reads: each value strictly higher than the one before is a rise, each strictly lower a fall,
 * anything else (a level step, or a step back) has no clear direction. A rise is IMPROVING where higher is better
 * (INCREASE) and WORSENING where lower is better (DECREASE); for NEUTRAL series it stays RISING or FALLING. This is
 * a description of the latest points, not an SPC rule: the SPC trend rule needs seven points and shows in the
 * variation icon. Null with fewer than TREND_POINTS values (too few to say).
 */
export function describeTrend(values: readonly number[], direction: ImprovementDirection): AttentionTrend | null {
  if (values.length < TREND_POINTS) return null;
  const last = values.slice(-TREND_POINTS);
  const steps = last.slice(1).map((value, i) => value - last[i]);
  const rising = steps.every((step) => step > 0);
  const falling = steps.every((step) => step < 0);
  if (!rising && !falling) return 'NO_CLEAR_DIRECTION';
  if (direction === 'NEUTRAL') return rising ? 'RISING' : 'FALLING';
  return rising === (direction === 'INCREASE') ? 'IMPROVING' : 'WORSENING';
}
