import { FINANCIAL_RULE_CODES, type FinancialRuleCode, type Money, type Percentage } from '@ccg-assure/domain';
import { IsIn, IsInt, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, MoneyScalar, PercentageScalar } from '../server/scalars';
import { FinancialRuleEnum } from './finance-enums';
import { PlanFiguresInput } from './financial-plan.input';

/** Longest reason (for a return or a flex) kept; a page of text. */
export const MAX_REASON_LENGTH = 2000;

@InputType({ description: 'Starts a draft of a financial plan: the first version of a CCG\'s plan for the year, or a new version after NHS England returned the last one.' })
export class CreateFinancialPlanDraftInput extends PlanFiguresInput {
  @Field(() => String, { description: 'ODS code of the CCG; a finance officer may name only their own CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => String, { description: 'The financial year, as the NHS writes it: "2013/14", "2014/15" or "2015/16".' })
  @MaxLength(20)
  financialYear!: string;
}

@InputType({ description: 'Replaces the figures of the draft version of a plan. Every figure is replaced: send the whole plan (a figure left null is cleared).' })
export class UpdateFinancialPlanDraftInput extends PlanFiguresInput {
  @Field(() => ID, { description: 'The plan.' })
  @IsUUID()
  planId!: string;

  @Field(() => Int, { description: 'The plan\'s version (FinancialPlan.version) as last read; a stale one gets CONFLICT, STALE_VERSION, and nothing changes.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: 'Names a plan and the version of it the caller last read.' })
export class FinancialPlanRevisionInput {
  @Field(() => ID, { description: 'The plan.' })
  @IsUUID()
  planId!: string;

  @Field(() => Int, { description: 'The plan\'s version (FinancialPlan.version) as last read; a stale one gets CONFLICT, STALE_VERSION, and nothing changes.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: 'Submits the draft version of a plan to NHS England.' })
export class SubmitFinancialPlanInput extends FinancialPlanRevisionInput {}

@InputType({ description: 'Approves the submitted version of a plan.' })
export class ApproveFinancialPlanInput extends FinancialPlanRevisionInput {}

@InputType({ description: 'Returns the submitted version of a plan to the CCG, with the reason.' })
export class ReturnFinancialPlanInput extends FinancialPlanRevisionInput {
  @Field(() => String, { description: `Why it is returned, shown to the CCG; required, at most ${MAX_REASON_LENGTH} characters.` })
  @MaxLength(MAX_REASON_LENGTH)
  reason!: string;
}

@InputType({ description: "Records an approved exception to one of the year's rules for one plan. A later flex of the same rule supersedes the earlier one." })
export class RecordPlanFlexInput {
  @Field(() => ID, { description: 'The plan.' })
  @IsUUID()
  planId!: string;

  @Field(() => FinancialRuleEnum, { description: "The rule flexed; it must be one of the plan's year's rules." })
  @IsIn(FINANCIAL_RULE_CODES)
  rule!: FinancialRuleCode;

  @Field(() => PercentageScalar, {
    description: "The percentage that replaces the rule's, from 0 to 100. For RUNNING_COSTS the required reduction (the rule's is 10); for BETTER_CARE_FUND the share of the minimum required (the rule's is 100).",
  })
  percentage!: Percentage;

  @Field(() => String, { description: `Why the flex was approved; required, at most ${MAX_REASON_LENGTH} characters.` })
  @MaxLength(MAX_REASON_LENGTH)
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was approved; today in England (Europe/London) when not given. Not after today in England.' })
  approvedOn?: string | null;
}

@InputType({ description: "Records a month's forecast outturn for the year against the approved plan; recording a month again replaces it." })
export class RecordForecastOutturnInput {
  @Field(() => ID, { description: 'The plan; it must have an approved version.' })
  @IsUUID()
  planId!: string;

  @Field(() => String, { description: 'The month, as "YYYY-MM", within the plan\'s financial year (April to March): "2015-06".' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be written YYYY-MM, for example 2015-06' })
  month!: string;

  @Field(() => MoneyScalar, { description: 'The forecast outturn: the spend for the whole year as forecast in that month; not negative.' })
  amount!: Money;
}

@InputType({ description: 'Sets the adverse variance, as a percentage of allocation, above which a forecast raises a financial warning for one plan.' })
export class SetForecastWarningThresholdInput {
  @Field(() => ID, { description: 'The plan.' })
  @IsUUID()
  planId!: string;

  @Field(() => PercentageScalar, { description: 'The threshold, from 0 to 100; the default is "1" (1% of allocation).' })
  percentage!: Percentage;
}
