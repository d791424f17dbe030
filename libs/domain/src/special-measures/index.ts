// Special measures: triggers, the episode state machine (transitions as data) and the 12-month clock.
// Rules and sources: ../assurance/RULES.md.
export type { SpecialMeasuresTrigger, SpecialMeasuresTriggerCode, SpecialMeasuresTriggerKind } from './special-measures-triggers';
export { SPECIAL_MEASURES_TRIGGER_CODES, SPECIAL_MEASURES_TRIGGERS, isSpecialMeasuresTriggerCode } from './special-measures-triggers';
export type {
  EscalationKind,
  EscalationKindDefinition,
  SpecialMeasuresAction,
  SpecialMeasuresActionType,
  SpecialMeasuresEpisode,
  SpecialMeasuresEvent,
  SpecialMeasuresProposal,
  SpecialMeasuresState,
  SpecialMeasuresTransition,
} from './special-measures-episode';
export {
  ESCALATION_KIND_DEFINITIONS,
  ESCALATION_KINDS,
  SPECIAL_MEASURES_ACTION_TYPES,
  SPECIAL_MEASURES_STATES,
  SPECIAL_MEASURES_TRANSITIONS,
  TERMINAL_SPECIAL_MEASURES_STATES,
  applySpecialMeasuresAction,
  availableActions,
  progressReports,
  proposeSpecialMeasures,
} from './special-measures-episode';
export type { SpecialMeasuresClock } from './special-measures-clock';
export { SPECIAL_MEASURES_MAXIMUM_MONTHS, specialMeasuresClock, specialMeasuresEpisodeClock } from './special-measures-clock';
export type { ImprovementActionStatus } from './improvement-plan';
export { assertImprovementPlanCanBeSignedOff, IMPROVEMENT_ACTION_STATUSES, isImprovementActionOverdue } from './improvement-plan';
