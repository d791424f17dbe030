import { FINANCIAL_RULE_CODES, PLAN_CATEGORIES, type FinancialRuleCode, type Money, type Percentage, type PlanCategory } from '@ccg-assure/domain';
import { ArrayMaxSize, IsIn, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MoneyScalar, PercentageScalar } from '../server/scalars';
import { FinancialRuleEnum, PlanCategoryEnum } from './finance-enums';

/** More lines than any real plan has (one per category is usual); bounds the work of one request. */
export const MAX_PLAN_LINES = 200;

@InputType({ description: 'One line of a financial plan: an amount planned in one category. A category may have several lines; they are added up.' })
export class PlanLineInput {
  @Field(() => PlanCategoryEnum, { description: 'The category of the line.' })
  @IsIn(PLAN_CATEGORIES)
  category!: PlanCategory;

  @Field(() => MoneyScalar, { description: 'The amount planned, in pounds; not negative.' })
  amount!: Money;
}

@InputType({ description: "An approved exception to one of the year's rules for this plan: it replaces the rule's percentage, and the result says it was applied." })
export class PlanFlexInput {
  @Field(() => FinancialRuleEnum, { description: 'The rule flexed; it must be one of the year’s rules, flexed at most once.' })
  @IsIn(FINANCIAL_RULE_CODES)
  rule!: FinancialRuleCode;

  @Field(() => PercentageScalar, {
    description: "The percentage that replaces the rule's (see financialRuleSets), from 0 to 100. For RUNNING_COSTS it is the required reduction; for BETTER_CARE_FUND the share of the minimum contribution required.",
  })
  percentage!: Percentage;

  @Field(() => String, { description: 'Why the flex was approved, and by whom; required.' })
  @MaxLength(1000)
  reason!: string;
}

/**
 * A plan's figures, as the what-if check and the stored plan's draft mutations all take them. The input types
 * that extend it inherit its fields; no field takes it itself, so the schema does not list it.
 */
@InputType({ description: "A financial plan's figures: the allocation, the lines and the bases of the 2015/16 rules." })
export abstract class PlanFiguresInput {
  @Field(() => MoneyScalar, { description: "The CCG's total allocation for the year; more than zero." })
  allocation!: Money;

  @Field(() => [PlanLineInput], { description: `The plan's lines, at most ${MAX_PLAN_LINES}, none negative. Categories with no line count as zero.` })
  @ArrayMaxSize(MAX_PLAN_LINES)
  @ValidateNested({ each: true })
  lines!: PlanLineInput[];

  @Field(() => MoneyScalar, { nullable: true, description: "The prior year's running costs; needed when the year has a RUNNING_COSTS rule (2015/16). Null when not given." })
  priorYearRunningCosts?: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The CCG's nationally set minimum contribution to the Better Care Fund; needed when the year has a BETTER_CARE_FUND rule (2015/16). Null when not given.",
  })
  betterCareFundMinimum?: Money | null;
}

@InputType({ description: "A CCG's financial plan for one year, to check against that year's planning rules." })
export class FinancialPlanInput extends PlanFiguresInput {
  @Field(() => String, { description: 'The financial year, as the NHS writes it, for example "2014/15"; financialRuleSets lists the years with rules.' })
  @MaxLength(20)
  financialYear!: string;

  @Field(() => [PlanFlexInput], { nullable: true, description: 'Approved flexes of the year’s rules, at most one a rule.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  flexes?: PlanFlexInput[] | null;
}
