import type { AssuranceType, ImprovementDirection, PointType, RagStatus } from '@ccg-assure/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TargetSource } from '../targets/targets.type';
import { Indicator, Period, Polarity } from '../indicators/indicator.type';
import { Organisation } from '../organisations/organisation.type';
import { PageInfo } from '../server/pagination';
import { DateScalar } from '../server/scalars';
import { AssuranceTypeEnum, ImprovementDirectionEnum, PointTypeEnum, RagStatusEnum } from './scorecard-enums';
import { SpcPoint } from './spc.type';

@ObjectType({ description: 'A national standard an indicator is judged against (NHS Constitution and NHS Standard Contract), in the version in force for the period judged.' })
export class IndicatorStandard {
  @Field(() => String, { description: 'Code of the standard; the same as the indicator’s, for example AE_4HR_ALL.' })
  code!: string;

  @Field(() => String, { description: 'Name of the standard.' })
  name!: string;

  @Field(() => String, { description: 'What the standard measures.' })
  description!: string;

  @Field(() => Float, { description: 'The threshold, in the unit: 95 means 95% for a percentage. A value exactly at the threshold meets the standard.' })
  threshold!: number;

  @Field(() => Polarity, { description: 'Whether a value must be at or above the threshold (HIGHER_IS_BETTER) or at or below it (LOWER_IS_BETTER).' })
  polarity!: Polarity;

  @Field(() => String, { description: 'Unit of the threshold: PERCENTAGE (0 to 100), COUNT, RATE or MINUTES.' })
  unit!: string;

  @Field(() => Boolean, { description: 'Zero tolerance: any occurrence breaches the standard.' })
  zeroTolerance!: boolean;

  @Field(() => DateScalar, { description: 'First day this version is in force.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day this version is in force; null while no later version replaces it.' })
  validTo!: string | null;

  @Field(() => String, { description: 'The document the standard comes from.' })
  source!: string;

  @Field(() => String, { description: 'The words of the standard in that document.' })
  sourceText!: string;
}

@ObjectType({ description: "One indicator of a provider's scorecard: the latest value against the standard, and the whole series with statistical process control." })
export class ScorecardIndicator {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => Period, { description: 'The period of the latest value (on or before the scorecard’s asOf date).' })
  latestPeriod!: Period;

  @Field(() => Float, { description: 'The latest value, in the indicator’s unit (for percentages 0 to 100).' })
  latestValue!: number;

  @Field(() => Float, { description: 'Numerator of the latest value (for A&E: attendances within 4 hours).' })
  latestNumerator!: number;

  @Field(() => Float, { description: 'Denominator of the latest value (for A&E: all attendances).' })
  latestDenominator!: number;

  @Field(() => IndicatorStandard, { nullable: true, description: 'The standard in force for the latest period; null when the indicator has none.' })
  standard!: IndicatorStandard | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'The latest value against the standard (computed exactly from the numerator and denominator for percentages); null without a standard.' })
  rag!: RagStatus | null;

  @Field(() => ImprovementDirectionEnum, { description: "The chart's improvement direction, from the standard's polarity (or the indicator's when there is no standard)." })
  improvementDirection!: ImprovementDirection;

  @Field(() => Float, { nullable: true, description: "The target in force at the latest period (a trajectory's month, else a local target, else the standard's threshold): RAG and the assurance verdict are judged against it; null without one. Each point of the series carries the target in force at its period." })
  target!: number | null;

  @Field(() => TargetSource, { nullable: true, description: 'Where the target in force at the latest period comes from; null without one.' })
  targetSource!: TargetSource | null;

  @Field(() => Int, { nullable: true, description: 'The recorded baseline: the mean and limits of each rebase group come from its first this-many points; null when not fixed. Rebases show in the series’ rebase groups (their reasons: seriesBaseline).' })
  fixAfterNPoints!: number | null;

  @Field(() => [SpcPoint], { description: 'Every value up to the asOf date, oldest first, each with its statistical process control.' })
  series!: SpcPoint[];

  @Field(() => PointTypeEnum, { description: 'The variation verdict: the point type of the latest point.' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The assurance verdict against the standard; null without a standard.' })
  assuranceType!: AssuranceType | null;

  @Field(() => Boolean, { description: 'True when the series has fewer than 13 points: its limits are less reliable.' })
  shortGroupWarning!: boolean;
}

@ObjectType({ description: "A provider's scorecard: each of its indicators against the national standards, with Making Data Count statistical process control." })
export class ProviderScorecard {
  @Field(() => Organisation, { description: 'The provider.' })
  provider!: Organisation;

  @Field(() => DateScalar, { nullable: true, description: 'The date the scorecard is as at: the asOf given, or else the latest period of the provider’s data; null when it has no data.' })
  asOf!: string | null;

  @Field(() => [ScorecardIndicator], { description: 'One entry per indicator with data on or before asOf, by indicator code.' })
  indicators!: ScorecardIndicator[];
}

// The grid's types are plain data (`simpleResolvers`): graphql-js reads their fields itself, without type-graphql's
// wrapper around each of a page's thousands of fields (200 rows by every indicator by 7 fields; issue 19).
@ObjectType({
  description: 'One indicator of one provider in the scorecard grid: the latest value and the verdicts on it. All null when the provider has no value for the indicator.',
  simpleResolvers: true,
})
export class ScorecardCell {
  @Field(() => Indicator, { description: 'The indicator (the column).' })
  indicator!: Indicator;

  @Field(() => DateScalar, { nullable: true, description: 'The period (first day) of the latest value on or before asOf.' })
  period!: string | null;

  @Field(() => Float, { nullable: true, description: 'The latest value, in the indicator’s unit.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'The threshold of the standard in force for that period.' })
  threshold!: number | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'The latest value against the standard; null without a standard or a value.' })
  rag!: RagStatus | null;

  @Field(() => PointTypeEnum, { nullable: true, description: 'The variation verdict of the series up to asOf.' })
  variationType!: PointType | null;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The assurance verdict of the series up to asOf against the standard.' })
  assuranceType!: AssuranceType | null;
}

@ObjectType({ description: 'One provider in the scorecard grid: one cell per indicator, in the order of the grid’s indicators.', simpleResolvers: true })
export class ScorecardRow {
  @Field(() => Organisation, { description: 'The provider.' })
  provider!: Organisation;

  @Field(() => [ScorecardCell], { description: 'One cell per indicator of the grid, in the same order as ScorecardSummaryConnection.indicators.' })
  cells!: ScorecardCell[];
}

@ObjectType({ description: 'A provider in the scorecard grid and its cursor.', simpleResolvers: true })
export class ScorecardRowEdge {
  @Field(() => String, { description: 'Opaque cursor of this row.' })
  cursor!: string;

  @Field(() => ScorecardRow, { description: 'The row.' })
  node!: ScorecardRow;
}

@ObjectType({
  description: 'The scorecard grid (the integrated performance report view): every provider by every indicator, filtered, sorted and paged as a Relay cursor connection.',
  simpleResolvers: true,
})
export class ScorecardSummaryConnection {
  @Field(() => DateScalar, { nullable: true, description: 'The date the grid is as at: the asOf given, or else the latest period with data; null when there is no data.' })
  asOf!: string | null;

  @Field(() => [Indicator], { description: 'The columns: every indicator with provider data on or before asOf, by code.' })
  indicators!: Indicator[];

  @Field(() => [ScorecardRowEdge], { description: 'The providers on this page.' })
  edges!: ScorecardRowEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many providers match the filter in all.' })
  totalCount!: number;
}
