import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access, PUBLIC, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisations/organisation.type';
import { toOrganisation } from '../organisations/organisations.resolver';
import type { RequestContext } from '../server/request-context';
import { Assessment } from './assessment.type';
import { AssuranceReportsService } from './assurance-reports.service';
import { AssuranceTriggersService } from './assurance-triggers.service';
import { AssuranceBuddy, AssuranceTriggers, AssuranceWorkspaceEntry, CcgAssurance, CcgAssuranceReport, EnglandAssuranceReport, EnglandReportEntry } from './ccg-assurance.type';
import { SpecialMeasuresEpisode } from './special-measures.type';
import { today } from './today';

/** Triggers beside the assessment form (assessors) and the annual reports (public, published data only). */
@Resolver()
export class AssuranceReadsResolver {
  @Query(() => AssuranceTriggers, {
    description:
      "Warning signs for a CCG: indicators of the providers the scorecard grid relates to it that are consistently failing or show special-cause concern on the latest point; its latest financial plan version not compliant; an adverse forecast variance warning; " +
      'Not assured in its latest published assessment. Each says where it came from. NOT_FOUND for an unknown CCG. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async assuranceTriggers(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Ctx() context: RequestContext,
    @Arg('financialYear', () => String, { nullable: true, description: 'The financial plan year to judge ("2015/16"); the latest plan the CCG has when omitted.' }) financialYear?: string,
  ): Promise<AssuranceTriggers> {
    return new AssuranceTriggersService(context.dataSource).triggers(context.viewer as Viewer, ccg, financialYear ?? null, context.loaders);
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
    return new AssuranceReportsService(context.dataSource).ccgReport(ccg, financialYear, today());
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
    return new AssuranceReportsService(context.dataSource).englandReport(financialYear, today());
  }
}

async function organisation(code: string, context: RequestContext): Promise<Organisation> {
  const row = await context.loaders.organisation.load(code);
  if (!row) throw new Error(`assurance data names organisation ${code}, which is not known`);
  return toOrganisation(row);
}

@Resolver(() => Assessment)
export class AssessmentCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG assessed.' })
  ccg(@Root() assessment: Assessment, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(assessment.ccgCode, context);
  }
}

@Resolver(() => SpecialMeasuresEpisode)
export class SpecialMeasuresCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG in special measures.' })
  ccg(@Root() episode: SpecialMeasuresEpisode, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(episode.ccgCode, context);
  }
}

@Resolver(() => CcgAssurance)
export class CcgAssuranceCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() assurance: CcgAssurance, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(assurance.ccgCode, context);
  }
}

@Resolver(() => AssuranceBuddy)
export class AssuranceBuddyCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The buddy CCG.' })
  ccg(@Root() buddy: AssuranceBuddy, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(buddy.buddyCode, context);
  }
}

@Resolver(() => AssuranceWorkspaceEntry)
export class WorkspaceEntryCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() entry: AssuranceWorkspaceEntry, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(entry.ccgCode, context);
  }
}

@Resolver(() => AssuranceTriggers)
export class AssuranceTriggersCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() triggers: AssuranceTriggers, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(triggers.ccgCode, context);
  }
}

@Resolver(() => CcgAssuranceReport)
export class CcgAssuranceReportCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() report: CcgAssuranceReport, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(report.ccgCode, context);
  }
}

@Resolver(() => EnglandReportEntry)
export class EnglandReportEntryCcgResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() entry: EnglandReportEntry, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisation(entry.ccgCode, context);
  }
}
