import type { AssuranceType, HigherBoardKind, PerformanceReportAction, PerformanceReportState, PointType, RagStatus, ReportActionStatus, ReportSectionKey } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssuranceTypeEnum, PointTypeEnum, RagStatusEnum } from '../scorecards/scorecard-enums';
import { DateScalar } from '../server/scalars';
import type { PerformanceReportSource } from './performance-reports.service';
import { HigherBoardKindEnum, PerformanceReportActionEnum, PerformanceReportStatusEnum, ReportActionStatusEnum, ReportSectionKeyEnum } from './performance-report-enums';

// GraphQL types of the monthly performance report (issue 17, decision 0029). The service returns these views; the
// CCG and the higher organisation are resolved from their codes by field resolvers. A frozen report's content is
// plain data read from its snapshot; a live report's is built from the stored data on each read.

@ObjectType({ description: 'One point of a series’ chart on a report: the stored SPC of the value (never recomputed for the report).' })
export class ReportChartPoint {
  @Field(() => DateScalar, { description: 'The period’s first day.' })
  period!: string;

  @Field(() => Float, { description: 'The value (a percentage for the A&E standards).' })
  value!: number;

  @Field(() => Float, { description: 'The mean of the point’s SPC group.' })
  mean!: number;

  @Field(() => Float, { nullable: true, description: 'The lower process limit; null where the chart has none.' })
  lowerProcessLimit!: number | null;

  @Field(() => Float, { nullable: true, description: 'The upper process limit; null where the chart has none.' })
  upperProcessLimit!: number | null;

  @Field(() => PointTypeEnum, { description: 'What the SPC rules say of the point.' })
  pointType!: PointType;
}

@ObjectType({ description: 'One provider’s indicator on a report’s scorecard: the latest value up to the report’s month, as stored.' })
export class ReportScorecardRow {
  @Field(() => String, { description: 'ODS code of the provider.' })
  providerCode!: string;

  @Field(() => String, { description: 'The provider’s name as shown on the report.' })
  providerName!: string;

  @Field(() => String, { description: 'The indicator’s code.' })
  indicatorCode!: string;

  @Field(() => String, { description: 'The indicator’s name as shown on the report.' })
  indicatorName!: string;

  @Field(() => String, { description: 'The indicator’s unit, as Indicator.unit: PERCENTAGE, COUNT, RATE or MINUTES (reports frozen before units were recorded read PERCENTAGE, which all their indicators were).' })
  unit!: string;

  @Field(() => DateScalar, { description: 'The first day of the value’s period (the report’s month, or the latest before it with data).' })
  period!: string;

  @Field(() => String, { description: 'The period in words ("March 2018").' })
  periodLabel!: string;

  @Field(() => Float, { description: 'The value as scored.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'The value exactly as stored (decimal text); null if the data no longer holds it.' })
  valueText!: string | null;

  @Field(() => String, { nullable: true, description: 'The numerator exactly as stored (decimal text).' })
  numerator!: string | null;

  @Field(() => String, { nullable: true, description: 'The denominator exactly as stored (decimal text).' })
  denominator!: string | null;

  @Field(() => Float, { nullable: true, description: 'The standard’s target in force for the period; null when there is none.' })
  target!: number | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'Red, amber or green against the standard; null when not rated.' })
  rag!: RagStatus | null;

  @Field(() => PointTypeEnum, { description: 'The variation icon: what SPC says of the latest point.' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The assurance icon: whether the process will meet the target; null without a target.' })
  assuranceType!: AssuranceType | null;

  @Field(() => [ReportChartPoint], { description: 'The series’ points up to the period, oldest first, for the chart.' })
  points!: ReportChartPoint[];
}

@ObjectType({ description: 'A line of a report section other than the scorecard, in words.' })
export class ReportSectionItem {
  @Field(() => String, { description: 'What the line is about.' })
  title!: string;

  @Field(() => String, { description: 'The line in words.' })
  detail!: string;

  @Field(() => String, { nullable: true, description: 'Its status in words ("Met", "Open", "Financial warning"); null where none applies.' })
  status!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'A date it is due by, where it has one.' })
  dueOn!: string | null;

  @Field(() => Boolean, { description: 'True when it is late.' })
  overdue!: boolean;
}

@ObjectType({ description: 'A section of a report with the analyst’s commentary. The scorecard section’s content is in scorecardRows; every other section’s in summary and items (typed lines in words).' })
export class ReportSection {
  @Field(() => ReportSectionKeyEnum, { description: 'Which section.' })
  key!: ReportSectionKey;

