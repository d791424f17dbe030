import type { PerformanceReportFieldsFragment } from '../gql/graphql';

/** A report as its page reads it. */
export type Report = PerformanceReportFieldsFragment;
export type ReportSection = Report['sections'][number];
export type ScorecardRow = ReportSection['scorecardRows'][number];
export type ReportActionRow = Report['actions'][number];
