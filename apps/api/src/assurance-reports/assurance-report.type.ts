import type { AssuranceCategory, SpecialMeasuresState } from '@ccg-assure/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Assessment } from '../assessments/assessment.type';
import { AssuranceCategoryEnum } from '../assessments/assurance-enums';
import { StakeholderSurveyResult } from '../assessments/stakeholder-survey.type';
import { SpecialMeasuresStateEnum } from '../special-measures/special-measures-enums';
import { SpecialMeasuresEpisode } from '../special-measures/special-measures.type';
import { DateScalar } from '../server/scalars';

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
