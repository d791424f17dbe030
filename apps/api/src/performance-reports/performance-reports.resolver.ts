import { todayInEngland } from '@ccg-assure/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { organisationOf } from '../assessments/assessment-fields.resolver';
import { Access, PUBLIC, SIGNED_IN } from '../auth/access';
import type { Viewer } from '../auth/viewer';
import { ProvidersBasis } from '../contracts/contracts-enums';
import { Organisation } from '../organisations/organisation.type';
import type { RequestContext } from '../server/request-context';
import { DateScalar } from '../server/scalars';
import {
  AddReportActionInput,
  AnnotateSeriesPointInput,
  ApplyPerformanceReportActionInput,
  CorrectPerformanceReportInput,
  PreparePerformanceReportInput,
  UpdateReportActionInput,
  UpdateReportCommentaryInput,
} from './performance-report.input';
import { HigherBoard, PerformanceReport, PerformanceReportEvent, PerformanceReportVersion, ReportAction, ReportSection, SeriesAnnotation, SignOff } from './performance-report.type';
import { GraphQLDateTime } from 'graphql-scalars';

// The monthly performance report's root fields (issue 17): reads for the CCG's staff, its higher board and NHS
// England's administrators, public reads of published versions, and the sign-off's changes. Every change answers
// with the report as the viewer now sees it.

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;
/** A public field's viewer: one who must change a one-time password first reads only what the public reads. */
const publicViewerOf = (context: RequestContext): Viewer | null => (context.viewer?.mustChangePassword ? null : context.viewer);
const today = () => todayInEngland(new Date());

async function requireReport(id: string, context: RequestContext): Promise<PerformanceReport> {
  const report = await context.services.performanceReports.report(context.viewer, id);
  if (!report) throw new Error(`performance report ${id} is not readable after a change`);
  return report;
}

const EDIT_ERRORS = 'BAD_USER_INPUT TEXT_REQUIRED; NOT_FOUND PERFORMANCE_REPORT_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT INVALID_TRANSITION (not a draft), STALE_VERSION';

@Resolver(() => PerformanceReport)
export class PerformanceReportsResolver {
  @Query(() => [PerformanceReport], {
    description:
      'A CCG’s reports, the latest month first, then the latest version. The CCG’s staff and NHS England’s administrators read every version; a board member of the higher organisation reads the versions the CCG has signed. FORBIDDEN NOT_YOUR_CCG for anyone else.',
  })
  @Access(SIGNED_IN)
  performanceReports(@Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string, @Ctx() context: RequestContext): Promise<PerformanceReport[]> {
    return context.services.performanceReports.reportsOfCcg(viewerOf(context), ccg);
  }

  @Query(() => PerformanceReport, { nullable: true, description: 'One version of a report; null when there is none or the viewer may not read it (anyone reads a published version).' })
  @Access(PUBLIC)
  performanceReport(@Arg('id', () => ID, { description: 'The report (version).' }) id: string, @Ctx() context: RequestContext): Promise<PerformanceReport | null> {
    return context.services.performanceReports.report(publicViewerOf(context), id);
  }

  @Query(() => [PerformanceReport], { description: 'Published reports (signed by the CCG and the higher board): the public version of each CCG and month, the latest month first. Public.' })
  @Access(PUBLIC)
  publishedPerformanceReports(@Arg('ccg', () => String, { nullable: true, description: 'ODS code of a CCG; omit for every CCG.' }) ccg: string | null, @Ctx() context: RequestContext): Promise<PerformanceReport[]> {
    return context.services.performanceReports.publishedReports(ccg ?? null);
  }

  @Query(() => PerformanceReport, { nullable: true, description: 'A CCG’s published report for a month: the public version, or an earlier published version (now superseded) when asked for. Null when none. Public.' })
  @Access(PUBLIC)
  publishedPerformanceReport(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Arg('month', () => DateScalar, { description: 'Any day of the month.' }) month: string,
    @Arg('version', () => Int, { nullable: true, description: 'A version number; omit for the public (latest published) version.' }) version: number | null,
    @Ctx() context: RequestContext,
  ): Promise<PerformanceReport | null> {
    return context.services.performanceReports.publishedReport(ccg, month, version ?? null);
  }

