import {
  HIGHER_BOARD_KINDS,
  HIGHER_BOARD_KIND_LABELS,
  PERFORMANCE_REPORT_ACTIONS,
  PERFORMANCE_REPORT_ACTION_LABELS,
  PERFORMANCE_REPORT_STATES,
  PERFORMANCE_REPORT_STATE_LABELS,
  REPORT_ACTION_STATUSES,
  REPORT_ACTION_STATUS_LABELS,
  REPORT_SECTIONS,
  REPORT_SECTION_KEYS,
  type HigherBoardKind,
  type PerformanceReportAction,
  type PerformanceReportState,
  type ReportActionStatus,
  type ReportSectionKey,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The performance report area's GraphQL enums, built from the domain's lists (libs/domain/src/performance-report).

const fromLabels = <T extends string>(labels: Readonly<Record<T, string>>, suffix = '') =>
  describedValues<T>(Object.fromEntries(Object.entries<string>(labels).map(([code, label]) => [code, `${label}${suffix}`])) as Record<T, string>);

export const PerformanceReportStatusEnum = enumOf<PerformanceReportState>(PERFORMANCE_REPORT_STATES);
registerEnumType(PerformanceReportStatusEnum, {
  name: 'PerformanceReportStatus',
  description: 'Where a version of a monthly performance report stands in its two-stage sign-off (seed 000: the CCG signs, then the higher board).',
  valuesConfig: fromLabels(PERFORMANCE_REPORT_STATE_LABELS, '.'),
});

export const PerformanceReportActionEnum = enumOf<PerformanceReportAction>(PERFORMANCE_REPORT_ACTIONS);
registerEnumType(PerformanceReportActionEnum, {
  name: 'PerformanceReportAction',
  description: 'A move in a performance report’s sign-off, as the domain’s transition table lists them.',
  valuesConfig: fromLabels(PERFORMANCE_REPORT_ACTION_LABELS, '.'),
});

export const ReportSectionKeyEnum = enumOf<ReportSectionKey>(REPORT_SECTION_KEYS);
registerEnumType(ReportSectionKeyEnum, {
  name: 'ReportSectionKey',
  description: 'A section of the monthly performance report, in the order it shows them.',
  valuesConfig: describedValues<ReportSectionKey>(Object.fromEntries(REPORT_SECTIONS.map((section) => [section.key, `${section.title}: ${section.description}`])) as Record<ReportSectionKey, string>),
});

export const ReportActionStatusEnum = enumOf<ReportActionStatus>(REPORT_ACTION_STATUSES);
registerEnumType(ReportActionStatusEnum, {
  name: 'ReportActionStatus',
  description: 'Where a remedial action attached to a report stands: an open one is carried into the next month’s report.',
  valuesConfig: fromLabels(REPORT_ACTION_STATUS_LABELS, '.'),
});

export const HigherBoardKindEnum = enumOf<HigherBoardKind>(HIGHER_BOARD_KINDS);
registerEnumType(HigherBoardKindEnum, {
  name: 'HigherBoardKind',
  description: 'Which board receives a CCG’s report after the CCG has signed it (higherBoardFor).',
  valuesConfig: fromLabels(HIGHER_BOARD_KIND_LABELS, '.'),
});
