import fc from 'fast-check';
import { DomainError } from '../errors';
import { divideRounded, isRoundingRule, RoundingRule, ROUNDING_RULES } from './rounding';

describe('divideRounded', () => {
  // [numerator, denominator, HALF_AWAY_FROM_ZERO, HALF_EVEN, DOWN, UP]
  const cases: [bigint, bigint, bigint, bigint, bigint, bigint][] = [
    [5n, 2n, 3n, 2n, 2n, 3n], //  2.5
    [7n, 2n, 4n, 4n, 3n, 4n], //  3.5
    [-5n, 2n, -3n, -2n, -2n, -3n], // -2.5
    [-7n, 2n, -4n, -4n, -3n, -4n], // -3.5
    [5n, -2n, -3n, -2n, -2n, -3n], // -2.5 with the sign on the denominator
    [-5n, -2n, 3n, 2n, 2n, 3n], //  2.5 from two negatives
    [29n, 10n, 3n, 3n, 2n, 3n], //  2.9
    [21n, 10n, 2n, 2n, 2n, 3n], //  2.1
    [-21n, 10n, -2n, -2n, -2n, -3n], // -2.1
    [1n, 3n, 0n, 0n, 0n, 1n], //  0.333…
    [-1n, 3n, 0n, 0n, 0n, -1n], // -0.333…
    [1n, 2n, 1n, 0n, 0n, 1n], //  0.5: half to even is 0
    [6n, 3n, 2n, 2n, 2n, 2n], //  exact
    [0n, 7n, 0n, 0n, 0n, 0n], //  zero
  ];
  it.each(cases)('rounds %p / %p by each named rule', (n, d, halfAway, halfEven, down, up) => {
    expect(divideRounded(n, d, 'HALF_AWAY_FROM_ZERO')).toBe(halfAway);
    expect(divideRounded(n, d, 'HALF_EVEN')).toBe(halfEven);
    expect(divideRounded(n, d, 'DOWN')).toBe(down);
    expect(divideRounded(n, d, 'UP')).toBe(up);
  });

  it('throws DIVISION_BY_ZERO for a zero denominator', () => {
    expect(() => divideRounded(1n, 0n, 'DOWN')).toThrow(expect.objectContaining({ code: 'DIVISION_BY_ZERO' }));
  });

  it('throws UNKNOWN_ROUNDING_RULE for a rule name it does not know', () => {
    const attempt = () => divideRounded(1n, 2n, 'BANKERS' as RoundingRule);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'UNKNOWN_ROUNDING_RULE' }));
  });

  it('recognises exactly the named rules', () => {
    expect(ROUNDING_RULES.every(isRoundingRule)).toBe(true);
    expect(isRoundingRule('HALF_UP')).toBe(false);
  });

  it('lands within one unit of the exact quotient, and within a half for the nearest rules', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt().filter((d) => d !== 0n), fc.constantFrom(...ROUNDING_RULES), (n, d, rule) => {
        const q = divideRounded(n, d, rule);
        // |q - n/d| = |q*d - n| / |d|
        const error = q * d - n;
        const absError = error < 0n ? -error : error;
        const absD = d < 0n ? -d : d;
        expect(absError < absD).toBe(true);
        if (rule === 'HALF_AWAY_FROM_ZERO' || rule === 'HALF_EVEN') expect(2n * absError <= absD).toBe(true);
      }),
    );
  });

  it('is symmetric under negation for every rule', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(...ROUNDING_RULES), (n, d, rule) => {
        expect(divideRounded(-n, d, rule)).toBe(-divideRounded(n, d, rule));
      }),
    );
  });
});
