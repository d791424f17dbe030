import type { AssuranceCategory, SpecialMeasuresState } from '@ccg-assure/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Assessment, AssuranceDomain } from '../assessments/assessment.type';
import { AssuranceBuddy } from '../assessments/assurance-buddy.type';
import { AssessmentStatus, AssuranceCategoryEnum } from '../assessments/assurance-enums';
import { StakeholderSurveyResult } from '../assessments/stakeholder-survey.type';
import { SpecialMeasuresStateEnum } from '../special-measures/special-measures-enums';
import { SpecialMeasuresEpisode } from '../special-measures/special-measures.type';
import { DateScalar } from '../server/scalars';

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

@ObjectType({ description: "A CCG's assurance: its assessments, current category, ratings by domain over time, special measures and buddy, and stakeholder survey results." })
export class CcgAssurance {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => DateScalar, { description: 'The date clocks and due dates are read at: today unless asOf was given; for a CCG with illustrative demonstration records, the date of the latest of them if earlier.' })
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

  @Field(() => Boolean, { description: 'True when the next assessment was due before asOf (for illustrative demonstration data, before the date of the CCG’s latest illustrative record, if earlier; its clock is read at the same date).' })
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
