import type { FinancialRuleBasis, FinancialRuleCode, Percentage } from '@ccg-assure/domain';
import { Field, ObjectType } from 'type-graphql';
import { PercentageScalar } from '../server/scalars';
import { FinancialRuleEnum, RuleBasisEnum, RuleCitationBasisEnum, type RuleCitationBasis } from './finance-enums';

@ObjectType({ description: 'Where a planning rule comes from: the document, the place in it, and its words.' })
export class RuleCitation {
  @Field(() => RuleCitationBasisEnum, { description: 'Whether the rule rests on a source paper or a published NHS figure.' })
  basis!: RuleCitationBasis;

  @Field(() => String, { description: 'The document.' })
  document!: string;

  @Field(() => String, { description: 'Where in the document: post, paragraph, line.' })
  locator!: string;

  @Field(() => String, { description: 'The words the rule rests on.' })
  text!: string;
}

@ObjectType({ description: "One rule of a financial year's planning rules." })
export class PlanningRule {
  @Field(() => FinancialRuleEnum, { description: 'The rule.' })
  rule!: FinancialRuleCode;

  @Field(() => PercentageScalar, { description: "The rule's percentage of its basis; for RUNNING_COSTS, the required reduction." })
  percentage!: Percentage;

  @Field(() => RuleBasisEnum, { description: 'What the percentage is taken of.' })
  basis!: FinancialRuleBasis;

  @Field(() => Boolean, { description: 'True when the plan must hold at most the required amount (a cap, RUNNING_COSTS); false when at least.' })
  isCap!: boolean;

  @Field(() => String, { description: 'The rule as the year states it.' })
  description!: string;

  @Field(() => String, { description: 'What the rule measures and how it is met; the same every year.' })
  meaning!: string;

  @Field(() => RuleCitation, { description: 'Where the rule comes from.' })
  source!: RuleCitation;
}

@ObjectType({ description: 'The financial planning rules of one financial year.' })
export class FinancialRuleSet {
  @Field(() => String, { description: 'The financial year, as the NHS writes it: "2014/15".' })
  financialYear!: string;

  @Field(() => String, { description: 'The rule set\'s name: "2014-15".' })
  name!: string;

  @Field(() => String, { description: 'The year\'s rules in a sentence.' })
  summary!: string;

  @Field(() => [PlanningRule], { description: 'The rules, in the order SURPLUS, CONTINGENCY, NON_RECURRENT_FUND, BETTER_CARE_FUND, RUNNING_COSTS.' })
  rules!: PlanningRule[];
}
