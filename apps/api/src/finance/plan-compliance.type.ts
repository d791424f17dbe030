import type { FinancialRuleCode, Money, Percentage } from '@ccg-assure/domain';
import { Field, ObjectType } from 'type-graphql';
import { MoneyScalar, PercentageScalar } from '../server/scalars';
import { FinancialRuleEnum } from './finance-enums';

@ObjectType({ description: "How a financial plan stands against one of its year's planning rules." })
export class RuleCompliance {
  @Field(() => FinancialRuleEnum, { description: 'The rule.' })
  rule!: FinancialRuleCode;

  @Field(() => PercentageScalar, { description: "The percentage applied: the rule's, or the approved flex's when one was applied. For RUNNING_COSTS, the required reduction." })
  percentage!: Percentage;

  @Field(() => MoneyScalar, {
    description: "The amount required, rounded once to the penny, halves away from zero: the plan must hold at least this. For RUNNING_COSTS it is the cap: running costs must be at most this.",
  })
  required!: Money;

  @Field(() => MoneyScalar, { description: "What the plan holds for the rule: the planned surplus for SURPLUS, otherwise the total of the rule's category lines." })
  planned!: Money;

  @Field(() => MoneyScalar, { description: 'How far the plan falls short of the rule: required less planned (for RUNNING_COSTS, planned less the cap), or zero when it is met.' })
  shortfall!: Money;

  @Field(() => Boolean, { description: 'True when the shortfall is zero.' })
  met!: boolean;

  @Field(() => Boolean, { description: "True when an approved flex replaced the rule's percentage for this plan." })
  flexApplied!: boolean;

  @Field(() => String, { nullable: true, description: 'The recorded reason for the flex, when one was applied.' })
  flexReason!: string | null;
}

@ObjectType({ description: "The result of checking a financial plan against its year's planning rules, with the QIPP saving it implies. Nothing is stored." })
export class PlanCompliance {
  @Field(() => String, { description: 'The financial year of the rules applied, as the NHS writes it: "2014/15".' })
  financialYear!: string;

  @Field(() => Boolean, { description: 'True when every rule of the year is met.' })
  compliant!: boolean;

  @Field(() => MoneyScalar, { description: 'Planned spend: the sum of all plan lines, the reserves included.' })
  plannedSpend!: Money;

  @Field(() => MoneyScalar, { description: 'Planned surplus: the allocation less planned spend; negative is a deficit.' })
  plannedSurplus!: Money;

  @Field(() => MoneyScalar, {
    description:
      'The QIPP (quality, innovation, productivity and prevention) saving still needed, after the running-cost cut, to fund every required set-aside within the allocation; zero when none.',
  })
  qippRequirement!: Money;

  @Field(() => String, { description: 'The QIPP requirement as a percentage of allocation, rounded once to two decimals, halves away from zero: "6.50".' })
  qippPercentOfAllocation!: string;

  @Field(() => [RuleCompliance], { description: "One entry for each of the year's rules, in the order SURPLUS, CONTINGENCY, NON_RECURRENT_FUND, BETTER_CARE_FUND, RUNNING_COSTS." })
  rules!: RuleCompliance[];
}
