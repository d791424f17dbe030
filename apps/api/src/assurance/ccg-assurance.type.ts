import type { AssuranceCategory, Percentage, SpecialMeasuresState } from '@ccg-assure/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, PercentageScalar } from '../server/scalars';
import { Assessment, AssuranceDomain } from './assessment.type';
import { AssessmentStatus, AssuranceCategoryEnum, AssuranceTriggerKind, AssuranceTriggerSourceKind, EvidenceKind, SpecialMeasuresStateEnum } from './assurance-enums';
import { SpecialMeasuresEpisode } from './special-measures.type';

@ObjectType({ description: 'One rating of a domain in one assessment, for a chart of ratings over time.' })
export class DomainRatingPoint {
  @Field(() => ID, { description: 'The assessment.' })
  assessmentId!: string;

  @Field(() => String, { description: 'Its quarter, for example "2015/16 Q2".' })
  quarterLabel!: string;

  @Field(() => DateScalar, { description: 'First day of the quarter.' })
  periodStart!: string;

  @Field(() => AssuranceCategoryEnum, { description: 'The rating.' })
  rating!: AssuranceCategory;

  @Field(() => AssessmentStatus, { description: 'Whether the assessment is published or still a draft.' })
  status!: AssessmentStatus;
}

@ObjectType({ description: "One domain's ratings over time, oldest first (a framework's domains only: a new framework starts new series)." })
export class DomainRatingSeries {
  @Field(() => String, { description: 'The framework id, for example "2015-16".' })
  framework!: string;

  @Field(() => AssuranceDomain, { description: 'The domain.' })
  domain!: AssuranceDomain;

  @Field(() => [DomainRatingPoint], { description: 'Its ratings, oldest first.' })
  points!: DomainRatingPoint[];
}

@ObjectType({ description: 'The CCG paired with a Limited-assurance CCG as a source of support ("buddying", seed 003).' })
export class AssuranceBuddy {
  /** Resolved through the organisation loader. */
  buddyCode!: string;

  @Field(() => DateScalar, { description: 'The day the buddy was assigned.' })
  assignedOn!: string;
}

@ObjectType({ description: "One question's result of the annual 360-degree stakeholder survey for a CCG (imported with the stakeholder-survey kind)." })
export class StakeholderSurveyResult {
  @Field(() => String, { description: 'The survey year, as the NHS writes a financial year: "2015/16".' })
  surveyYear!: string;

  @Field(() => String, { description: 'The question’s code in the survey file.' })
  questionCode!: string;

  @Field(() => String, { description: 'The question.' })
  question!: string;

  @Field(() => PercentageScalar, { description: 'Stakeholders answering positively, 0 to 100.' })
  percentagePositive!: Percentage;
}

@ObjectType({ description: "A CCG's assurance: its assessments, current category, ratings by domain over time, special measures and buddy, and stakeholder survey results." })
export class CcgAssurance {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => DateScalar, { description: 'The date clocks and due dates are read at: today unless asOf was given.' })
  asOf!: string;

  @Field(() => Boolean, { description: 'True when drafts are included (ccgAssurance for assessors and the CCG’s own users); false for the public view.' })
  includesDrafts!: boolean;

  @Field(() => AssuranceCategoryEnum, { nullable: true, description: 'The category decided in the latest published assessment; null when none is published.' })
  currentCategory!: AssuranceCategory | null;

  @Field(() => Assessment, { nullable: true, description: 'The latest published assessment; null when none is published.' })
  currentAssessment!: Assessment | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the latest published assessment.' })
  lastAssessedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the next assessment is due, from the latest published one.' })
  nextAssessmentDue!: string | null;

  @Field(() => Boolean, { description: 'True when the next assessment was due before asOf.' })
  assessmentOverdue!: boolean;

  @Field(() => [Assessment], { description: 'Assessments, newest quarter first (published only in the public view).' })
  assessments!: Assessment[];

  @Field(() => [DomainRatingSeries], { description: 'Ratings by domain over time, for a chart.' })
  ratingsOverTime!: DomainRatingSeries[];

  @Field(() => SpecialMeasuresEpisode, { nullable: true, description: 'The open special measures episode, if any (in the public view only once its notice is published).' })
  specialMeasures!: SpecialMeasuresEpisode | null;

  @Field(() => [SpecialMeasuresEpisode], { description: 'Every special measures episode, newest first (in the public view only those publicly notified).' })
  specialMeasuresEpisodes!: SpecialMeasuresEpisode[];

  @Field(() => AssuranceBuddy, { nullable: true, description: 'The buddy CCG, if one is assigned.' })
  buddy!: AssuranceBuddy | null;

  @Field(() => [StakeholderSurveyResult], { description: '360-degree stakeholder survey results, newest year first, by question code.' })
  stakeholderSurvey!: StakeholderSurveyResult[];
}

