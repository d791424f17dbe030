import type { AssuranceType, AttentionTrend, FunnelPosition, PointType, RagStatus } from '@ccg-assure/domain';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AssuranceTypeEnum, FunnelPositionEnum, GridOrganisationType, PointTypeEnum, RagStatusEnum } from '../scorecards/scorecard-enums';
import { AttentionTrendEnum } from './attention-enums';

@InputType({
  description:
    'Which rows the attention view shows. A scope (ccg or region, not both; providers narrows either) and signal filters: every kind given must hold (AND), ' +
    'any value listed within a kind may (OR); an empty list sets no condition. With no ccg, region or providers, the viewer’s CCG, else their region, else England.',
})
export class AttentionFilterInput {
  @Field(() => String, { nullable: true, description: "ODS code of a CCG: its providers (contracted for the year of asOf, else its NHS England region's)." })
  @MaxLength(12)
  ccg?: string | null;

  @Field(() => String, { nullable: true, description: 'ODS code of an NHS England region (for example Y54): its NHS trusts.' })
  @MaxLength(12)
  region?: string | null;

  @Field(() => [String], { nullable: true, description: 'ODS codes of NHS trusts: only these (within the ccg or region when one is given).' })
  @ArrayMaxSize(200)
  @MaxLength(12, { each: true })
  providers?: string[] | null;

  @Field(() => GridOrganisationType, {
    nullable: true,
    description:
      'Which organisations the rows are about: NHS trusts when omitted, or GP practices. With GP_PRACTICE and ccg, the practices registered with that CCG as at asOf ' +
      '(the scope\'s basis is then null); providers then names practices, and funnel positions are among every practice with a value for the indicator and period.',
  })
  organisationType?: GridOrganisationType | null;

  @Field(() => [String], { nullable: true, description: 'Indicator codes: only these indicators.' })
  @ArrayMaxSize(100)
  @MaxLength(40, { each: true })
  indicators?: string[] | null;

  @Field(() => [PointTypeEnum], { nullable: true, description: 'Variation verdicts (any of them).' })
  @ArrayMaxSize(10)
  variation?: PointType[] | null;

  @Field(() => [AssuranceTypeEnum], { nullable: true, description: 'Assurance verdicts against the target in force (any of them); a row without a target matches none.' })
  @ArrayMaxSize(10)
  assurance?: AssuranceType[] | null;

  @Field(() => [RagStatusEnum], { nullable: true, description: 'RAG against the target in force (any of them); a row without a target matches none.' })
  @ArrayMaxSize(10)
  rag?: RagStatus[] | null;

  @Field(() => [FunnelPositionEnum], { nullable: true, description: 'Funnel positions under the adjusted limits (any of them); a row without a funnel (not a percentage) matches none.' })
  @ArrayMaxSize(10)
  funnelPosition?: FunnelPosition[] | null;

  @Field(() => [AttentionTrendEnum], { nullable: true, description: 'Trends of the last three values (any of them); a series with fewer than three values matches none.' })
  @ArrayMaxSize(10)
  trend?: AttentionTrend[] | null;
}
