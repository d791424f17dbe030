import * as comparison from './index';

describe('comparison public surface', () => {
  it('exposes the ranking and funnel functions and the lists the GraphQL layer maps 1:1', () => {
    expect(typeof comparison.rankValues).toBe('function');
    expect(typeof comparison.analyseFunnelPlot).toBe('function');
    expect(typeof comparison.calculateFunnelLimits).toBe('function');
    expect(comparison.FUNNEL_POSITIONS).toEqual(['WITHIN', 'ABOVE_95', 'ABOVE_998', 'BELOW_95', 'BELOW_998']);
    expect(comparison.COMPARISON_POLARITIES).toEqual(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL']);
    expect(comparison.FUNNEL_UNITS).toEqual(['PERCENTAGE', 'PROPORTION']);
    expect(comparison.FUNNEL_ADJUSTMENTS).toEqual(['ADDITIVE_RANDOM_EFFECTS', 'NONE']);
    expect(comparison.FUNNEL_WINSORISED_FRACTION).toBe(0.1);
    expect(typeof comparison.estimateOverdispersion).toBe('function');
    expect(typeof comparison.quantileType7).toBe('function');
    expect(comparison.DEFAULT_FUNNEL_CURVE_POINTS).toBe(50);
    expect(comparison.MAX_FUNNEL_CURVE_POINTS).toBe(1000);
  });

  it('uses the two-sided normal quantiles of Spiegelhalter (2005) for 95% and 99.8%', () => {
    // Φ⁻¹(0.975) and Φ⁻¹(0.999), as R's qnorm() gives them.
    expect(comparison.Z_95).toBe(1.959963984540054);
    expect(comparison.Z_998).toBe(3.090232306167813);
  });

  it("draws the funnel's limits with FunnelPlotR 0.6.0's rounded multipliers (R/calculate_limits.R)", () => {
    expect(comparison.FUNNEL_Z_95).toBe(1.959964);
    expect(comparison.FUNNEL_Z_998).toBe(3.090232);
  });

  it('lists every error code the comparison functions throw', () => {
    expect([...comparison.COMPARISON_ERROR_CODES].sort()).toEqual(
      [
        'COMPARISON_DUPLICATE_KEY',
        'COMPARISON_INVALID_POLARITY',
        'COMPARISON_NON_FINITE_VALUE',
        'FUNNEL_INVALID_ADJUSTMENT',
        'FUNNEL_INVALID_COUNT',
        'FUNNEL_INVALID_CURVE_POINTS',
        'FUNNEL_INVALID_TARGET',
        'FUNNEL_INVALID_TAU2',
        'FUNNEL_INVALID_UNIT',
        'FUNNEL_NO_UNITS',
        'FUNNEL_NUMERATOR_EXCEEDS_DENOMINATOR',
        'FUNNEL_ZERO_DENOMINATOR',
      ].sort(),
    );
  });
});
