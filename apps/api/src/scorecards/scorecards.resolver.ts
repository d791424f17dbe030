import { analyseSpc, type FunnelAdjustment } from '@ccg-assure/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, PUBLIC } from '../auth/access';
import { Organisation } from '../organisations/organisation.type';
import { toOrganisation } from '../organisations/organisation.mapper';
import { decodeCursor, pageSize } from '../server/pagination';
import type { RequestContext } from '../server/request-context';
import { selectsField, selectsTotalCount } from '../server/selection';
import { DateScalar } from '../server/scalars';
import { ComparedProvider, ProviderComparison } from './comparison.type';
import { FunnelAdjustmentEnum } from './scorecard-enums';
import { ScorecardFilter, ScorecardOrder } from './scorecard-filter.input';
import { ProviderScorecard, ScorecardSummaryConnection } from './scorecard.type';
import { toProviderComparison, toProviderScorecard, toScorecardSummary } from './scorecards.mapper';
import { SpcInput } from './spc.input';
import { SpcAnalysis } from './spc.type';

/** Provider scorecards, the scorecard grid, comparisons and SPC of any series: published data, public. */
@Resolver()
export class ScorecardsResolver {
  @Query(() => SpcAnalysis, {
    description:
      'Statistical process control (an XmR chart, NHS England "Making Data Count", computed as NHSRplotthedots 0.2.2) of any series: nothing is stored. ' +
      'Invalid series are refused with BAD_USER_INPUT and a reason such as SPC_NO_POINTS, SPC_DUPLICATE_PERIOD or VALIDATION_FAILED (too many points). Public.',
  })
  @Access(PUBLIC)
  spcAnalysis(@Arg('input', () => SpcInput, { description: 'The series, its target and improvement direction.' }) input: SpcInput): SpcAnalysis {
    const analysis = analyseSpc({
      points: input.points.map((point) => ({ period: point.period, value: point.value })),
      target: input.target ?? null,
      improvementDirection: input.improvementDirection,
      rebaseDates: input.rebaseDates ?? [],
      fixAfterNPoints: input.fixAfterNPoints ?? null,
    });
    return {
      points: analysis.points,
      variationType: analysis.variationType,
      assuranceType: analysis.assuranceType,
      shortGroupWarning: analysis.shortGroupWarning,
    };
  }

  @Query(() => ProviderScorecard, {
    description:
      "A provider's scorecard: for each indicator with data on or before asOf, the latest value and period, the standard in force, RAG, " +
      'and the series with statistical process control on every point and its variation and assurance verdicts (improvement direction from the standard, target its threshold). ' +
      'NOT_FOUND (ORGANISATION_NOT_FOUND) for an unknown code. Public.',
  })
  @Access(PUBLIC)
  async providerScorecard(
    @Arg('code', () => String, { description: 'ODS code of the provider, for example RR8.' }) code: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Only values for periods starting on or before this date; all values when omitted.' }) asOf: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ProviderScorecard> {
    return toProviderScorecard(await context.services.scorecards.providerScorecard(code.trim(), asOf ?? null, context.loaders));
  }

  @Query(() => ScorecardSummaryConnection, {
    description:
      'The scorecard grid (integrated performance report): every provider (NHS trusts with indicator values) by every indicator, with the latest value, RAG, and variation and assurance verdicts; ' +
      'filtered, sorted and paged (Relay cursor connection). BAD_USER_INPUT for an invalid page size, cursor or order. Public.',
  })
  @Access(PUBLIC)
  async scorecardSummary(
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ScorecardFilter, { nullable: true, description: 'Which providers to show.' }) filter?: ScorecardFilter,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Use values for periods starting on or before this date; the latest period with data when omitted.' }) asOf?: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many providers (1 to 200; default 50).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor), with the same filter, asOf and order.' }) after?: string,
    @Arg('orderBy', () => ScorecardOrder, { nullable: true, description: 'Sort order; by name when omitted.' }) orderBy?: ScorecardOrder,
  ): Promise<ScorecardSummaryConnection> {
    const grid = await context.services.scorecards.grid(
      {
        filter: filter ?? {},
        asOf: asOf ?? null,
        size: pageSize(first),
        afterCode: decodeCursor(after),
        orderBy: orderBy ?? null,
        // Every client that asks for rows shows their cells (the web app's grids do), so `edges` reads the verdicts.
        withVerdicts: selectsField(info, 'edges'),
        withTotal: selectsTotalCount(info),
      },
      context.loaders,
    );
    return toScorecardSummary(grid);
  }

  @Query(() => ProviderComparison, {
    description:
      'Every provider (NHS trust) with a value for one indicator and period, ranked, with funnel-plot limits (95% and 99.8%) for proportions and each provider’s position, ' +
      'allowing for over-dispersion unless adjustment is NONE (FunnelPlotR 0.6.0’s method: the over-dispersion factor phi and tau-squared are returned). ' +
      'NOT_FOUND for an unknown indicator (INDICATOR_NOT_FOUND) or a period without values (NO_VALUES_FOR_PERIOD); BAD_USER_INPUT (FUNNEL_NOT_A_PROPORTION) for an indicator that is not a percentage. Public.',
  })
  @Access(PUBLIC)
  async providerComparison(
    @Arg('indicator', () => String, { description: 'Indicator code, for example AE_4HR_ALL.' }) indicator: string,
    @Arg('period', () => DateScalar, { description: 'First day of the period, for example 2019-03-01.' }) period: string,
    @Arg('adjustment', () => FunnelAdjustmentEnum, {
      defaultValue: 'ADDITIVE_RANDOM_EFFECTS',
      description: 'Whether the limits allow for over-dispersion; ADDITIVE_RANDOM_EFFECTS by default, NONE for limits from sampling error alone.',
    })
    adjustment: FunnelAdjustment,
    @Ctx() context: RequestContext,
  ): Promise<ProviderComparison> {
    return toProviderComparison(await context.services.scorecards.comparison(indicator.trim(), period, adjustment, context.loaders));
  }
}

/** A compared provider's organisation comes through the per-request loader. */
@Resolver(() => ComparedProvider)
export class ComparedProviderResolver {
  @FieldResolver(() => Organisation, { description: 'The provider.' })
  async provider(@Root() compared: ComparedProvider, @Ctx() context: RequestContext): Promise<Organisation> {
    return toOrganisation(required(await context.loaders.organisation.load(compared.providerCode), compared.providerCode));
  }
}

/** Every resolver of this area, for build-schema.ts. */
export const scorecardResolvers = [ScorecardsResolver, ComparedProviderResolver] as const;

/** Values reference organisations by foreign key, so a missing one is a broken invariant. */
function required<T>(value: T | null, code: string): T {
  if (value === null) throw new Error(`organisation ${code} of an indicator value was not found`);
  return value;
}
