// The monthly performance report (issue 17, seed 000 "the governance loop"): its two-stage sign-off as a transition
// table, versions and corrections, which higher board receives it, the values that have changed since it was
// frozen, remedial actions carried forward, its sections and the months it may be prepared for. Rules: RULES.md.
export type {
  PerformanceReportAction,
  PerformanceReportActorKind,
  PerformanceReportMove,
  PerformanceReportMoveContext,
  PerformanceReportSignature,
  PerformanceReportState,
  PerformanceReportTransition,
} from './performance-report-lifecycle';
export {
  FROZEN_PERFORMANCE_REPORT_STATES,
  PERFORMANCE_REPORT_ACTIONS,
  PERFORMANCE_REPORT_ACTION_LABELS,
  PERFORMANCE_REPORT_ACTOR_KINDS,
  PERFORMANCE_REPORT_STATES,
  PERFORMANCE_REPORT_STATE_LABELS,
  PERFORMANCE_REPORT_STATUS_CHANGES,
  PERFORMANCE_REPORT_TRANSITIONS,
  TERMINAL_PERFORMANCE_REPORT_STATES,
  availablePerformanceReportActions,
  isFrozenPerformanceReportState,
  isPerformanceReportAction,
  isPerformanceReportState,
  performanceReportActionsFrom,
  requirePerformanceReportTransition,
} from './performance-report-lifecycle';
export type { PerformanceReportCorrection, PerformanceReportVersionSummary } from './report-versions';
export {
  isPubliclyReadableVersion,
  nextPerformanceReportVersion,
  planPerformanceReportCorrection,
  publicPerformanceReportVersion,
  versionsSupersededByPublishing,
} from './report-versions';
export type { HigherBoard, HigherBoardKind, OrganisationRelationshipRow } from './higher-board';
export { HIGHER_BOARD_KINDS, HIGHER_BOARD_KIND_LABELS, NHS_ENGLAND_FROM, higherBoardFor } from './higher-board';
export type { ChangedValue, FrozenValue, ValueChangeKind } from './frozen-values';
export { VALUE_CHANGE_KINDS, changedValues, countChangedValues } from './frozen-values';
export type { CarriableReportAction, CarriedForwardAction, ReportActionStatus } from './report-actions';
export { REPORT_ACTION_STATUSES, REPORT_ACTION_STATUS_LABELS, carryForwardActions, isReportActionStatus } from './report-actions';
export type { ReportSectionDefinition, ReportSectionKey } from './report-sections';
export { REPORT_SECTIONS, REPORT_SECTION_KEYS, REPORT_SECTION_TITLES, isReportSectionKey } from './report-sections';
export type { CcgOpenDates } from './report-month';
export { requireReportableMonth } from './report-month';
