import { describeTrend } from './describe-trend';

describe('describeTrend: the direction of the last three values in words', () => {
  it.each([
    // values (oldest first), improvement direction, trend
    [[70, 72, 75], 'INCREASE', 'IMPROVING'],
    [[75, 72, 70], 'INCREASE', 'WORSENING'],
    [[70, 72, 75], 'DECREASE', 'WORSENING'],
    [[75, 72, 70], 'DECREASE', 'IMPROVING'],
    [[70, 72, 75], 'NEUTRAL', 'RISING'],
    [[75, 72, 70], 'NEUTRAL', 'FALLING'],
    [[70, 75, 72], 'INCREASE', 'NO_CLEAR_DIRECTION'],
    [[70, 70, 75], 'INCREASE', 'NO_CLEAR_DIRECTION'],
    [[72, 72, 72], 'NEUTRAL', 'NO_CLEAR_DIRECTION'],
  ] as const)('reads %j with direction %s as %s', (values, direction, trend) => {
    expect(describeTrend(values, direction)).toBe(trend);
  });

  it('reads only the last three values of a longer series', () => {
    expect(describeTrend([90, 60, 70, 72, 75], 'INCREASE')).toBe('IMPROVING');
    expect(describeTrend([60, 90, 80, 79, 78], 'INCREASE')).toBe('WORSENING');
  });

  it('says nothing (null) with fewer than three values', () => {
    expect(describeTrend([], 'INCREASE')).toBeNull();
    expect(describeTrend([70, 72], 'INCREASE')).toBeNull();
  });
});
