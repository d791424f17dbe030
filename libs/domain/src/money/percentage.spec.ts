import fc from 'fast-check';
import { Percentage } from './percentage';

describe('Percentage', () => {
  it.each([
    ['1', '1', 1n, 100n],
    ['0.5', '0.5', 5n, 1000n],
    ['2.5', '2.5', 25n, 1000n],
    ['2.50', '2.5', 25n, 1000n],
    ['3.5', '3.5', 35n, 1000n],
    ['100', '100', 100n, 100n],
    ['0', '0', 0n, 100n],
    ['0.000', '0', 0n, 100n],
    ['-1.25', '-1.25', -125n, 10000n],
    ['007', '7', 7n, 100n],
  ])('parses %p exactly as %p%% (%p / %p of one)', (text, canonical, numerator, denominator) => {
    const p = Percentage.parse(text);
    expect(p.toString()).toBe(canonical);
    expect(p.fraction).toEqual({ numerator, denominator });
  });

  it.each(['', ' ', '2.5%', '1e2', '+1', '.5', '5.', '1,000', ' 1', 'one', '0.1234567890123', '--1', '1.2.3'])(
    'rejects %p with INVALID_PERCENTAGE',
    (text) => {
      expect(() => Percentage.parse(text)).toThrow(expect.objectContaining({ code: 'INVALID_PERCENTAGE' }));
    },
  );

  it('rejects a value that is not text with INVALID_PERCENTAGE', () => {
    expect(() => Percentage.parse(2.5 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_PERCENTAGE' }));
  });

  it('accepts twelve decimal places', () => {
    expect(Percentage.parse('0.000000000001').fraction).toEqual({ numerator: 1n, denominator: 10n ** 14n });
  });

  it('adds, subtracts and compares exactly: 1% + 0.5% + 2% is 3.5%', () => {
    const total = Percentage.parse('1').plus(Percentage.parse('0.5')).plus(Percentage.parse('2'));
    expect(total.equals(Percentage.parse('3.5'))).toBe(true);
    expect(Percentage.HUNDRED.minus(Percentage.parse('10')).toString()).toBe('90');
    expect(Percentage.parse('0.1').plus(Percentage.parse('0.2')).toString()).toBe('0.3');
    expect(Percentage.parse('2').compare(Percentage.parse('2.5'))).toBe(-1);
    expect(Percentage.parse('2.5').compare(Percentage.parse('2'))).toBe(1);
    expect(Percentage.parse('2.50').compare(Percentage.parse('2.5'))).toBe(0);
    expect(Percentage.parse('-3').negate().toString()).toBe('3');
  });

  it('tells whether it lies between two bounds, inclusive', () => {
    expect(Percentage.parse('0').isBetween(Percentage.ZERO, Percentage.HUNDRED)).toBe(true);
    expect(Percentage.parse('100').isBetween(Percentage.ZERO, Percentage.HUNDRED)).toBe(true);
    expect(Percentage.parse('100.0001').isBetween(Percentage.ZERO, Percentage.HUNDRED)).toBe(false);
    expect(Percentage.parse('-0.1').isBetween(Percentage.ZERO, Percentage.HUNDRED)).toBe(false);
  });

  it('serialises to its decimal text in JSON', () => {
    expect(JSON.stringify({ surplus: Percentage.parse('1.0') })).toBe('{"surplus":"1"}');
  });

  it('is immutable', () => {
    const p = Percentage.parse('1');
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('round-trips its own text and keeps a lowest form', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (units, scale) => {
        const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
        const text = `${units < 0n ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? '.' + digits.slice(digits.length - scale) : ''}`;
        const p = Percentage.parse(text);
        expect(Percentage.parse(p.toString())).toEqual(p);
        expect(p.toString().includes('.') ? !p.toString().endsWith('0') : true).toBe(true);
      }),
    );
  });
});
