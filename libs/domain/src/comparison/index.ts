// Comparing providers for one indicator and period: league-table ranks and funnel plots for
// proportions (Spiegelhalter 2005). Rules, sources and glossary: RULES.md in this folder.
export { rankValues } from './rank-values';
export { analyseFunnelPlot, calculateFunnelLimits } from './funnel-plot';
export {
  COMPARISON_ERROR_CODES,
  COMPARISON_POLARITIES,
  DEFAULT_FUNNEL_CURVE_POINTS,
  FUNNEL_POSITIONS,
  FUNNEL_UNITS,
  MAX_FUNNEL_CURVE_POINTS,
  Z_95,
  Z_998,
} from './comparison-vocabulary';
export type {
  ComparisonErrorCode,
  ComparisonPolarity,
  FunnelLimits,
  FunnelPlot,
  FunnelPlotInput,
  FunnelPlotPoint,
  FunnelPlotUnit,
  FunnelPosition,
  FunnelUnit,
  RankedValue,
  RankInput,
} from './comparison-vocabulary';