@ObjectType({ description: "One CCG in the assessor's workspace." })
export class AssuranceWorkspaceEntry {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => AssuranceCategoryEnum, { nullable: true, description: 'The category of the latest published assessment; null when never assessed.' })
  currentCategory!: AssuranceCategory | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the latest published assessment.' })
  lastAssessedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The quarter of the latest published assessment, for example "2015/16 Q2".' })
  lastQuarterLabel!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the next assessment is due; null when never assessed.' })
  nextAssessmentDue!: string | null;

  @Field(() => Boolean, { description: 'True when the next assessment was due before asOf.' })
  overdue!: boolean;

  @Field(() => ID, { nullable: true, description: 'A draft assessment in progress, if any (the newest).' })
  draftAssessmentId!: string | null;

  @Field(() => SpecialMeasuresStateEnum, { nullable: true, description: 'The state of the open special measures episode; null when none is open.' })
  specialMeasuresState!: SpecialMeasuresState | null;

  @Field(() => Int, { nullable: true, description: 'Months remaining on its 12-month clock; null when none has been entered.' })
  specialMeasuresMonthsRemaining!: number | null;

  @Field(() => Boolean, { description: 'True when its special measures are still open 12 months after entry.' })
  specialMeasuresOverdue!: boolean;

  @Field(() => Boolean, { description: 'True when any of this entry rests on illustrative demonstration data.' })
  illustrative!: boolean;
}

@ObjectType({ description: "The assessor's workspace: every CCG, overdue assessments first (oldest due first), then by due date, then never-assessed CCGs by name." })
export class AssuranceWorkspace {
  @Field(() => DateScalar, { description: 'The date "overdue" is judged at: today unless asOf was given.' })
  asOf!: string;

  @Field(() => [AssuranceWorkspaceEntry], { description: 'Every CCG.' })
  entries!: AssuranceWorkspaceEntry[];
}

@ObjectType({ description: 'Where a trigger came from: set fields depend on kind (SCORECARD: providerCode, indicatorCode, period; FINANCIAL_PLAN: planId, financialYear, month; ASSESSMENT: assessmentId, quarterLabel).' })
export class AssuranceTriggerSource {
  @Field(() => AssuranceTriggerSourceKind, { description: 'What it came from.' })
  kind!: AssuranceTriggerSourceKind;

  @Field(() => String, { nullable: true, description: 'SCORECARD: the provider’s ODS code.' })
  providerCode!: string | null;

  @Field(() => String, { nullable: true, description: 'SCORECARD: the indicator code.' })
  indicatorCode!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'SCORECARD: the first day of the latest period.' })
  period!: string | null;

  @Field(() => ID, { nullable: true, description: 'FINANCIAL_PLAN: the plan.' })
  planId!: string | null;

  @Field(() => String, { nullable: true, description: 'FINANCIAL_PLAN: the plan’s financial year, "2015/16".' })
  financialYear!: string | null;

  @Field(() => String, { nullable: true, description: 'FINANCIAL_PLAN: the forecast month of a warning, "2015-08".' })
  month!: string | null;

  @Field(() => ID, { nullable: true, description: 'ASSESSMENT: the assessment.' })
  assessmentId!: string | null;

  @Field(() => String, { nullable: true, description: 'ASSESSMENT: its quarter, "2015/16 Q2".' })
  quarterLabel!: string | null;
}

@ObjectType({ description: 'A warning sign for an assessor, with where it came from and how to cite it as evidence.' })
export class AssuranceTrigger {
  @Field(() => AssuranceTriggerKind, { description: 'What kind of warning.' })
  kind!: AssuranceTriggerKind;

  @Field(() => String, { description: 'The warning in a line.' })
  title!: string;

  @Field(() => String, { description: 'The figures behind it.' })
  detail!: string;

  @Field(() => AssuranceTriggerSource, { description: 'Where it came from.' })
  source!: AssuranceTriggerSource;