  @Query(() => [SeriesAnnotation], {
    description: 'The annotations of one series (a provider’s indicator), oldest point first, for its charts: those made on performance reports the viewer may read (signed out: published reports).',
  })
  @Access(PUBLIC)
  seriesAnnotations(
    @Arg('organisationCode', () => String, { description: 'ODS code of the provider.' }) organisationCode: string,
    @Arg('indicatorCode', () => String, { description: 'The indicator’s code.' }) indicatorCode: string,
    @Ctx() context: RequestContext,
  ): Promise<SeriesAnnotation[]> {
    return context.services.performanceReports.seriesAnnotations(publicViewerOf(context), organisationCode, indicatorCode);
  }

  @Mutation(() => PerformanceReport, {
    description:
      'Prepares a CCG’s report for a month (version 1, a draft built live from the stored data). An analyst of the CCG. BAD_USER_INPUT CCG_NOT_OPEN_IN_MONTH, MONTH_NOT_ENDED, NOT_A_CCG; NOT_FOUND ORGANISATION_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT REPORT_EXISTS (details: reportId).',
  })
  @Access(SIGNED_IN)
  async preparePerformanceReport(@Arg('input', () => PreparePerformanceReportInput, { description: 'The CCG and month.' }) input: PreparePerformanceReportInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.prepare(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  @Mutation(() => PerformanceReport, { description: `Writes a section’s commentary on a draft. An analyst of the CCG. ${EDIT_ERRORS}.` })
  @Access(SIGNED_IN)
  async updateReportCommentary(@Arg('input', () => UpdateReportCommentaryInput, { description: 'The section and commentary.' }) input: UpdateReportCommentaryInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.updateCommentary(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  @Mutation(() => PerformanceReport, { description: `Annotates a point of one of a draft’s series; later charts of the series show it. An analyst of the CCG. BAD_USER_INPUT SERIES_NOT_IN_REPORT, POINT_NOT_IN_REPORT; ${EDIT_ERRORS}.` })
  @Access(SIGNED_IN)
  async annotateSeriesPoint(@Arg('input', () => AnnotateSeriesPointInput, { description: 'The point and note.' }) input: AnnotateSeriesPointInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.annotate(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  @Mutation(() => PerformanceReport, { description: `Adds a remedial action to a draft; it is carried into later months’ reports until closed. An analyst of the CCG. NOT_FOUND ORGANISATION_NOT_FOUND; ${EDIT_ERRORS}.` })
  @Access(SIGNED_IN)
  async addReportAction(@Arg('input', () => AddReportActionInput, { description: 'The action.' }) input: AddReportActionInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.addAction(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  @Mutation(() => PerformanceReport, {
    description: `Changes a remedial action a draft shows; DONE or DROPPED closes it in this report. An analyst of the CCG. NOT_FOUND REPORT_ACTION_NOT_FOUND; CONFLICT STALE_VERSION (the action’s version); ${EDIT_ERRORS}.`,
  })
  @Access(SIGNED_IN)
  async updateReportAction(@Arg('input', () => UpdateReportActionInput, { description: 'The change.' }) input: UpdateReportActionInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.updateAction(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  @Mutation(() => PerformanceReport, {
    description:
      'Makes a move of the sign-off: SUBMIT_TO_CCG (analyst), RETURN_TO_ANALYST or SIGN_FOR_CCG (a board member of the CCG; signing freezes the report), SIGN_FOR_HIGHER_BOARD (publishes it) or RETURN_BY_HIGHER_BOARD (a board member of the higher organisation). BAD_USER_INPUT REASON_REQUIRED, MEETING_REQUIRED, SIGNED_ON_REQUIRED, INVALID_DATE, SIGNED_ON_IN_FUTURE, SIGNED_ON_BEFORE_MONTH_END, SIGNED_ON_BEFORE_CCG, UNSUPPORTED_ACTION; NOT_FOUND PERFORMANCE_REPORT_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT INVALID_TRANSITION, STALE_VERSION.',
  })
  @Access(SIGNED_IN)
  async applyPerformanceReportAction(@Arg('input', () => ApplyPerformanceReportActionInput, { description: 'The move.' }) input: ApplyPerformanceReportActionInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.apply(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  @Mutation(() => PerformanceReport, {
    description:
      'Corrects the latest version of a signed, published or returned report: answers with the new version (a draft with the reason). The corrected version stays readable; it is superseded at once, or when the correction is published if it was published. An analyst of the CCG. BAD_USER_INPUT REASON_REQUIRED; NOT_FOUND PERFORMANCE_REPORT_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT INVALID_TRANSITION, CORRECTION_ALREADY_STARTED, STALE_VERSION.',
  })
  @Access(SIGNED_IN)
  async correctPerformanceReport(@Arg('input', () => CorrectPerformanceReportInput, { description: 'The version and reason.' }) input: CorrectPerformanceReportInput, @Ctx() context: RequestContext): Promise<PerformanceReport> {
    const id = await context.services.performanceReports.correct(viewerOf(context), context.requestId, input, today());
    return requireReport(id, context);
  }

  // ---- fields ----------------------------------------------------------------------------------------

  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(report.ccgCode, context);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The higher organisation that signs stage two (an NHS England area team or region); null when the data names none.' })
  higherOrganisation(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<Organisation> | null {
    return report.higherOrganisationCode ? organisationOf(report.higherOrganisationCode, context) : null;
  }

  @FieldResolver(() => GraphQLDateTime, { description: 'When the content shown was built: now for a live report, the CCG’s signature for a frozen one.' })
  async builtAt(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<string> {
    return (await context.services.performanceReports.detailsOf(report.source)).builtAt;
  }

  @FieldResolver(() => ProvidersBasis, { description: 'How the CCG’s providers on the scorecard were found: its contracts for the year, else its region.' })
  async providersBasis(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<ProvidersBasis> {
    return (await context.services.performanceReports.detailsOf(report.source)).providersBasis;
  }

  @FieldResolver(() => [ReportSection], { description: 'The sections in order (SCORECARD, FINANCE, ASSURANCE, CONTRACTS, ESCALATION, ACTIONS), each with its commentary.' })
  async sections(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<ReportSection[]> {
    return (await context.services.performanceReports.detailsOf(report.source)).sections;
  }

  @FieldResolver(() => [ReportAction], { description: 'The remedial actions: raised with this report or carried forward from earlier months until closed.' })
  async actions(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<ReportAction[]> {
    return (await context.services.performanceReports.detailsOf(report.source)).actions;
  }

  @FieldResolver(() => [SeriesAnnotation], { description: 'Annotations of the scorecard’s series up to the report’s month, made on this report or earlier ones.' })
  async annotations(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<SeriesAnnotation[]> {
    return (await context.services.performanceReports.detailsOf(report.source)).annotations;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'How many of the values the frozen report shows the data has since changed or removed; null while the report is live.' })
  async changedValuesSinceFrozen(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<number | null> {
    return (await context.services.performanceReports.detailsOf(report.source)).changedValuesSinceFrozen;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'How many values (every chart point) the frozen report holds; null while live.' })
  async frozenValueCount(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<number | null> {
    return (await context.services.performanceReports.detailsOf(report.source)).frozenValueCount;
  }

  @FieldResolver(() => HigherBoard, { description: 'Which board receives the report after the CCG, and why.' })
  async higherBoard(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<HigherBoard> {
    return (await context.services.performanceReports.detailsOf(report.source)).higherBoard;
  }

  @FieldResolver(() => [PerformanceReportVersion], { description: 'Every version of the CCG’s report for the month that the viewer may read, the first first.' })
  async versions(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<PerformanceReportVersion[]> {
    return (await context.services.performanceReports.detailsOf(report.source)).versions;
  }

  @FieldResolver(() => [PerformanceReportEvent], { description: 'The history of this version, oldest first: who did what and when.' })
  async history(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<PerformanceReportEvent[]> {
    return (await context.services.performanceReports.detailsOf(report.source)).history;
  }

  @FieldResolver(() => PerformanceReportVersion, { nullable: true, description: 'The version this one corrects; null for version 1 (or when the viewer may not read it).' })
  async supersedes(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<PerformanceReportVersion | null> {
    return (await context.services.performanceReports.detailsOf(report.source)).supersedes;
  }

  @FieldResolver(() => PerformanceReportVersion, { nullable: true, description: 'The version that corrects this one; null when none has been started (or the viewer may not read it).' })
  async supersededBy(@Root() report: PerformanceReport, @Ctx() context: RequestContext): Promise<PerformanceReportVersion | null> {
    return (await context.services.performanceReports.detailsOf(report.source)).supersededBy;
  }
}

@Resolver(() => SignOff)
export class SignOffResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation signed for: the CCG, or the higher organisation.' })
  organisation(@Root() signOff: SignOff, @Ctx() context: RequestContext): Promise<Organisation> | null {
    return signOff.organisationCode ? organisationOf(signOff.organisationCode, context) : null;
  }
}

export const performanceReportResolvers = [PerformanceReportsResolver, SignOffResolver] as const;
