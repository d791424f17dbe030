import * as money from '.';

describe('money public surface', () => {
  it('exports Money, Percentage and the named rounding rules', () => {
    expect(money.Money.parse('1').toString()).toBe('1.00');
    expect(money.Percentage.parse('1').toString()).toBe('1');
    expect(money.ROUNDING_RULES).toEqual(['HALF_AWAY_FROM_ZERO', 'HALF_EVEN', 'DOWN', 'UP']);
    expect(money.divideRounded(5n, 2n, 'HALF_EVEN')).toBe(2n);
    expect(money.isRoundingRule('DOWN')).toBe(true);
    expect([money.PERCENT_MAX_DECIMALS, money.PERCENTAGE_MAX_DECIMALS]).toEqual([12, 12]);
  });
});
