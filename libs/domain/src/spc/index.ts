// Statistical process control: XmR charts as NHS England's "Making Data Count" draws them, computed
// as NHSRplotthedots 0.2.2 does. Rules, sources and edge cases: RULES.md in this folder.
export { analyseSpc, MAX_VALUE_MAGNITUDE } from './analyse-spc';
export { analyseSpcAsAtEachPeriod } from './analyse-spc-as-at';
export {
  ASSURANCE_TYPES,
  IMPROVEMENT_DIRECTIONS,
  MINIMUM_FIX_AFTER_N_POINTS,
  POINT_TYPES,
  SHORT_GROUP_MINIMUM_POINTS,
  SPC_ERROR_CODES,
  SPECIAL_CAUSE_TYPES,
} from './spc-vocabulary';
export type { SpcAsAt } from './analyse-spc-as-at';
export type {
  AnalyseSpcInput,
  AssuranceType,
  ImprovementDirection,
  PointType,
  SpcAnalysis,
  SpcErrorCode,
  SpcObservation,
  SpcPoint,
  SpecialCauseType,
} from './spc-vocabulary';
