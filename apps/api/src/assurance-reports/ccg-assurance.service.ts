import { isAssessmentOverdue, parseFinancialYear, specialMeasuresClock, type AssuranceCategory, type SpecialMeasuresState } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import type { AssessmentView } from '../assessments/assessment-view';
import type { AssessmentsService } from '../assessments/assessments.service';
import { assertAssessor, assertCanReadDraftsOf } from '../assessments/assurance-access';
import { requireCcg } from '../assessments/assurance-checks';
import { AssessmentStatus } from '../assessments/assurance-enums';
import type { BuddyingService } from '../assessments/buddying.service';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { SpecialMeasuresService } from '../special-measures/special-measures.service';
import { workspaceRows } from './assurance-workspace.queries';
import type { AssuranceWorkspaceEntryView, AssuranceWorkspaceView, CcgAssuranceView, DomainRatingSeriesView } from './assurance-report-view';

/**
 * A CCG's assurance as one page shows it (its assessments, current category, ratings over time, special measures,
 * buddy and survey results) and the assessor's workspace of every CCG: views across the assessments and special
 * measures areas, read through their services.
 */
export class CcgAssuranceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly assessments: AssessmentsService,
    private readonly specialMeasures: SpecialMeasuresService,
    private readonly buddying: BuddyingService,
  ) {}

  /** A CCG's assurance with drafts: assessors and the CCG's own users. */
  async ccgAssurance(viewer: Viewer, ccg: string, asOf: string): Promise<CcgAssuranceView> {
    const organisation = await requireCcg(this.organisations, ccg);
    assertCanReadDraftsOf(viewer, organisation.code);
    return this.assuranceOf(organisation.code, asOf, { internal: true });
  }

  /** A CCG's published assurance: anyone. */
  async publishedAssurance(ccg: string, asOf: string): Promise<CcgAssuranceView> {
    const organisation = await requireCcg(this.organisations, ccg);
    return this.assuranceOf(organisation.code, asOf, { internal: false });
  }

  /** Every CCG for the assessor, overdue first: one statement (and the organisation loader for names). */
  async workspace(viewer: Viewer, asOf: string): Promise<AssuranceWorkspaceView> {
    assertAssessor(viewer);
    const rows = await workspaceRows.rows(this.dataSource.manager, []);
    const entries = rows.map((row): AssuranceWorkspaceEntryView & { name: string } => {
      const illustrative = Boolean(row.assessmentIllustrative || row.episodeIllustrative);
      // An illustrative CCG is read at the date of its latest illustrative record (see illustrativeReadingDate).
      const readAt = illustrative ? illustrativeReadingDate(asOf, [row.assessedOn, row.episodeEnteredOn]) : asOf;
      const clock = row.episodeEnteredOn !== null && row.episodeEnteredOn <= readAt ? specialMeasuresClock(row.episodeEnteredOn, readAt, row.episodeClosedOn) : null;
      return {
        ccgCode: row.ccgCode,
        name: row.ccgName,
        currentCategory: row.decidedCategory as AssuranceCategory | null,
        lastAssessedOn: row.assessedOn,
        lastQuarterLabel: row.financialYear && row.quarter ? parseFinancialYear(row.financialYear).quarter(row.quarter).label : null,
        nextAssessmentDue: row.nextAssessmentDue,
        overdue: isAssessmentOverdue(row.nextAssessmentDue, readAt),
        draftAssessmentId: row.draftAssessmentId,
        specialMeasuresState: row.episodeState as SpecialMeasuresState | null,
        specialMeasuresMonthsRemaining: clock ? clock.monthsRemaining : null,
        specialMeasuresOverdue: clock?.overdue ?? false,
        illustrative,
      };
    });
    const rank = (entry: AssuranceWorkspaceEntryView) => (entry.overdue ? 0 : entry.nextAssessmentDue !== null ? 1 : 2);
    const names = new Intl.Collator('en-GB');
    entries.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.nextAssessmentDue ?? '').localeCompare(b.nextAssessmentDue ?? '') ||
        names.compare(a.name, b.name) ||
        (a.ccgCode < b.ccgCode ? -1 : a.ccgCode > b.ccgCode ? 1 : 0),
    );
    return { asOf, entries: entries.map(({ name: _name, ...entry }) => entry) };
  }

  /** Builds a CCG's assurance: a fixed number of statements however many assessments and episodes. */
  private async assuranceOf(ccgCode: string, today: string, options: { internal: boolean }): Promise<CcgAssuranceView> {
    const assessments = await this.assessments.assessmentsOf({ ccgCode }, options);
    const current = assessments.find((assessment) => assessment.status === AssessmentStatus.PUBLISHED) ?? null;
    let episodes = await this.specialMeasures.episodesOf([ccgCode], today, options);
    const illustrativeDates = [
      ...assessments.filter((assessment) => assessment.illustrative && assessment.status === AssessmentStatus.PUBLISHED).map((assessment) => assessment.assessedOn),
      ...episodes.filter((episode) => episode.illustrative).flatMap((episode) => [episode.proposedOn, ...episode.events.map((event) => event.on)]),
    ];
    const asOf = illustrativeDates.length > 0 ? illustrativeReadingDate(today, illustrativeDates) : today;
    if (asOf !== today) episodes = await this.specialMeasures.episodesOf([ccgCode], asOf, options);
    return {
      ccgCode,
      asOf,
      includesDrafts: options.internal,
      currentCategory: current?.decidedCategory ?? null,
      currentAssessment: current,
      lastAssessedOn: current?.assessedOn ?? null,
      nextAssessmentDue: current?.nextAssessmentDue ?? null,
      assessmentOverdue: isAssessmentOverdue(current?.nextAssessmentDue ?? null, asOf),
      assessments,
      ratingsOverTime: ratingSeries(assessments),
      specialMeasures: episodes.find((episode) => episode.closedOn === null) ?? null,
      specialMeasuresEpisodes: episodes,
      buddy: await this.buddying.buddyOf(ccgCode),
      stakeholderSurvey: await this.assessments.stakeholderSurvey(ccgCode, null),
    };
  }
}

/**
 * The date illustrative demonstration records are read at: the latest of their own dates (the "now" of the story they
 * tell), or `asOf` if earlier. Read at today, invented 2015/16 records would all show as years overdue, which says
 * nothing about the process they illustrate (issue 20.7); real records are always read at `asOf`.
 */
export function illustrativeReadingDate(asOf: string, recordDates: readonly (string | null)[]): string {
  const latest = recordDates.filter((date): date is string => date !== null).reduce<string | null>((max, date) => (max === null || date > max ? date : max), null);
  return latest !== null && latest < asOf ? latest : asOf;
}

/** Ratings by domain over time: one series per framework domain that has ratings, oldest first. */
function ratingSeries(assessments: readonly AssessmentView[]): DomainRatingSeriesView[] {
  const oldestFirst = [...assessments].sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0));
  const frameworks = [...new Map(oldestFirst.map((assessment) => [assessment.framework.id, assessment.framework])).values()];
  return frameworks.flatMap((framework) =>
    framework.domains.flatMap((domain): DomainRatingSeriesView[] => {
      const points = oldestFirst.flatMap((assessment) => {
        if (assessment.framework.id !== framework.id) return [];
        const rating = assessment.ratings.find((rated) => rated.domain.code === domain.code)?.rating ?? null;
        return rating === null ? [] : [{ assessmentId: assessment.id, quarterLabel: assessment.quarterLabel, periodStart: assessment.periodStart, rating, status: assessment.status }];
      });
      return points.length ? [{ framework: framework.id, domain, points }] : [];
    }),
  );
}
