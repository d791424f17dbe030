import { ASSURANCE_CATEGORY_CODES, type FinancialYear } from '@ccg-assure/domain';
import type { AssessmentView } from '../assessments/assessment-view';
import type { AssessmentsService } from '../assessments/assessments.service';
import { fieldsOf, requireCcg, requireFinancialYear } from '../assessments/assurance-checks';
import type { OrganisationsService } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';
import type { SpecialMeasuresEpisodeView } from '../special-measures/special-measures-view';
import type { SpecialMeasuresService } from '../special-measures/special-measures.service';
import type { CcgAssuranceReportView, EnglandAssuranceReportView, EnglandReportEntryView } from './assurance-report-view';

/** An episode counts for a year when it was open at some time in it. */
const openInYear = (episode: SpecialMeasuresEpisodeView, year: FinancialYear) =>
  episode.enteredOn !== null && episode.enteredOn <= year.end && (episode.closedOn === null || episode.closedOn >= year.start);

/**
 * The annual assurance reports (issue 7; seed 003: "an annual statutory assurance report is published"), per CCG
 * and for England, from published data only: published assessments, and special measures episodes once publicly
 * notified, with their steps and clocks as at the end of the year (or today, if earlier). Read through the
 * assessments and special measures services.
 */
export class AssuranceReportsService {
  /** It reads the database only through other services' use cases, so it takes those and no DataSource. */
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly assessments: AssessmentsService,
    private readonly specialMeasures: SpecialMeasuresService,
  ) {}

  async ccgReport(ccg: string, financialYear: string, today: string): Promise<CcgAssuranceReportView> {
    const year = requireFinancialYear(financialYear);
    const organisation = await requireCcg(this.organisations, ccg);
    // By quarter, oldest first.
    const assessments = (await this.assessments.assessmentsOf({ ccgCode: organisation.code, financialYear: year.label }, { internal: false })).reverse();
    if (assessments.length === 0) throw noneFor(year, organisation.code);
    const specialMeasures = await this.publicEpisodesOf([organisation.code], year, today);
    return {
      ccgCode: organisation.code,
      financialYear: year.label,
      generatedOn: today,
      latestCategory: assessments[assessments.length - 1].decidedCategory,
      assessments,
      specialMeasures,
      stakeholderSurvey: await this.assessments.stakeholderSurvey(organisation.code, year.label),
      illustrative: assessments.some((assessment) => assessment.illustrative) || specialMeasures.some((episode) => episode.illustrative),
    };
  }

  async englandReport(financialYear: string, today: string): Promise<EnglandAssuranceReportView> {
    const year = requireFinancialYear(financialYear);
    const assessments = await this.assessments.assessmentsOf({ financialYear: year.label }, { internal: false });
    if (assessments.length === 0) throw noneFor(year, null);
    // Newest quarter first, so the first seen of each CCG is its latest of the year.
    const latest = new Map<string, AssessmentView>();
    for (const assessment of assessments) if (!latest.has(assessment.ccgCode)) latest.set(assessment.ccgCode, assessment);
    const episodes = await this.publicEpisodesOf(null, year, today);
    const ccgs = [...latest.values()]
      .sort((a, b) => (a.ccgCode < b.ccgCode ? -1 : 1))
      .map((assessment): EnglandReportEntryView => {
        const episode = episodes.find((candidate) => candidate.ccgCode === assessment.ccgCode);
        return {
          ccgCode: assessment.ccgCode,
          category: assessment.decidedCategory as EnglandReportEntryView['category'],
          quarterLabel: assessment.quarterLabel,
          assessedOn: assessment.assessedOn,
          assessmentId: assessment.id,
          specialMeasuresState: episode?.state ?? null,
          illustrative: assessment.illustrative || Boolean(episode?.illustrative),
        };
      });
    return {
      financialYear: year.label,
      generatedOn: today,
      ccgsAssessed: ccgs.length,
      categoryCounts: ASSURANCE_CATEGORY_CODES.map((category) => ({ category, count: ccgs.filter((entry) => entry.category === category).length })),
      ccgsInSpecialMeasures: new Set(episodes.map((episode) => episode.ccgCode)).size,
      ccgs,
      illustrative: ccgs.some((entry) => entry.illustrative) || episodes.some((episode) => episode.illustrative),
    };
  }

  /** Publicly notified episodes open at some time in the year, as at its end (or today, if earlier). */
  private async publicEpisodesOf(ccgCodes: readonly string[] | null, year: FinancialYear, today: string): Promise<SpecialMeasuresEpisodeView[]> {
    const asOf = today < year.end ? today : year.end;
    return (await this.specialMeasures.episodesOf(ccgCodes, asOf, { internal: false, upTo: asOf })).filter((episode) => openInYear(episode, year));
  }
}

function noneFor(year: FinancialYear, ccgCode: string | null): AppError {
  return new AppError('NOT_FOUND', 'NO_PUBLISHED_ASSESSMENTS', `No assessment ${ccgCode ? `of ${ccgCode} ` : ''}was published for ${year.label}.`, {
    financialYear: year.label,
    ccg: ccgCode,
    ...fieldsOf(...(ccgCode ? ['ccg', 'financialYear'] : ['financialYear'])),
  });
}
