import type { AssuranceCategory, SpecialMeasuresState } from '@ccg-assure/domain';
import type { AssessmentView, AssuranceDomainView, BuddyView, StakeholderSurveyResultView } from '../assessments/assessment-view';
import type { AssessmentStatus } from '../assessments/assurance-enums';
import type { SpecialMeasuresEpisodeView } from '../special-measures/special-measures-view';

// What the CCG assurance and annual report services answer (views, never GraphQL types); ccg-assurance.type.ts
// and assurance-report.type.ts present them.

export interface DomainRatingSeriesView {
  framework: string;
  domain: AssuranceDomainView;
  points: { assessmentId: string; quarterLabel: string; periodStart: string; rating: AssuranceCategory; status: AssessmentStatus }[];
}

/** A CCG's assurance: with drafts for assessors and its own users, published data only otherwise. */
export interface CcgAssuranceView {
  ccgCode: string;
  asOf: string;
  includesDrafts: boolean;
  currentCategory: AssuranceCategory | null;
  currentAssessment: AssessmentView | null;
  lastAssessedOn: string | null;
  nextAssessmentDue: string | null;
  assessmentOverdue: boolean;
  assessments: AssessmentView[];
  ratingsOverTime: DomainRatingSeriesView[];
  specialMeasures: SpecialMeasuresEpisodeView | null;
  specialMeasuresEpisodes: SpecialMeasuresEpisodeView[];
  buddy: BuddyView | null;
  stakeholderSurvey: StakeholderSurveyResultView[];
}

export interface AssuranceWorkspaceEntryView {
  ccgCode: string;
  currentCategory: AssuranceCategory | null;
  lastAssessedOn: string | null;
  lastQuarterLabel: string | null;
  nextAssessmentDue: string | null;
  overdue: boolean;
  draftAssessmentId: string | null;
  specialMeasuresState: SpecialMeasuresState | null;
  specialMeasuresMonthsRemaining: number | null;
  specialMeasuresOverdue: boolean;
  illustrative: boolean;
}

export interface AssuranceWorkspaceView {
  asOf: string;
  entries: AssuranceWorkspaceEntryView[];
}

export interface CcgAssuranceReportView {
  ccgCode: string;
  financialYear: string;
  generatedOn: string;
  latestCategory: AssuranceCategory | null;
  assessments: AssessmentView[];
  specialMeasures: SpecialMeasuresEpisodeView[];
  stakeholderSurvey: StakeholderSurveyResultView[];
  illustrative: boolean;
}

export interface EnglandReportEntryView {
  ccgCode: string;
  category: AssuranceCategory;
  quarterLabel: string;
  assessedOn: string;
  assessmentId: string;
  specialMeasuresState: SpecialMeasuresState | null;
  illustrative: boolean;
}

export interface EnglandAssuranceReportView {
  financialYear: string;
  generatedOn: string;
  ccgsAssessed: number;
  categoryCounts: { category: AssuranceCategory; count: number }[];
  ccgsInSpecialMeasures: number;
  ccgs: EnglandReportEntryView[];
  illustrative: boolean;
}
