// Comparing providers for one indicator and period: league-table ranks and funnel plots for
// proportions (Spiegelhalter 2005) allowing for over-dispersion as FunnelPlotR 0.6.0 does.
// Rules, sources and glossary: RULES.md in this folder.
export { rankValues } from './rank-values';
export { analyseFunnelPlot, calculateFunnelLimits } from './funnel-plot';
export { estimateOverdispersion, quantileType7 } from './overdispersion';
export {
  COMPARISON_ERROR_CODES,
  COMPARISON_POLARITIES,
  DEFAULT_FUNNEL_CURVE_POINTS,
  FUNNEL_ADJUSTMENTS,
  FUNNEL_POSITIONS,
  FUNNEL_UNITS,
  FUNNEL_WINSORISED_FRACTION,
  FUNNEL_Z_95,
  FUNNEL_Z_998,
  MAX_FUNNEL_CURVE_POINTS,
  Z_95,
  Z_998,
} from './comparison-vocabulary';
export type {
  ComparisonErrorCode,
  ComparisonPolarity,
  FunnelAdjustment,
  FunnelLimits,
  FunnelOverdispersion,
  FunnelPlot,
  FunnelPlotInput,
  FunnelPlotPoint,
  FunnelPlotUnit,
  FunnelPosition,
  FunnelUnit,
  RankedValue,
  RankInput,
} from './comparison-vocabulary';
