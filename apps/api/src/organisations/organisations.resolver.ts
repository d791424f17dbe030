import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, PUBLIC } from '../auth/access';
import { decodeCursor, encodeCursor, pageSize, unlessNotSelected } from '../server/pagination';
import { selectsTotalCount } from '../server/selection';
import type { RequestContext } from '../server/request-context';
import { OrganisationFilter } from './organisation-filter.input';
import { Organisation, OrganisationConnection, OrganisationPopulation, OrganisationRelationship, type RelationshipKind } from './organisation.type';
import { toOrganisation } from './organisation.mapper';
import type { RelationshipView } from './organisations.service';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  @Query(() => OrganisationConnection, { description: 'NHS organisations by ODS code, filtered and paged (Relay cursor connection). Public.' })
  @Access(PUBLIC)
  async organisations(
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OrganisationFilter, { nullable: true, description: 'Which organisations to list.' }) filter?: OrganisationFilter,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 200; default 50).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor).' }) after?: string,
  ): Promise<OrganisationConnection> {
    const result = await context.services.organisations.list(filter ?? {}, pageSize(first), decodeCursor(after), selectsTotalCount(info));
    const nodes = result.rows.map(toOrganisation);
    for (const row of result.rows) context.loaders.organisation.prime(row.code, row);
    return {
      edges: nodes.map((node) => ({ cursor: encodeCursor(node.code), node })),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].code) : null },
      totalCount: unlessNotSelected(result.totalCount),
    };
  }

  @Query(() => Organisation, { description: 'One organisation by its ODS code, with its relationships. NOT_FOUND when unknown. Public.' })
  @Access(PUBLIC)
  async organisation(@Arg('code', () => String, { description: 'ODS code, for example RR8.' }) code: string, @Ctx() context: RequestContext): Promise<Organisation> {
    return toOrganisation(await context.services.organisations.get(code.trim()));
  }

  @FieldResolver(() => [OrganisationRelationship], { description: 'What this organisation belongs to (region, area team, STP), each with its dates.' })
  async memberOf(@Root() organisation: Organisation, @Ctx() context: RequestContext): Promise<OrganisationRelationship[]> {
    const rows = (await context.loaders.relationships.load(organisation.code)).filter((row) => row.organisationCode === organisation.code);
    return this.withOrganisations(rows, (row) => row.relatedCode, context);
  }

  @FieldResolver(() => [OrganisationRelationship], { description: 'Organisations that belong to this one (for example the CCGs of a region), each with its dates.' })
  async members(@Root() organisation: Organisation, @Ctx() context: RequestContext): Promise<OrganisationRelationship[]> {
    const rows = (await context.loaders.relationships.load(organisation.code)).filter((row) => row.relatedCode === organisation.code);
    return this.withOrganisations(rows, (row) => row.organisationCode, context);
  }

  @FieldResolver(() => [OrganisationPopulation], { description: 'Registered population by financial year, where known (CCGs).' })
  async populations(@Root() organisation: Organisation, @Ctx() context: RequestContext): Promise<OrganisationPopulation[]> {
    return context.loaders.populations.load(organisation.code);
  }

  private async withOrganisations(rows: RelationshipView[], other: (row: RelationshipView) => string, context: RequestContext): Promise<OrganisationRelationship[]> {
    const organisations = await context.loaders.organisation.loadMany(rows.map(other));
    return rows.flatMap((row, index) => {
      const related = organisations[index];
      if (!related || related instanceof Error) return [];
      return [{ kind: row.kind as RelationshipKind, organisation: toOrganisation(related), validFrom: row.validFrom, validTo: row.validTo, source: row.source }];
    });
  }
}
