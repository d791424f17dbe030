import type { Percentage } from '@ccg-assure/domain';
import { Field, ObjectType } from 'type-graphql';
import { PercentageScalar } from '../server/scalars';

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
