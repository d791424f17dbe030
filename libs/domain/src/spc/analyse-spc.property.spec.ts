import fc from 'fast-check';
import { analyseSpc } from './analyse-spc';
import { CLOSE_TO_LIMIT_FACTOR, LIMIT_FACTOR } from './process-limits';
import { IMPROVEMENT_DIRECTIONS, SHORT_GROUP_MINIMUM_POINTS } from './spc-vocabulary';
import type { ImprovementDirection, SpcAnalysis, SpcPoint, SpecialCauseType } from './spc-vocabulary';

const month = (i: number): string => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

function chart(
  values: readonly number[],
  improvementDirection: ImprovementDirection = 'INCREASE',
  rebaseAt: readonly number[] = [],
  target: number | null = null,
): SpcAnalysis {
  return analyseSpc({
    points: values.map((value, i) => ({ period: month(i), value })),
    improvementDirection,
    rebaseDates: rebaseAt.map(month),
    target,
  });
}

const series = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 });
/** Values that are all different: no ties, so no trend can meet another on a flat step. */
const distinctSeries = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 });
/** Small steps around a level, so that runs, trends and 2-of-3 happen often. */
const walk = fc
  .array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 })
  .map((steps) => steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0)));
const anySeries = fc.oneof(series, walk);
const direction = fc.constantFrom(...IMPROVEMENT_DIRECTIONS);

const MIRROR: Record<SpecialCauseType, SpecialCauseType> = {
  COMMON_CAUSE: 'COMMON_CAUSE',
  ABOVE_UPPER_LIMIT: 'BELOW_LOWER_LIMIT',
  BELOW_LOWER_LIMIT: 'ABOVE_UPPER_LIMIT',
  TREND_INCREASING: 'TREND_DECREASING',
  TREND_DECREASING: 'TREND_INCREASING',
  TWO_OF_THREE_ABOVE: 'TWO_OF_THREE_BELOW',
  TWO_OF_THREE_BELOW: 'TWO_OF_THREE_ABOVE',
  SHIFT_ABOVE: 'SHIFT_BELOW',
  SHIFT_BELOW: 'SHIFT_ABOVE',
};
const OPPOSITE: Record<ImprovementDirection, ImprovementDirection> = {
  INCREASE: 'DECREASE',
  DECREASE: 'INCREASE',
  NEUTRAL: 'NEUTRAL',
};

/** True when a value is within `epsilon` of a threshold its group compares it with (not the mean). */
function nearAThreshold(point: SpcPoint, epsilon: number): boolean {
  if (point.lowerProcessLimit === null || point.upperProcessLimit === null) return false;
  const averageMovingRange = (point.upperProcessLimit - point.mean) / LIMIT_FACTOR;
  const near = CLOSE_TO_LIMIT_FACTOR * averageMovingRange;
  return [point.lowerProcessLimit, point.upperProcessLimit, point.mean - near, point.mean + near].some(
    (threshold) => Math.abs(point.value - threshold) < epsilon,
  );
}