  @Field(() => String, { description: 'Its heading.' })
  title!: string;

  @Field(() => String, { description: 'What it shows, in a sentence.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The analyst’s commentary; null when none has been written.' })
  commentary!: string | null;

  @Field(() => String, { nullable: true, description: 'Who last wrote the commentary.' })
  commentaryUpdatedBy!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the commentary was last written.' })
  commentaryUpdatedAt!: string | null;

  @Field(() => String, { description: 'The section in a sentence.' })
  summary!: string;

  @Field(() => [ReportSectionItem], { description: 'Its lines (empty for SCORECARD, whose rows are in scorecardRows, and ACTIONS, whose are the report’s actions).' })
  items!: ReportSectionItem[];

  @Field(() => [ReportScorecardRow], { description: 'The scorecard’s rows, by provider then indicator (SCORECARD only; empty for the others).' })
  scorecardRows!: ReportScorecardRow[];
}

@ObjectType({ description: 'A note on one point of a series (date, text, author), shown on this and later charts of the same series.' })
export class SeriesAnnotation {
  @Field(() => ID, { description: 'The annotation.' })
  id!: string;

  @Field(() => String, { description: 'The indicator of the series.' })
  indicatorCode!: string;

  @Field(() => String, { description: 'ODS code of the organisation of the series.' })
  organisationCode!: string;

  @Field(() => DateScalar, { description: 'The first day of the point’s period.' })
  period!: string;

  @Field(() => String, { description: 'The note.' })
  text!: string;

  @Field(() => String, { description: 'Who wrote it, by name as it was.' })
  author!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was written.' })
  createdAt!: string;

  @Field(() => ID, { nullable: true, description: 'The report it was written on.' })
  reportId!: string | null;
}

@ObjectType({ description: 'A remedial action signed off with a report (owner, provider, due date, status), carried into the next month’s report until closed.' })
export class ReportAction {
  @Field(() => ID, { description: 'The action.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'ODS code of the provider it concerns; null for the CCG’s own.' })
  providerCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider’s name.' })
  providerName!: string | null;

  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => String, { description: 'Who owns it, as written.' })
  owner!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due; null when no date was set.' })
  dueOn!: string | null;

  @Field(() => ReportActionStatusEnum, { description: 'Its status.' })
  status!: ReportActionStatus;

  @Field(() => String, { description: 'Its status in words.' })
  statusLabel!: string;

  @Field(() => Boolean, { description: 'Open and due on or before the last day of the report’s month.' })
  overdue!: boolean;

  @Field(() => Boolean, { description: 'Raised in an earlier month’s report and carried forward into this one.' })
  carriedForward!: boolean;

  @Field(() => DateScalar, { description: 'The month of the report it was raised in (first day).' })
  raisedInMonth!: string;

  @Field(() => Int, { description: 'Optimistic concurrency: name it when changing the action.' })
  version!: number;
}

@ObjectType({ description: 'A signature of a report: who signed it, at which meeting and on which date.' })
export class SignOff {
  @Field(() => String, { description: 'Who signed, by name as it was.' })
  by!: string;

  @Field(() => GraphQLDateTime, { description: 'When the signature was recorded.' })
  at!: Date;

  @Field(() => String, { description: 'The meeting at which the report was signed off.' })
  meeting!: string;

  @Field(() => DateScalar, { description: 'The date it was signed off at that meeting.' })
  signedOn!: string;

  @Field(() => String, { description: 'The date signed, in words ("12 April 2018").' })
  signedOnLabel!: string;

  organisationCode!: string | null;
}

@ObjectType({ description: 'Which board receives the report after the CCG has signed it, and why (higherBoardFor).' })
export class HigherBoard {
  @Field(() => HigherBoardKindEnum, { description: 'An area team, a region, the 2012-13 PCT cluster, or not known.' })
  kind!: HigherBoardKind;

  @Field(() => String, { description: 'The kind in words.' })
  kindLabel!: string;

  @Field(() => String, { nullable: true, description: 'ODS code of the higher organisation; null when the data names none.' })
  organisationCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The higher organisation’s name.' })
  organisationName!: string | null;

  @Field(() => Boolean, { description: 'True when no relationship covers the month and the last one recorded before it is used (said in the explanation).' })
  lastKnown!: boolean;

