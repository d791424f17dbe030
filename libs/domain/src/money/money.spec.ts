import fc from 'fast-check';
import { Money } from './money';
import { Percentage } from './percentage';
import { ROUNDING_RULES } from './rounding';

const m = (text: string) => Money.parse(text);
const pct = (text: string) => Percentage.parse(text);
const anyMoney = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((p) => Money.fromPence(p));

describe('Money.parse and the wire format', () => {
  it.each(['1000000000000', '1000000000000.00', '-1000000000000', '92233720368547758.07', '123456789012345678901234567890.12'])(
    'refuses %p as input (parseStorable), beyond what the database keeps (numeric(14,2)), as MONEY_OUT_OF_RANGE',
    (text) => {
      expect(m(text).toString()).toMatch(/^-?\d+\.\d\d$/);
      expect(() => Money.parseStorable(text)).toThrow(expect.objectContaining({ code: 'MONEY_OUT_OF_RANGE', details: expect.objectContaining({ max: '999999999999.99' }) }));
    },
  );

  it.each(['999999999999.99', '-999999999999.99', '-0', '-0.00'])('takes %p as input (parseStorable)', (text) => {
    expect(Money.parseStorable(text).toString()).toBe(m(text).toString());
  });

  it('holds amounts not read from text to the same bound on request, naming the field', () => {
    expect(Money.fromPence(99_999_999_999_999n).requireStorable('allocation').toString()).toBe('999999999999.99');
    expect(() => Money.fromPence(100_000_000_000_000n).requireStorable('allocation')).toThrow(
      expect.objectContaining({ code: 'MONEY_OUT_OF_RANGE', details: expect.objectContaining({ field: 'allocation' }) }),
    );
  });

  it.each([
    ['123456.78', 12345678n, '123456.78'],
    ['-5', -500n, '-5.00'],
    ['0.5', 50n, '0.50'],
    ['0.05', 5n, '0.05'],
    ['-0.05', -5n, '-0.05'],
    ['0', 0n, '0.00'],
    ['-0', 0n, '0.00'],
    ['-0.00', 0n, '0.00'],
    ['007.10', 710n, '7.10'],
    ['250000000', 25000000000n, '250000000.00'],
    ['92233720368547758.07', 9223372036854775807n, '92233720368547758.07'],
    ['123456789012345678901234567890.12', 12345678901234567890123456789012n, '123456789012345678901234567890.12'],
  ])('reads %p as %p pence and writes it back as %p', (text, pence, wire) => {
    const money = m(text);
    expect(money.pence).toBe(pence);
    expect(money.toString()).toBe(wire);
    expect(money.toJSON()).toBe(wire);
  });

  it.each(['', ' ', '1.234', '0.001', '£5', '5p', '1,000', '1e3', '+5', '.5', '5.', ' 5', '5 ', 'NaN', 'Infinity', '--5', '5-', '1.2.3', 'abc'])(
    'rejects %p with INVALID_MONEY',
    (text) => {
      expect(() => m(text)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY', details: { value: text } }));
    },
  );

  it('rejects a value that is not text with INVALID_MONEY (never a binary float)', () => {
    expect(() => Money.parse(0.1 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
  });

  it('serialises to the wire format inside JSON', () => {
    expect(JSON.stringify({ allocation: m('250000000') })).toBe('{"allocation":"250000000.00"}');
  });

  it('builds amounts from whole pence and whole pounds, bigint or safe integer', () => {
    expect(Money.fromPence(12345).toString()).toBe('123.45');
    expect(Money.fromPence(-1n).toString()).toBe('-0.01');
    expect(Money.fromPounds(5000).toString()).toBe('5000.00');
    expect(Money.fromPounds(-2n).toString()).toBe('-2.00');
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %p pence with INVALID_MONEY', (value) => {
    expect(() => Money.fromPence(value)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
    expect(() => Money.fromPounds(value)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
  });

  it('is immutable', () => {
    expect(Object.isFrozen(m('1'))).toBe(true);
  });

  it('round-trips any amount through its wire format', () => {
    fc.assert(
      fc.property(anyMoney, (money) => {
        expect(Money.parse(money.toString())).toEqual(money);
      }),
    );
  });

  it('writes any well-formed input back in canonical form, two decimals, same value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,20}(\.[0-9]{1,2})?$/), (text) => {
        const wire = Money.parse(text).toString();
        expect(wire).toMatch(/^-?(0|[1-9][0-9]*)\.[0-9]{2}$/);
        expect(Money.parse(wire)).toEqual(Money.parse(text));
      }),
    );
  });
});

describe('Money display', () => {
  it.each([
    ['123456.78', '£123,456.78'],
    ['-5', '-£5.00'],
    ['0', '£0.00'],
    ['0.5', '£0.50'],
    ['999', '£999.00'],
    ['1000', '£1,000.00'],
    ['-1234567.89', '-£1,234,567.89'],
    ['250000000', '£250,000,000.00'],
  ])('shows %p as %p', (text, display) => {
    expect(m(text).toDisplayString()).toBe(display);
  });
});

describe('Money arithmetic', () => {
  it('adds, subtracts, negates and takes magnitudes exactly', () => {
    expect(m('0.1').plus(m('0.2')).toString()).toBe('0.30');
    expect(m('5').minus(m('7.50')).toString()).toBe('-2.50');
    expect(m('5').negate().toString()).toBe('-5.00');
    expect(m('-5').abs().toString()).toBe('5.00');
    expect(m('5').abs().toString()).toBe('5.00');
    expect(m('5000').times(3).toString()).toBe('15000.00');
    expect(m('250').times(0n).toString()).toBe('0.00');
  });

  it('rejects a fractional multiplier with INVALID_ARGUMENT', () => {
    expect(() => m('5').times(1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('sums a list exactly, zero for none', () => {
    expect(Money.sum([m('0.1'), m('0.2'), m('-0.3')]).toString()).toBe('0.00');
    expect(Money.sum([]).equals(Money.ZERO)).toBe(true);
    expect(Money.sum(new Set([m('1'), m('2')])).toString()).toBe('3.00');
  });

  it('compares', () => {
    const [a, b] = [m('1.00'), m('1.01')];
    expect(a.compare(b)).toBe(-1);
    expect(b.compare(a)).toBe(1);
    expect(a.compare(m('1'))).toBe(0);
    expect(a.equals(m('1'))).toBe(true);
    expect(a.isLessThan(b) && a.isLessThanOrEqual(b) && a.isLessThanOrEqual(a)).toBe(true);
    expect(b.isGreaterThan(a) && b.isGreaterThanOrEqual(a) && b.isGreaterThanOrEqual(b)).toBe(true);
    expect(a.isGreaterThan(b) || b.isLessThan(a)).toBe(false);
    expect([Money.ZERO.isZero(), m('-1').isNegative(), m('1').isPositive()]).toEqual([true, true, true]);
    expect([Money.ZERO.isNegative(), Money.ZERO.isPositive(), a.isZero()]).toEqual([false, false, false]);
    expect(Money.max(a, b, m('-3')).toString()).toBe('1.01');
    expect(Money.min(a, b, m('-3')).toString()).toBe('-3.00');
    expect(Money.max(a).toString()).toBe('1.00');
  });

  it('obeys the laws of addition', () => {
    fc.assert(
      fc.property(anyMoney, anyMoney, anyMoney, (a, b, c) => {
        expect(a.plus(b)).toEqual(b.plus(a));
        expect(a.plus(b).plus(c)).toEqual(a.plus(b.plus(c)));
        expect(a.plus(Money.ZERO)).toEqual(a);
        expect(a.plus(b).minus(b)).toEqual(a);
        expect(a.minus(b)).toEqual(a.plus(b.negate()));
        expect(a.negate().negate()).toEqual(a);
        expect(a.plus(a.negate()).isZero()).toBe(true);
        expect(Money.sum([a, b, c])).toEqual(a.plus(b).plus(c));
        expect(a.compare(b)).toBe(-b.compare(a) || 0);
      }),
    );
  });
});

describe('Money.multiplyByPercentage', () => {
  // [amount, percentage, HALF_AWAY_FROM_ZERO, HALF_EVEN, DOWN, UP]
  it.each([
    // 1% of £1,234.50 is 1,234.5p exactly: the half penny shows each rule.
    ['1234.50', '1', '12.35', '12.34', '12.34', '12.35'],
    ['-1234.50', '1', '-12.35', '-12.34', '-12.34', '-12.35'],
    // 1% of £1,233.50 is 1,233.5p: half to even goes up this time.
    ['1233.50', '1', '12.34', '12.34', '12.33', '12.34'],
    // 0.5% of £0.01 is 0.005p.
    ['0.01', '0.5', '0.00', '0.00', '0.00', '0.01'],
    // 0.5% of £1.00 is exactly 0.5p.
    ['1', '0.5', '0.01', '0.00', '0.00', '0.01'],
    ['-1', '0.5', '-0.01', '-0.00', '-0.00', '-0.01'],
    // 2.5% of £123,456,789.00 is 308,641,972.5p exactly: a half penny on a realistic allocation.
    ['123456789.00', '2.5', '3086419.73', '3086419.72', '3086419.72', '3086419.73'],
    // 2.5% of £123,456,789.01 is 308,641,972.525p: past the half, so every nearest rule goes up.
    ['123456789.01', '2.5', '3086419.73', '3086419.73', '3086419.72', '3086419.73'],
    // Exact: 1% surplus, 0.5% contingency, 2% fund of a £250m allocation (seed 001, 2013/14 rules).
    ['250000000', '1', '2500000.00', '2500000.00', '2500000.00', '2500000.00'],
    ['250000000', '0.5', '1250000.00', '1250000.00', '1250000.00', '1250000.00'],
    ['250000000', '2', '5000000.00', '5000000.00', '5000000.00', '5000000.00'],
    ['250000000', '3.5', '8750000.00', '8750000.00', '8750000.00', '8750000.00'],
    // 90% of prior-year running costs (the 2015/16 10% reduction): 449,999,999.1p.
    ['4999999.99', '90', '4499999.99', '4499999.99', '4499999.99', '4500000.00'],
    ['3.33', '33.333333333333', '1.11', '1.11', '1.10', '1.11'],
    ['100', '0', '0.00', '0.00', '0.00', '0.00'],
    ['100', '-10', '-10.00', '-10.00', '-10.00', '-10.00'],
  ])('%p × %p%% is %p half away from zero, %p half even, %p down, %p up', (amount, percentage, halfAway, halfEven, down, up) => {
    const money = m(amount);
    const p = pct(percentage);
    expect(money.multiplyByPercentage(p, 'HALF_AWAY_FROM_ZERO').toString()).toBe(m(halfAway).toString());
    expect(money.multiplyByPercentage(p, 'HALF_EVEN').toString()).toBe(m(halfEven).toString());
    expect(money.multiplyByPercentage(p, 'DOWN').toString()).toBe(m(down).toString());
    expect(money.multiplyByPercentage(p, 'UP').toString()).toBe(m(up).toString());
  });

  it('rounds once: never more than half a penny from the exact product under HALF_AWAY_FROM_ZERO', () => {
    fc.assert(
      fc.property(anyMoney, fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.integer({ min: 0, max: 4 }), (money, units, scale) => {
        const digits = units.toString().padStart(scale + 1, '0');
        const p = pct(scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits);
        const { numerator, denominator } = p.fraction;
        const result = money.multiplyByPercentage(p, 'HALF_AWAY_FROM_ZERO').pence;
        const error = result * denominator - money.pence * numerator;
        expect(2n * (error < 0n ? -error : error) <= denominator).toBe(true);
        // and the rules are symmetric for negative amounts
        for (const rule of ROUNDING_RULES) {
          expect(money.negate().multiplyByPercentage(p, rule)).toEqual(money.multiplyByPercentage(p, rule).negate());
        }
      }),
    );
  });
});

describe('Money.asPercentageOf', () => {
  it.each([
    // [part, whole, decimals, rule, expected]
    ['8750000', '250000000', 2, 'HALF_AWAY_FROM_ZERO', '3.50'],
    ['1000000', '300000000', 2, 'HALF_AWAY_FROM_ZERO', '0.33'],
    ['2000000', '300000000', 2, 'HALF_AWAY_FROM_ZERO', '0.67'],
    ['2000000', '300000000', 2, 'DOWN', '0.66'],
    ['1', '8', 1, 'HALF_AWAY_FROM_ZERO', '12.5'],
    ['1', '8', 0, 'HALF_AWAY_FROM_ZERO', '13'],
    ['1', '8', 0, 'HALF_EVEN', '12'],
    ['-1', '8', 0, 'HALF_AWAY_FROM_ZERO', '-13'],
    ['16250000', '250000000', 2, 'HALF_AWAY_FROM_ZERO', '6.50'],
    ['0', '250000000', 2, 'HALF_AWAY_FROM_ZERO', '0.00'],
    ['0.01', '300000000', 2, 'HALF_AWAY_FROM_ZERO', '0.00'],
    ['-0.01', '300000000', 2, 'HALF_AWAY_FROM_ZERO', '0.00'],
    ['1', '3', 12, 'HALF_AWAY_FROM_ZERO', '33.333333333333'],
  ] as const)('%p of %p to %p places (%s) is %p%%', (part, whole, decimals, rule, expected) => {
    expect(m(part).asPercentageOf(m(whole), decimals, rule)).toBe(expected);
  });

  it('throws DIVISION_BY_ZERO for a zero whole', () => {
    expect(() => m('1').asPercentageOf(Money.ZERO, 2, 'HALF_AWAY_FROM_ZERO')).toThrow(
      expect.objectContaining({ code: 'DIVISION_BY_ZERO' }),
    );
  });

  it.each([-1, 1.5, 13, Number.NaN])('rejects %p decimal places with INVALID_ARGUMENT', (decimals) => {
    expect(() => m('1').asPercentageOf(m('2'), decimals, 'HALF_AWAY_FROM_ZERO')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('Money.split and Money.allocate', () => {
  it.each([
    ['10', 3, ['3.34', '3.33', '3.33']],
    ['-10', 3, ['-3.34', '-3.33', '-3.33']],
    ['0.02', 3, ['0.01', '0.01', '0.00']],
    ['100', 4, ['25.00', '25.00', '25.00', '25.00']],
    ['0', 2, ['0.00', '0.00']],
    ['1', 1, ['1.00']],
  ])('splits %p into %p parts as %p', (amount, parts, expected) => {
    expect(m(amount).split(parts).map(String)).toEqual(expected);
  });

  it.each([
    // £100 in ratios 1:1:1 → 33.33 each with 1p over, to the first.
    ['100', [1, 1, 1], ['33.34', '33.33', '33.33']],
    // Largest remainder, not first-come: £1.00 in 3:3:4 → 30, 30, 40 exact.
    ['1', [3, 3, 4], ['0.30', '0.30', '0.40']],
    // £0.05 in 1:2 → 1.667p / 3.333p: truncated 1p + 3p, the leftover penny to the 0.667 remainder.
    ['0.05', [1, 2], ['0.02', '0.03']],
    // £0.10 by the 2013/14 set-asides 1 : 0.5 : 2 (as 10 : 5 : 20) → 2.857p, 1.429p, 5.714p.
    ['0.10', [10n, 5n, 20n], ['0.03', '0.01', '0.06']],
    ['-0.05', [1, 2], ['-0.02', '-0.03']],
    ['7', [0, 1], ['0.00', '7.00']],
  ] as const)('allocates %p by %p as %p', (amount, ratios, expected) => {
    expect(m(amount).allocate(ratios).map(String)).toEqual(expected);
  });

  it.each([[[]], [[0, 0]], [[1, -1]], [[1.5]]] as const)('rejects ratios %p with INVALID_ALLOCATION', (ratios) => {
    expect(() => m('1').allocate(ratios)).toThrow(expect.objectContaining({ code: 'INVALID_ALLOCATION' }));
  });

  it.each([0, -1, 1.5])('rejects a split into %p parts with INVALID_ALLOCATION', (parts) => {
    expect(() => m('1').split(parts)).toThrow(expect.objectContaining({ code: 'INVALID_ALLOCATION' }));
  });

  it('splits into parts that add back to the whole, each within a penny of the others', () => {
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 1, max: 50 }), (money, parts) => {
        const shares = money.split(parts);
        expect(shares).toHaveLength(parts);
        expect(Money.sum(shares)).toEqual(money);
        const pence = shares.map((s) => s.pence);
        const spread = pence.reduce((a, b) => (a > b ? a : b)) - pence.reduce((a, b) => (a < b ? a : b));
        expect(spread <= 1n).toBe(true);
      }),
    );
  });

  it('allocates by ratios into parts that add back to the whole, each within a penny of its exact share', () => {
    fc.assert(
      fc.property(
        anyMoney,
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }).filter((r) => r.some((x) => x > 0n)),
        (money, ratios) => {
          const shares = money.allocate(ratios);
          expect(Money.sum(shares)).toEqual(money);
          const total = ratios.reduce((a, b) => a + b, 0n);
          shares.forEach((share, i) => {
            // |share - money × ratio / total| < 1p  ⇔  |share × total - money × ratio| < total
            const error = share.pence * total - money.pence * ratios[i];
            expect((error < 0n ? -error : error) < total).toBe(true);
          });
        },
      ),
    );
  });
});
