import { Money, Percentage } from '../money';
import { assessForecastVariance, DEFAULT_FORECAST_WARNING_THRESHOLD } from './forecast-variance';

const assess = (allocation: string, plannedSpend: string, forecastOutturn: string, thresholdPercent = '1') => {
  const result = assessForecastVariance({
    allocation: Money.parse(allocation),
    plannedSpend: Money.parse(plannedSpend),
    forecastOutturn: Money.parse(forecastOutturn),
    thresholdPercent: Percentage.parse(thresholdPercent),
  });
  return { variance: result.variance.toString(), warningThreshold: result.warningThreshold.toString(), warning: result.warning };
};

describe('forecast outturn against the approved plan', () => {
  it('defaults the warning threshold to 1% of allocation', () => {
    expect(DEFAULT_FORECAST_WARNING_THRESHOLD.toString()).toBe('1');
  });

  it.each([
    // allocation, planned spend, forecast, threshold %, variance, threshold £, warning
    ['favourable: forecast below plan', '250000000.00', '247500000.00', '247000000.00', '1', '-500000.00', '2500000.00', false],
    ['on plan', '250000000.00', '247500000.00', '247500000.00', '1', '0.00', '2500000.00', false],
    ['adverse, exactly at 1% of allocation: not above, no warning', '250000000.00', '247500000.00', '250000000.00', '1', '2500000.00', '2500000.00', false],
    ['adverse, one penny above 1% of allocation: warning', '250000000.00', '247500000.00', '250000000.01', '1', '2500000.01', '2500000.00', true],
    ['a configured 0.5% threshold', '250000000.00', '247500000.00', '248750000.01', '0.5', '1250000.01', '1250000.00', true],
    // 1% of £123,456.50 is 1,234.565: rounded once, half away from zero, to £1,234.57 (half even would give £1,234.56).
    ['a threshold of half a penny rounds away from zero: at £1,234.57, no warning', '123456.50', '100000.00', '101234.57', '1', '1234.57', '1234.57', false],
    ['a threshold of half a penny rounds away from zero: at £1,234.58, warning', '123456.50', '100000.00', '101234.58', '1', '1234.58', '1234.57', true],
    ['a zero threshold warns of any overspend', '1000.00', '990.00', '990.01', '0', '0.01', '0.00', true],
  ])('%s', (_case, allocation, planned, forecast, threshold, variance, warningThreshold, warning) => {
    expect(assess(allocation, planned, forecast, threshold)).toEqual({ variance, warningThreshold, warning });
  });
});