  @Field(() => String, { description: 'Why this board, in words.' })
  explanation!: string;
}

@ObjectType({ description: 'One step of a report’s history: who did what and when.' })
export class PerformanceReportEvent {
  @Field(() => GraphQLDateTime, { description: 'When.' })
  at!: Date;

  @Field(() => String, { description: 'Who, by name as it was ("System" for a version superseded by its published correction).' })
  actor!: string;

  @Field(() => PerformanceReportActionEnum, { description: 'What they did.' })
  action!: PerformanceReportAction;

  @Field(() => String, { description: 'What they did, in words (an edit says what it changed).' })
  actionLabel!: string;

  @Field(() => PerformanceReportStatusEnum, { nullable: true, description: 'The status before; null when the version was created.' })
  fromStatus!: PerformanceReportState | null;

  @Field(() => PerformanceReportStatusEnum, { description: 'The status after.' })
  toStatus!: PerformanceReportState;

  @Field(() => String, { nullable: true, description: 'The reason given (returns and corrections).' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The meeting recorded with a signature.' })
  meeting!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date signed, recorded with a signature.' })
  signedOn!: string | null;
}

@ObjectType({ description: 'One version of a CCG’s report for a month, as the list of versions shows it.' })
export class PerformanceReportVersion {
  @Field(() => ID, { description: 'The version’s report id.' })
  id!: string;

  @Field(() => Int, { description: 'Its number: 1, then one more for each correction.' })
  version!: number;

  @Field(() => PerformanceReportStatusEnum, { description: 'Its status.' })
  status!: PerformanceReportState;

  @Field(() => String, { description: 'Its status in words.' })
  statusLabel!: string;

  @Field(() => String, { nullable: true, description: 'Why it was made (a correction); null for version 1.' })
  correctionReason!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the higher board signed it; null when it never did.' })
  publishedAt!: Date | null;

  @Field(() => Boolean, { description: 'True when anyone, signed in or not, may read it: published, or published and since superseded.' })
  publiclyReadable!: boolean;
}

@ObjectType({
  description:
    'A CCG’s integrated performance report for a month (seed 000: prepared by the commissioning support unit, signed off by the CCG and then by the higher board). Built live from the stored data while DRAFT or READY_FOR_CCG; frozen when the CCG signs it.',
})
export class PerformanceReport {
  @Field(() => ID, { description: 'The report (this version).' })
  id!: string;

  ccgCode!: string;
  higherOrganisationCode!: string | null;
  /** Set by the service: what the field resolvers of the content, history and versions read (never a field). */
  source!: PerformanceReportSource;

  @Field(() => DateScalar, { description: 'The month reported on (its first day).' })
  month!: string;

  @Field(() => String, { description: 'The month in words ("March 2018").' })
  monthLabel!: string;

  @Field(() => Int, { description: 'The version number: 1, then one more for each correction.' })
  version!: number;

  @Field(() => PerformanceReportStatusEnum, { description: 'Where it stands in its sign-off.' })
  status!: PerformanceReportState;

  @Field(() => String, { description: 'Where it stands, in words.' })
  statusLabel!: string;

  @Field(() => Boolean, { description: 'True once the CCG has signed it: every number, chart point and comment is the stored one, whatever the data does later.' })
  frozen!: boolean;

  @Field(() => SignOff, { nullable: true, description: 'The CCG’s signature; null until the CCG signs.' })
  ccgSignOff!: SignOff | null;

  @Field(() => SignOff, { nullable: true, description: 'The higher board’s signature; null until it signs.' })
  higherBoardSignOff!: SignOff | null;

  @Field(() => String, { nullable: true, description: 'Who prepared this version, by name.' })
  preparedBy!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When this version was prepared.' })
  preparedAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the higher board signed it (published); null until then.' })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why this version was made (a correction); null for version 1.' })
  correctionReason!: string | null;

  @Field(() => [PerformanceReportActionEnum], { description: 'The moves the viewer may make now, in the transition table’s order (EDIT: commentary, annotations and actions).' })
  availableActions!: PerformanceReportAction[];

  @Field(() => Boolean, { description: 'True when anyone, signed in or not, may read this version.' })
  publiclyReadable!: boolean;

  @Field(() => String, { description: 'Where the printable PDF of this version is (with the sign-off record).' })
  pdfUrl!: string;

  @Field(() => Int, { description: 'Optimistic concurrency: +1 on every change; name it as expectedVersion when changing the report.' })
  rowVersion!: number;
}
