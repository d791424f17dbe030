import { ASSURANCE_CATEGORY_CODES } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { AppError } from '../server/app-error';
import { toAssessment } from './assessment.mapper';
import * as repository from './assessments.repository';
import type { CcgAssuranceReport, EnglandAssuranceReport, EnglandReportEntry } from './ccg-assurance.type';
import { parseFinancialYear, quarterLabel, requireCcg, type FinancialYear } from './quarters';
import { loadSpecialMeasures } from './special-measures.reads';
import type { SpecialMeasuresEpisode } from './special-measures.type';
import { readStakeholderSurvey } from './stakeholder-survey.repository';

/** An episode counts for a year when it was open at some time in it. */
const openInYear = (episode: SpecialMeasuresEpisode, year: FinancialYear) =>
  episode.enteredOn !== null && episode.enteredOn <= year.end && (episode.closedOn === null || episode.closedOn >= year.start);

/**
 * The annual assurance reports (issue 7; seed 003: "an annual statutory assurance report is published"), per CCG
 * and for England, from published data only: published assessments, and special measures episodes once publicly
 * notified, with their steps and clocks as at the end of the year (or today, if earlier).
 */
export class AssuranceReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async ccgReport(ccg: string, financialYear: string, today: string): Promise<CcgAssuranceReport> {
    const manager = this.dataSource.manager;
    const year = parseFinancialYear(financialYear);
    const organisation = await requireCcg(manager, ccg);
    const ids = await repository.listAssessmentIds(manager, { ccgCode: organisation.code, publishedOnly: true, financialYear: year.label });
    if (ids.length === 0) throw noneFor(year, organisation.code);
    const assessments = (await repository.loadAssessmentRecords(manager, [...ids].reverse())).map((record) => toAssessment(record, { internal: false }));
    const asOf = today < year.end ? today : year.end;
    const specialMeasures = (await loadSpecialMeasures(manager, [organisation.code], asOf, { internal: false, upTo: asOf })).filter((episode) => episode.publiclyNotified && openInYear(episode, year));
    return {
      ccgCode: organisation.code,
      financialYear: year.label,
      generatedOn: today,
      latestCategory: assessments[assessments.length - 1].decidedCategory,
      assessments,
      specialMeasures,
      stakeholderSurvey: await readStakeholderSurvey(manager, organisation.code, year.label),
      illustrative: assessments.some((assessment) => assessment.illustrative) || specialMeasures.some((episode) => episode.illustrative),
    };
  }

  async englandReport(financialYear: string, today: string): Promise<EnglandAssuranceReport> {
    const manager = this.dataSource.manager;
    const year = parseFinancialYear(financialYear);
    const ids = await repository.listAssessmentIds(manager, { publishedOnly: true, financialYear: year.label });
    if (ids.length === 0) throw noneFor(year, null);
    // Newest quarter first, so the first seen of each CCG is its latest of the year.
    const latest = new Map<string, repository.AssessmentRow>();
    for (const record of await repository.loadAssessmentRecords(manager, ids)) {
      if (!latest.has(record.assessment.ccgCode)) latest.set(record.assessment.ccgCode, record.assessment);
    }
    const asOf = today < year.end ? today : year.end;
    const episodes = (await loadSpecialMeasures(manager, null, asOf, { internal: false, upTo: asOf })).filter((episode) => episode.publiclyNotified && openInYear(episode, year));
    const ccgs = [...latest.values()]
      .sort((a, b) => (a.ccgCode < b.ccgCode ? -1 : 1))
      .map((row): EnglandReportEntry => {
        const episode = episodes.find((candidate) => candidate.ccgCode === row.ccgCode);
        return {
          ccgCode: row.ccgCode,
          category: row.decidedCategory as EnglandReportEntry['category'],
          quarterLabel: quarterLabel(row.financialYear, row.quarter),
          assessedOn: row.assessedOn,
          assessmentId: row.id,
          specialMeasuresState: episode?.state ?? null,
          illustrative: row.illustrative || Boolean(episode?.illustrative),
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
}

function noneFor(year: FinancialYear, ccgCode: string | null): AppError {
  return new AppError('NOT_FOUND', 'NO_PUBLISHED_ASSESSMENTS', `No assessment ${ccgCode ? `of ${ccgCode} ` : ''}was published for ${year.label}.`, { financialYear: year.label, ccg: ccgCode });
}