  @Field(() => EvidenceKind, { nullable: true, description: 'The evidence kind to cite it with (addAssessmentEvidence); null for a trigger from an assessment.' })
  evidenceKind!: EvidenceKind | null;

  @Field(() => String, { nullable: true, description: 'The evidence reference to cite it with; null for a trigger from an assessment.' })
  evidenceReference!: string | null;
}

@ObjectType({ description: "The triggers for a CCG, from the scorecards, its financial plans and its latest published assessment." })
export class AssuranceTriggers {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The latest period of scorecard data the indicator triggers were judged on; null without data.' })
  scorecardAsOf!: string | null;

  @Field(() => [String], {
    description:
      "ODS codes of the providers whose indicators were considered: those the scorecard grid relates to the CCG (scorecardSummary's ccg filter: providers in the CCG's NHS England region; the data has no contract or patient-flow link).",
  })
  providersConsidered!: string[];

  @Field(() => [AssuranceTrigger], { description: 'The triggers: indicators, then plans, then assessment.' })
  triggers!: AssuranceTrigger[];
}

@ObjectType({ description: "A CCG's annual assurance report for a financial year, from published data only (the printable page and the PDF)." })
export class CcgAssuranceReport {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => String, { description: 'The financial year, "2015/16".' })
  financialYear!: string;

  @Field(() => DateScalar, { description: 'The day the report was produced.' })
  generatedOn!: string;

  @Field(() => AssuranceCategoryEnum, { nullable: true, description: 'The category of the latest published assessment of the year.' })
  latestCategory!: AssuranceCategory | null;

  @Field(() => [Assessment], { description: 'The published assessments of the year, by quarter.' })
  assessments!: Assessment[];

  @Field(() => [SpecialMeasuresEpisode], { description: 'Publicly notified special measures episodes open at any time in the year, clocks read at the year end (or today, if earlier).' })
  specialMeasures!: SpecialMeasuresEpisode[];

  @Field(() => [StakeholderSurveyResult], { description: "The year's 360-degree stakeholder survey results." })
  stakeholderSurvey!: StakeholderSurveyResult[];

  @Field(() => Boolean, { description: 'True when any of it is illustrative demonstration data.' })
  illustrative!: boolean;
}

@ObjectType({ description: 'How many CCGs ended the year in one category.' })
export class CategoryCount {
  @Field(() => AssuranceCategoryEnum, { description: 'The category.' })
  category!: AssuranceCategory;

  @Field(() => Int, { description: 'How many CCGs.' })
  count!: number;
}

@ObjectType({ description: 'One CCG in the England annual assurance report.' })
export class EnglandReportEntry {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => AssuranceCategoryEnum, { description: 'The category of its latest published assessment of the year.' })
  category!: AssuranceCategory;

  @Field(() => String, { description: 'The quarter of that assessment.' })
  quarterLabel!: string;

  @Field(() => DateScalar, { description: 'The day of that assessment.' })
  assessedOn!: string;

  @Field(() => ID, { description: 'That assessment.' })
  assessmentId!: string;

  @Field(() => SpecialMeasuresStateEnum, { nullable: true, description: 'The state at the year end of a publicly notified special measures episode open in the year; null if none.' })
  specialMeasuresState!: SpecialMeasuresState | null;

  @Field(() => Boolean, { description: 'True when it is illustrative demonstration data.' })
  illustrative!: boolean;
}

@ObjectType({ description: 'The England annual assurance report for a financial year, from published data only: every CCG with a published assessment in the year.' })
export class EnglandAssuranceReport {
  @Field(() => String, { description: 'The financial year, "2015/16".' })
  financialYear!: string;

  @Field(() => DateScalar, { description: 'The day the report was produced.' })
  generatedOn!: string;

  @Field(() => Int, { description: 'How many CCGs have a published assessment in the year.' })
  ccgsAssessed!: number;

  @Field(() => [CategoryCount], { description: 'CCGs by their latest category of the year, best category first (every category, zero included).' })
  categoryCounts!: CategoryCount[];

  @Field(() => Int, { description: 'How many CCGs were in publicly notified special measures at some time in the year.' })
  ccgsInSpecialMeasures!: number;

  @Field(() => [EnglandReportEntry], { description: 'The CCGs, by code.' })
  ccgs!: EnglandReportEntry[];

  @Field(() => Boolean, { description: 'True when any of it is illustrative demonstration data.' })
  illustrative!: boolean;
}
