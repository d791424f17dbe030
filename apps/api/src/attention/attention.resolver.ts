import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, PUBLIC } from '../auth/access';
import { Indicator } from '../indicators/indicator.type';
import { toIndicator, toPeriod } from '../indicators/indicator.mapper';
import { Organisation } from '../organisations/organisation.type';
import { toOrganisation } from '../organisations/organisation.mapper';
import { decodeCursor, encodeCursor, pageSize } from '../server/pagination';
import type { RequestContext } from '../server/request-context';
import { DateScalar } from '../server/scalars';
import { AttentionScopeKind, AttentionSort } from './attention-enums';
import { AttentionFilterInput } from './attention.input';
import type { AttentionView } from './attention.service';
import { AttentionConnection, AttentionRow } from './attention.type';

/** What needs attention: published scores for everyone; contract and escalation links only for those who may read them. */
@Resolver()
export class AttentionResolver {
  @Query(() => AttentionConnection, {
    description:
      'What needs attention: every provider and indicator in scope with its latest value as at asOf, the target in force, RAG, the variation and assurance verdicts (stored), ' +
      'the funnel position under the limits adjusted for over-dispersion, the trend of the last three values and a severity (decision 0032); filtered (AND across kinds, OR within one), ' +
      'sorted and paged. Links to contracts and escalation items only for viewers who may read them. NOT_FOUND for an unknown indicator, provider, CCG or region; ' +
      'BAD_USER_INPUT for a CCG and a region together (SCOPE_AMBIGUOUS), an organisation of the wrong kind, an invalid page size or cursor. Public.',
  })
  @Access(PUBLIC)
  async attention(
    @Ctx() context: RequestContext,
    @Arg('filter', () => AttentionFilterInput, { nullable: true, description: 'Which rows to show; the viewer’s default scope and every row when omitted.' }) filter?: AttentionFilterInput,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Use values for periods starting on or before this date; the latest period with data when omitted.' }) asOf?: string,
    @Arg('sort', () => AttentionSort, { nullable: true, description: 'Sort order; most severe first when omitted.' }) sort?: AttentionSort,
    @Arg('first', () => Int, { nullable: true, description: 'How many rows (1 to 200; default 50).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor), with the same filter, asOf and sort.' }) after?: string,
  ): Promise<AttentionConnection> {
    const view = await context.services.attention.attention(
      { filter: filter ?? {}, asOf: asOf ?? null, sort: sort ?? AttentionSort.SEVERITY, size: pageSize(first), afterKey: decodeCursor(after) },
      context.viewer,
      context.loaders,
    );
    return toAttentionConnection(view);
  }
}

/** A row's provider and indicator come through the per-request loaders. */
@Resolver(() => AttentionRow)
export class AttentionRowResolver {
  @FieldResolver(() => Organisation, { description: 'The provider.' })
  async provider(@Root() row: AttentionRow, @Ctx() context: RequestContext): Promise<Organisation> {
    const organisation = await context.loaders.organisation.load(row.providerCode);
    if (!organisation) throw new Error(`organisation ${row.providerCode} of a stored score was not found`);
    return toOrganisation(organisation);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  async indicator(@Root() row: AttentionRow, @Ctx() context: RequestContext): Promise<Indicator> {
    const indicator = await context.loaders.indicator.load(row.indicatorCode);
    if (!indicator) throw new Error(`indicator ${row.indicatorCode} of a stored score was not found`);
    return toIndicator(indicator);
  }
}

export const attentionResolvers = [AttentionResolver, AttentionRowResolver] as const;

function toAttentionConnection(view: AttentionView): AttentionConnection {
  const edges = view.rows.map((row) => ({
    cursor: encodeCursor(row.key),
    node: {
      providerCode: row.providerCode,
      indicatorCode: row.indicatorCode,
      period: toPeriod(row.period),
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      target: row.target,
      targetSource: row.targetSource as AttentionRow['targetSource'],
      rag: row.rag,
      improvementDirection: row.improvementDirection,
      variationType: row.variationType,
      assuranceType: row.assuranceType,
      funnelPosition: row.funnelPosition,
      funnelFavourable: row.funnelFavourable,
      trend: row.trend,
      severity: row.severity,
      links: row.links,
    },
  }));
  return {
    asOf: view.asOf,
    scope: { ...view.scope, kind: view.scope.kind as AttentionScopeKind },
    edges,
    pageInfo: { hasNextPage: view.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: view.totalCount,
  };
}