describe('analyseSpc properties', () => {
  it('mirrors exactly when the values are negated and the direction reversed', () => {
    fc.assert(
      fc.property(fc.oneof(distinctSeries, distinctSeries.map((xs) => xs.map((x) => x / 7))), direction, (xs, dir) => {
        const original = chart(xs, dir);
        const mirrored = chart(
          xs.map((x) => -x),
          OPPOSITE[dir],
        );
        mirrored.points.forEach((m, i) => {
          const o = original.points[i];
          // `+ 0` and `0 -`: a mean of zero mirrors to zero, not to -0.
          expect(m.mean + 0).toBe(0 - o.mean);
          expect(m.lowerProcessLimit === null ? null : m.lowerProcessLimit + 0).toBe(o.upperProcessLimit === null ? null : 0 - o.upperProcessLimit);
          expect(m.closeToLimits).toBe(o.closeToLimits);
          expect(m.specialCauseType).toBe(MIRROR[o.specialCauseType]);
          if (dir !== 'NEUTRAL') expect(m.pointType).toBe(o.pointType);
        });
      }),
    );
  });

  it('scales every number and keeps every label when the values are multiplied by a power of two', () => {
    fc.assert(
      fc.property(anySeries, fc.integer({ min: -20, max: 20 }), direction, (xs, exponent, dir) => {
        const factor = 2 ** exponent;
        const original = chart(xs, dir);
        const scaled = chart(
          xs.map((x) => x * factor),
          dir,
        );
        scaled.points.forEach((s, i) => {
          const o = original.points[i];
          expect(s.mean).toBe(o.mean * factor);
          expect(s.upperProcessLimit).toBe(o.upperProcessLimit === null ? null : o.upperProcessLimit * factor);
          expect([s.closeToLimits, s.specialCauseType, s.pointType]).toEqual([
            o.closeToLimits,
            o.specialCauseType,
            o.pointType,
          ]);
        });
      }),
    );
  });

  it('shifts the mean and limits by a constant added to every value and keeps every special cause', () => {
    fc.assert(
      fc.property(anySeries, fc.integer({ min: -1_000_000, max: 1_000_000 }), direction, (xs, shift, dir) => {
        const original = chart(xs, dir);
        const shifted = chart(
          xs.map((x) => x + shift),
          dir,
        );
        // A value within a hair of a limit may fall either side once rounded differently: skip those.
        fc.pre(!original.points.some((p) => nearAThreshold(p, 1e-6)));
        shifted.points.forEach((s, i) => {
          const o = original.points[i];
          expect(Math.abs(s.mean - (o.mean + shift))).toBeLessThanOrEqual(1e-9);
          if (o.lowerProcessLimit === null) expect(s.lowerProcessLimit).toBeNull();
          else expect(Math.abs((s.lowerProcessLimit as number) - (o.lowerProcessLimit + shift))).toBeLessThanOrEqual(1e-9);
          expect([s.closeToLimits, s.specialCauseType, s.pointType]).toEqual([
            o.closeToLimits,
            o.specialCauseType,
            o.pointType,
          ]);
        });
      }),
    );
  });

  it('does not depend on the order the points are given in', () => {
    fc.assert(
      fc.property(
        anySeries.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray([...xs.keys()], { minLength: xs.length, maxLength: xs.length })),
        ),
        ([xs, order]) => {
          const shuffled = analyseSpc({
            points: order.map((i) => ({ period: month(i), value: xs[i] })),
            improvementDirection: 'INCREASE',
          });
          expect(shuffled).toEqual(chart(xs));
        },
      ),
    );
  });

  it('treats each rebase group exactly as a chart of its own points', () => {
    fc.assert(
      fc.property(
        anySeries.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, xs.length - 1) }), { maxLength: 4 })),
        ),
        direction,
        ([xs, cuts], dir) => {
          const starts = [...cuts].filter((c) => c < xs.length).sort((a, b) => a - b);
          const rebased = chart(xs, dir, starts);
          const bounds = [0, ...starts, xs.length];
          for (let g = 0; g + 1 < bounds.length; g += 1) {
            const alone = chart(xs.slice(bounds[g], bounds[g + 1]), dir);
            const inGroup = rebased.points.slice(bounds[g], bounds[g + 1]);
            expect(inGroup.map((p) => p.rebaseGroup)).toEqual(inGroup.map(() => g));
            expect(inGroup.map(({ period: _p, rebaseGroup: _r, ...rest }) => rest)).toEqual(
              alone.points.map(({ period: _p, rebaseGroup: _r, ...rest }) => rest),
            );
          }
          const shortest = Math.min(...bounds.slice(1).map((b, g) => b - bounds[g]));
          expect(rebased.shortGroupWarning).toBe(shortest < SHORT_GROUP_MINIMUM_POINTS);
        },
      ),
    );
  });

  it('keeps its invariants: symmetric limits, consistent flags and verdicts', () => {
    fc.assert(
      fc.property(
        fc.oneof(anySeries, fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 })),
        direction,
        fc.option(fc.integer({ min: -1000, max: 1000 })),
        (xs, dir, target) => {
          const analysis = chart(xs, dir, [], target);
          for (const p of analysis.points) {
            const outside = p.specialCauseType === 'ABOVE_UPPER_LIMIT' || p.specialCauseType === 'BELOW_LOWER_LIMIT';
            if (p.lowerProcessLimit === null || p.upperProcessLimit === null) {
              expect(p.upperProcessLimit).toBe(p.lowerProcessLimit);
              expect(p.specialCauseType).toBe('COMMON_CAUSE');
            } else {
              const scale = Math.max(1, Math.abs(p.mean), p.upperProcessLimit - p.mean);
              expect(Math.abs(p.upperProcessLimit - p.mean - (p.mean - p.lowerProcessLimit))).toBeLessThanOrEqual(
                1e-12 * scale,
              );
              expect(p.lowerProcessLimit).toBeLessThanOrEqual(p.mean);
              expect(outside).toBe(p.value > p.upperProcessLimit || p.value < p.lowerProcessLimit);
            }
            if (p.closeToLimits) expect(outside).toBe(false);
            expect(p.specialCauseType === 'COMMON_CAUSE').toBe(p.pointType === 'COMMON_CAUSE');
            expect(p.target).toBe(target);
          }
          expect(analysis.variationType).toBe(analysis.points[analysis.points.length - 1].pointType);
          expect(analysis.assuranceType === null).toBe(target === null || dir === 'NEUTRAL');
          expect(analysis.shortGroupWarning).toBe(xs.length < SHORT_GROUP_MINIMUM_POINTS);
        },
      ),
    );
  });
});
