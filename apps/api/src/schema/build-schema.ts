import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountsResolver } from '../accounts/accounts.resolver';
import { assessmentResolvers } from '../assessments/assessments.resolver';
import { attentionResolvers } from '../attention/attention.resolver';
import { assuranceReportResolvers } from '../assurance-reports/assurance-reports.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { applyAccessRules } from '../auth/access';
import { AuthResolver } from '../auth/auth.resolver';
import { contractResolvers } from '../contracts/contracts.resolver';
import { escalationResolvers } from '../escalation/escalation.resolver';
import { FinanceResolver } from '../finance/finance.resolver';
import { FinancialPlansResolver } from '../finance/financial-plans.resolver';
import { ImportsResolver } from '../imports/imports.resolver';
import { IndicatorsResolver } from '../indicators/indicators.resolver';
import { performanceReportResolvers } from '../performance-reports/performance-reports.resolver';
import { OrganisationsResolver } from '../organisations/organisations.resolver';
import { sanctionsResolvers } from '../sanctions/sanctions.resolver';
import { scorecardResolvers } from '../scorecards/scorecards.resolver';
import { specialMeasuresResolvers } from '../special-measures/special-measures.resolver';
import { TargetsResolver } from '../targets/targets.resolver';

export const resolvers = [AuthResolver, AccountsResolver, AuditResolver, OrganisationsResolver, IndicatorsResolver, ImportsResolver, FinanceResolver, FinancialPlansResolver, ...scorecardResolvers, ...assessmentResolvers, ...specialMeasuresResolvers, ...assuranceReportResolvers, ...contractResolvers, ...sanctionsResolvers, ...escalationResolvers, ...performanceReportResolvers, TargetsResolver, ...attentionResolvers] as const;

/**
 * Builds the GraphQL schema. Resolvers hold no state: they take the services from the request context
 * (`context.services`, see server/services.ts), so the same schema prints and executes.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
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
  return printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
