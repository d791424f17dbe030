import fc from 'fast-check';
import { meanLikeR } from './mean-like-r';

describe('meanLikeR', () => {
  it('is NaN for no values, as R mean(numeric(0))', () => {
    expect(meanLikeR([])).toBeNaN();
  });

  it('is the value itself for one value and the exact quotient when it is representable', () => {
    expect(meanLikeR([2.5])).toBe(2.5);
    expect(meanLikeR([10, 12, 11, 13, 12])).toBe(11.6);
    expect(meanLikeR([1867781, 2070340, 1958802])).toBe(5896923 / 3);
  });

  it('rounds the exact mean once, as R does: mean(c(0.1, 0.2, 0.3)) is 0.2, not (0.1 + 0.2 + 0.3) / 3', () => {
    // The doubles sum exactly to 0.600000000000000005551…; a third of it is nearest the double 0.2.
    // Summing in doubles first gives 0.6000000000000001 and a quotient one unit in the last place higher.
    expect((0.1 + 0.2 + 0.3) / 3).toBe(0.20000000000000004);
    expect(meanLikeR([0.1, 0.2, 0.3])).toBe(0.2);
  });

  it('keeps small values that a double sum would absorb, as R long double accumulation does', () => {
    // R: mean(c(1e16, 1, -1e16)) == 1/3; a double sum gives (1e16 + 1) = 1e16, so 0.
    expect((1e16 + 1 - 1e16) / 3).toBe(0);
    expect(meanLikeR([1e16, 1, -1e16])).toBe(1 / 3);
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
        const reversed = [...xs].reverse();
        expect(meanLikeR(reversed)).toBe(meanLikeR(xs));
      }),
    );
  });

  it('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
        const mean = meanLikeR(xs);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(mean).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });
});
