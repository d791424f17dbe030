import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { assuranceResolvers } from '../assurance/assurance-resolvers';
import { AuditResolver } from '../audit/audit.resolver';
import { applyAccessRules } from '../auth/access';
import { AuthResolver } from '../auth/auth.resolver';
import { AuthService } from '../auth/auth.service';
import { FinanceResolver } from '../finance/finance.resolver';
import { FinancialPlansResolver } from '../finance/financial-plans.resolver';
import { ImportsResolver } from '../imports/imports.resolver';
import { IndicatorsResolver } from '../indicators/indicators.resolver';
import { OrganisationsResolver } from '../organisations/organisations.resolver';
import { scorecardResolvers } from '../scorecards/scorecards.resolver';

/** The services resolvers are built with; one set per running server. */
export interface Services {
  dataSource: DataSource;
  auth: AuthService;
}

export const resolvers = [AuthResolver, AuditResolver, OrganisationsResolver, IndicatorsResolver, ImportsResolver, FinanceResolver, FinancialPlansResolver, ...scorecardResolvers, ...assuranceResolvers] as const;

function containerFor(services: Services | null): ContainerType {
  const make = new Map<unknown, () => unknown>([
    [AuthResolver, () => new AuthResolver(required(services).auth)],
    [AuditResolver, () => new AuditResolver(required(services).dataSource)],
    [OrganisationsResolver, () => new OrganisationsResolver()],
    [IndicatorsResolver, () => new IndicatorsResolver()],
    [ImportsResolver, () => new ImportsResolver()],
    [FinanceResolver, () => new FinanceResolver()],
    [FinancialPlansResolver, () => new FinancialPlansResolver()],
    ...scorecardResolvers.map((resolver) => [resolver, () => new resolver()] as const),
    ...assuranceResolvers.map((resolver) => [resolver, () => new resolver()] as const),
  ]);
  const instances = new Map<unknown, unknown>();
  return {
    get(someClass) {
      if (!instances.has(someClass)) {
        const factory = make.get(someClass);
        if (!factory) throw new Error(`No factory for resolver ${String((someClass as { name?: string }).name)}`);
        instances.set(someClass, factory());
      }
      return instances.get(someClass);
    },
  };
}

function required(services: Services | null): Services {
  if (!services) throw new Error('This schema was built without services (for printing only)');
  return services;
}

/** Builds the GraphQL schema; without services it can only be printed, not executed. */
export async function buildAppSchema(services: Services | null): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    container: containerFor(services),
    validate: { forbidUnknownValues: true },
  });
  // type-graphql has no way to describe the root types; the schema is a product, so say what they are.
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Everything a client can read. Each field states who may call it.';
  if (mutation) mutation.description = 'Everything a client can change. Each change is audited in the same transaction.';
  return applyAccessRules(schema);
}

/** The schema as committed in apps/api/schema.graphql: sorted, so the file diffs cleanly. */
export async function printAppSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema(null))) + '\n';
}
