import { todayInEngland } from '@ccg-assure/domain';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { organisationOf } from '../assessments/assessment-fields.resolver';
import { Access, PUBLIC, roles, SIGNED_IN } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisations/organisation.type';
import type { RequestContext } from '../server/request-context';
import { DateScalar } from '../server/scalars';
import { CcgAssuranceReport, EnglandAssuranceReport, EnglandReportEntry } from './assurance-report.type';
import { AssuranceWorkspace, AssuranceWorkspaceEntry, CcgAssurance } from './ccg-assurance.type';

/**
 * A CCG's assurance (its own users and assessors, or the published view for anyone), the assessor's workspace, and
 * the annual reports (public, published data only).
 */
@Resolver()
export class AssuranceReportsResolver {
  @Query(() => AssuranceWorkspace, {
    description: "The assessor's workspace: every CCG with its current category, last assessment, next due date, draft in progress and special measures, overdue first. NHS England assessors.",
  })
  @Access(roles(Role.ASSESSOR))
  async assuranceWorkspace(
    @Ctx() context: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date to judge "overdue" at; today when omitted.' }) asOf?: string,
  ): Promise<AssuranceWorkspace> {
    return context.services.ccgAssurance.workspace(viewerOf(context), asOf ?? todayInEngland(new Date()));
  }

  @Query(() => CcgAssurance, {
    description:
      "A CCG's assurance with drafts: assessments, ratings by domain over time, current category and next due date, special measures with the clock and improvement plan progress, buddy, survey results. " +
      "NHS England assessors and the CCG's own users (any role held for the CCG); others FORBIDDEN, NOT_YOUR_CCG (the public use publishedAssurance). NOT_FOUND for an unknown CCG.",
  })
  @Access(SIGNED_IN)
  async ccgAssurance(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG, for example 02V.' }) ccg: string,
    @Ctx() context: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date clocks and due dates are read at; today when omitted.' }) asOf?: string,
  ): Promise<CcgAssurance> {
    return context.services.ccgAssurance.ccgAssurance(viewerOf(context), ccg, asOf ?? todayInEngland(new Date()));
  }

  @Query(() => CcgAssurance, {
    description: "A CCG's published assurance: published assessments only, and special measures once publicly notified. Public. NOT_FOUND for an unknown CCG.",
  })
  @Access(PUBLIC)
  async publishedAssurance(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG, for example 02V.' }) ccg: string,
    @Ctx() context: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date clocks and due dates are read at; today when omitted.' }) asOf?: string,
  ): Promise<CcgAssurance> {
    return context.services.ccgAssurance.publishedAssurance(ccg, asOf ?? todayInEngland(new Date()));
  }

  @Query(() => CcgAssuranceReport, {
    description:
      "A CCG's annual assurance report for a financial year, from published data only (the printable page; the PDF is GET /reports/assurance/<ccg>/<yyyy-yy>.pdf). NOT_FOUND NO_PUBLISHED_ASSESSMENTS when nothing was published for the year. Public.",
  })
  @Access(PUBLIC)
  async ccgAssuranceReport(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Arg('financialYear', () => String, { description: 'The financial year, "2015/16".' }) financialYear: string,
    @Ctx() context: RequestContext,
  ): Promise<CcgAssuranceReport> {
    return context.services.assuranceReports.ccgReport(ccg, financialYear, todayInEngland(new Date()));
  }

  @Query(() => EnglandAssuranceReport, {
    description:
      'The England annual assurance report for a financial year, from published data only (the printable page; the PDF is GET /reports/assurance/england/<yyyy-yy>.pdf). NOT_FOUND NO_PUBLISHED_ASSESSMENTS when nothing was published for the year. Public.',
  })
  @Access(PUBLIC)
  async englandAssuranceReport(
    @Arg('financialYear', () => String, { description: 'The financial year, "2015/16".' }) financialYear: string,
    @Ctx() context: RequestContext,
  ): Promise<EnglandAssuranceReport> {
    return context.services.assuranceReports.englandReport(financialYear, todayInEngland(new Date()));
  }
}

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

@Resolver(() => CcgAssurance)
export class CcgAssuranceFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() assurance: CcgAssurance, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(assurance.ccgCode, context);
  }
}

@Resolver(() => AssuranceWorkspaceEntry)
export class WorkspaceEntryFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() entry: AssuranceWorkspaceEntry, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(entry.ccgCode, context);
  }
}

@Resolver(() => CcgAssuranceReport)
export class CcgAssuranceReportFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() report: CcgAssuranceReport, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(report.ccgCode, context);
  }
}

@Resolver(() => EnglandReportEntry)
export class EnglandReportEntryFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() entry: EnglandReportEntry, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(entry.ccgCode, context);
  }
}

/** Every resolver of the assurance reports area, for build-schema.ts; each is built with no arguments. */
export const assuranceReportResolvers = [AssuranceReportsResolver, CcgAssuranceFieldsResolver, WorkspaceEntryFieldsResolver, CcgAssuranceReportFieldsResolver, EnglandReportEntryFieldsResolver] as const;
