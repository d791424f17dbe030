import type { AssuranceType, AttentionTrend, FunnelPosition, ImprovementDirection, PointType, RagStatus, SeverityLevel, SeverityReason } from '@ccg-assure/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Period } from '../indicators/indicator.type';
import { AssuranceTypeEnum, FunnelPositionEnum, ImprovementDirectionEnum, PointTypeEnum, RagStatusEnum } from '../scorecards/scorecard-enums';
import { PageInfo } from '../server/pagination';
import { DateScalar } from '../server/scalars';
import { TargetSource } from '../targets/targets.type';
import { AttentionScopeKind, AttentionTrendEnum, SeverityLevelEnum, SeverityReasonEnum } from './attention-enums';

// The view's types are plain data (`simpleResolvers`): graphql-js reads their fields itself, without type-graphql's
// wrapper around each field of a page (issue 19); a row's provider and indicator keep their field resolvers.
@ObjectType({ description: 'How much a row needs attention, under the documented rule (decision 0032): a weight per signal, summed.', simpleResolvers: true })
export class AttentionSeverity {
  @Field(() => Int, { description: 'The score, 0 to 12.' })
  score!: number;

  @Field(() => SeverityLevelEnum, { description: 'The band of the score.' })
  level!: SeverityLevel;

  @Field(() => [SeverityReasonEnum], { description: 'The signals that added to the score, heaviest first.' })
  reasons!: SeverityReason[];
}

@ObjectType({ description: 'Where to act on a row: the contract and the open escalation items the viewer may read.', simpleResolvers: true })
export class AttentionLinks {
  @Field(() => ID, { nullable: true, description: "The contract for the row's financial year with the provider that one of the viewer's CCGs holds and the viewer may read; null when there is none." })
  contractId!: string | null;

  @Field(() => [ID], { description: "The open escalation items of the viewer's CCGs about the provider and this indicator, or the provider alone, oldest first." })
  escalationItemIds!: string[];
}

@ObjectType({ description: 'One provider and indicator in the attention view: the latest value as at asOf with its stored verdicts, funnel position, trend and severity.', simpleResolvers: true })
export class AttentionRow {
  // `provider` and `indicator` are field resolvers (AttentionRowResolver) reading through the per-request loaders.
  /** The provider's ODS code. */
  providerCode!: string;
  /** The indicator's code. */
  indicatorCode!: string;

  @Field(() => Period, { description: 'The period of the latest value on or before asOf.' })
  period!: Period;

  @Field(() => Float, { description: 'The latest value, in the indicator’s unit (percentages 0 to 100).' })
  value!: number;

  @Field(() => Float, { description: 'Numerator of the latest value.' })
  numerator!: number;

  @Field(() => Float, { description: 'Denominator of the latest value.' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'The target in force at the period (a trajectory’s month, else a local target, else the standard’s threshold); null without one.' })
  target!: number | null;

  @Field(() => TargetSource, { nullable: true, description: 'Where the target in force comes from; null without one.' })
  targetSource!: TargetSource | null;

  @Field(() => RagStatusEnum, { nullable: true, description: 'The latest value against the target in force, as stored; null without a target.' })
  rag!: RagStatus | null;

  @Field(() => ImprovementDirectionEnum, { description: 'Which way is better for this series.' })
  improvementDirection!: ImprovementDirection;

  @Field(() => PointTypeEnum, { description: 'The variation verdict (the latest point’s type), as stored.' })
  variationType!: PointType;

  @Field(() => AssuranceTypeEnum, { nullable: true, description: 'The assurance verdict against the target in force, as stored; null without a target.' })
  assuranceType!: AssuranceType | null;

  @Field(() => FunnelPositionEnum, {
    nullable: true,
    description:
      'Where the value lies against the funnel limits adjusted for over-dispersion (as providerComparison with ADDITIVE_RANDOM_EFFECTS) among every NHS trust with a value for this indicator and period; ' +
      'null for an indicator that is not a percentage.',
  })
  funnelPosition!: FunnelPosition | null;

  @Field(() => Boolean, { nullable: true, description: 'True beyond a funnel limit on the better side, false on the worse side; null within the 95% limits, without a funnel, or without a better direction.' })
  funnelFavourable!: boolean | null;

  @Field(() => AttentionTrendEnum, { nullable: true, description: 'The direction of the last three values, from the stored points; null when the series has fewer than three values.' })
  trend!: AttentionTrend | null;

  @Field(() => AttentionSeverity, { description: 'How much the row needs attention (decision 0032).' })
  severity!: AttentionSeverity;

  @Field(() => AttentionLinks, { nullable: true, description: 'The contract and open escalation items; null for a viewer who may read neither (the public, or no role at a CCG).' })
  links!: AttentionLinks | null;
}

@ObjectType({ description: 'A row of the attention view and its cursor.', simpleResolvers: true })
export class AttentionRowEdge {
  @Field(() => String, { description: 'Opaque cursor of this row.' })
  cursor!: string;

  @Field(() => AttentionRow, { description: 'The row.' })
  node!: AttentionRow;
}

@ObjectType({ description: 'Whose providers the attention view covers, and how they were found.', simpleResolvers: true })
export class AttentionScope {
  @Field(() => AttentionScopeKind, { description: 'A CCG’s, a region’s, the providers listed, or England’s.' })
  kind!: AttentionScopeKind;

  @Field(() => String, { nullable: true, description: 'ODS code of the CCG or region; null for PROVIDERS and ENGLAND.' })
  organisationCode!: string | null;

  @Field(() => String, { nullable: true, description: "For a CCG: CONTRACTS (those it contracts with for the year of asOf) or REGION (its NHS England region's, the fallback); null otherwise." })
  basis!: string | null;

  @Field(() => Boolean, { description: 'True when no scope was asked for and this is the viewer’s default: their CCG, else their region, else England.' })
  isDefault!: boolean;
}

@ObjectType({ description: 'What needs attention: every provider and indicator in scope with its verdicts, filtered, sorted and paged as a Relay cursor connection.', simpleResolvers: true })
export class AttentionConnection {
  @Field(() => DateScalar, { nullable: true, description: 'The date the view is as at: the asOf given, or else the latest period with data; null when there is no data.' })
  asOf!: string | null;

  @Field(() => AttentionScope, { description: 'Whose providers the rows cover.' })
  scope!: AttentionScope;

  @Field(() => [AttentionRowEdge], { description: 'The rows on this page.' })
  edges!: AttentionRowEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many rows match the filter in all.' })
  totalCount!: number;
}
