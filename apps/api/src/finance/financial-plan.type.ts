import type { FinancialPlanActionType, FinancialRuleCode, Money, Percentage, PlanCategory } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from '../organisations/organisation.type';
import { PageInfo } from '../server/pagination';
import { DateScalar, MoneyScalar, PercentageScalar } from '../server/scalars';
import { FinancialPlanActionEnum, FinancialPlanStatus, FinancialRuleEnum, PlanCategoryEnum } from './finance-enums';
import { PlanCompliance } from './plan-compliance.type';

@ObjectType({ description: 'A person who changed a financial plan.' })
export class PlanActor {
  @Field(() => String, { description: 'The name they sign in with.' })
  username!: string;

  @Field(() => String, { description: 'The name shown to people.' })
  displayName!: string;
}

@ObjectType({ description: 'One line of a stored financial plan version: an amount planned in one category.' })
export class PlanLine {
  @Field(() => PlanCategoryEnum, { description: 'The category of the line.' })
  category!: PlanCategory;

  @Field(() => MoneyScalar, { description: 'The amount planned, in pounds.' })
  amount!: Money;
}

@ObjectType({ description: 'One version of a financial plan: its figures, where it stands, who did what and when, and its compliance.' })
export class FinancialPlanVersion {
  @Field(() => Int, { description: 'The version number: 1 for the first draft, one more for each new draft started after a return.' })
  number!: number;

  @Field(() => FinancialPlanStatus, { description: 'Where this version stands.' })
  status!: FinancialPlanStatus;

  @Field(() => MoneyScalar, { description: "The CCG's total allocation for the year." })
  allocation!: Money;

  @Field(() => [PlanLine], { description: 'The plan lines, in the order entered.' })
  lines!: PlanLine[];

  @Field(() => MoneyScalar, { nullable: true, description: "The prior year's running costs (needed for the 2015/16 RUNNING_COSTS rule); null when not given." })
  priorYearRunningCosts!: Money | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The CCG's nationally set minimum Better Care Fund contribution (needed for 2015/16); null when not given." })
  betterCareFundMinimum!: Money | null;

  @Field(() => PlanCompliance, {
    description: "This version checked against its year's rules by the domain's evaluatePlanCompliance, with the plan's flexes in force applied; computed when read.",
  })
  compliance!: PlanCompliance;

  @Field(() => PlanActor, { nullable: true, description: 'Who started this version; null when the system did (the illustrative demo plans).' })
  createdBy!: PlanActor | null;

  @Field(() => GraphQLDateTime, { description: 'When this version was started.' })
  createdAt!: Date;

  @Field(() => PlanActor, { nullable: true, description: 'Who last changed its figures; null when the system did.' })
  updatedBy!: PlanActor | null;

  @Field(() => GraphQLDateTime, { description: 'When its figures last changed.' })
  updatedAt!: Date;

  @Field(() => PlanActor, { nullable: true, description: 'Who submitted it; null while a draft or when the system did.' })
  submittedBy!: PlanActor | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was submitted; null while a draft.' })
  submittedAt!: Date | null;

  @Field(() => PlanActor, { nullable: true, description: 'The NHS England assessor who approved or returned it; null until then or when the system did.' })
  decidedBy!: PlanActor | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was approved or returned; null until then.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was returned; set only when RETURNED.' })
  returnReason!: string | null;
}

@ObjectType({ description: "An approved exception to one of the year's rules for this plan: it replaces the rule's percentage for this plan only." })
export class PlanFlex {
  @Field(() => ID, { description: 'Stable identifier of the flex.' })
  id!: string;

  @Field(() => FinancialRuleEnum, { description: 'The rule flexed.' })
  rule!: FinancialRuleCode;

  @Field(() => PercentageScalar, {
    description: "The percentage that replaces the rule's. For RUNNING_COSTS the required reduction; for BETTER_CARE_FUND the share of the minimum contribution required.",
  })
  percentage!: Percentage;

  @Field(() => String, { description: 'Why the flex was approved.' })
  reason!: string;

  @Field(() => PlanActor, { nullable: true, description: 'The NHS England assessor who approved it; null when the system recorded it (illustrative demo plans).' })
  approvedBy!: PlanActor | null;

  @Field(() => DateScalar, { description: 'The day it was approved.' })
  approvedOn!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When a later flex of the same rule replaced it; null while it is in force.' })
  supersededAt!: Date | null;
}

@ObjectType({ description: 'One month\'s forecast outturn for the year, against the approved plan.' })
export class ForecastOutturn {
  @Field(() => String, { description: 'The month the forecast was made in, as "YYYY-MM": "2015-06".' })
  month!: string;

  @Field(() => MoneyScalar, { description: 'The forecast outturn: the spend for the whole year forecast in that month.' })
  forecastOutturn!: Money;

  @Field(() => MoneyScalar, { description: "Planned spend of the plan's approved version (the sum of its lines)." })
  plannedSpend!: Money;

  @Field(() => MoneyScalar, { description: 'Forecast outturn less planned spend. Positive is adverse (spending more than planned, so a smaller surplus); negative is favourable.' })
  variance!: Money;

  @Field(() => MoneyScalar, {
    description: "The adverse variance allowed before a warning: the plan's threshold percentage of the approved allocation, rounded once to the penny, halves away from zero.",
  })
  warningThreshold!: Money;

  @Field(() => Boolean, { description: 'True when the adverse variance is above (not at) the warning threshold.' })
  warning!: boolean;

  @Field(() => PlanActor, { nullable: true, description: 'Who recorded it; null when the system did (illustrative demo plans).' })
  recordedBy!: PlanActor | null;

  @Field(() => GraphQLDateTime, { description: 'When it was last recorded.' })
  recordedAt!: Date;
}

@ObjectType({
  description:
    'A financial warning: the latest forecast outturn shows an adverse variance against the approved plan above the threshold. ' +
    'Assurance can use it as a financial special-measures trigger ("financial performance differs seriously from plan").',
})
export class FinancialWarning {
  @Field(() => String, { description: 'The month of the forecast that raised it, as "YYYY-MM".' })
  month!: string;

  @Field(() => MoneyScalar, { description: 'The adverse variance: forecast outturn less planned spend.' })
  adverseVariance!: Money;

  @Field(() => MoneyScalar, { description: 'The threshold it is above, in pounds.' })
  threshold!: Money;

  @Field(() => PercentageScalar, { description: 'The threshold as a percentage of allocation ("1" by default).' })
  thresholdPercent!: Percentage;
}

@ObjectType({ description: "A CCG's financial plan for one financial year: its latest version with compliance, every version, flexes, and in-year forecasts." })
export class FinancialPlan {
  @Field(() => ID, { description: 'Stable identifier of the plan; mutations name the plan by it.' })
  id!: string;

  @Field(() => Organisation, { description: 'The CCG whose plan it is.' })
  ccg!: Organisation;

  /** Not a field: the code the `ccg` field resolver loads. */
  ccgCode!: string;

  @Field(() => String, { description: 'The financial year, as the NHS writes it: "2015/16".' })
  financialYear!: string;

  @Field(() => FinancialPlanStatus, { description: 'The status of the latest version.' })
  status!: FinancialPlanStatus;

  @Field(() => Boolean, { description: "True when the latest version meets every rule of its year, flexes applied (the same as latestVersion.compliance.compliant)." })
  compliant!: boolean;

  @Field(() => Int, {
    description:
      'The edit version: one more after every change to the plan\'s versions (edit, submit, approve, return, new draft). ' +
      'Send it back as expectedVersion; a stale one gets CONFLICT with reason STALE_VERSION. Not the number of a version.',
  })
  version!: number;

  @Field(() => FinancialPlanVersion, { description: 'The latest version, with its compliance.' })
  latestVersion!: FinancialPlanVersion;

  @Field(() => [FinancialPlanVersion], { description: 'Every version, newest first: NHS England sees every submitted version.' })
  versions!: FinancialPlanVersion[];

  @Field(() => [PlanFlex], { description: 'Every flex recorded for the plan, newest first; those with supersededAt null are in force.' })
  flexes!: PlanFlex[];

  @Field(() => [ForecastOutturn], { description: 'The forecast outturn of each month recorded, oldest first.' })
  forecasts!: ForecastOutturn[];

  @Field(() => PercentageScalar, { description: 'The adverse variance, as a percentage of allocation, above which a forecast raises a financial warning ("1" by default).' })
  forecastWarningThresholdPercent!: Percentage;

  @Field(() => FinancialWarning, { nullable: true, description: 'The financial warning raised by the latest forecast; null when there is none.' })
  financialWarning!: FinancialWarning | null;

  @Field(() => Boolean, { description: 'True for illustrative demonstration data, which the app must label as such.' })
  illustrative!: boolean;

  @Field(() => String, { nullable: true, description: 'What is illustrative about the plan and where its figures come from; shown with it. Null for real plans.' })
  illustrativeNote!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the plan was started.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When anything about the plan last changed.' })
  updatedAt!: Date;

  @Field(() => [FinancialPlanActionEnum], {
    description:
      "What the signed-in user may do to the plan now, as the plan's lifecycle allows from its status for their role (the CCG's finance officers, NHS England assessors), " +
      'in the lifecycle\'s order; empty for someone who may only read it. Offer these actions, and only these.',
  })
  availableActions!: FinancialPlanActionType[];
}

@ObjectType({ description: 'A financial plan and its cursor.' })
export class FinancialPlanEdge {
  @Field(() => String, { description: 'Opaque cursor of this plan.' })
  cursor!: string;

  @Field(() => FinancialPlan, { description: 'The plan.' })
  node!: FinancialPlan;
}

@ObjectType({ description: 'A page of financial plans, ordered by CCG code and then financial year.' })
export class FinancialPlanConnection {
  @Field(() => [FinancialPlanEdge], { description: 'The plans on this page.' })
  edges!: FinancialPlanEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many plans match the filter in all.' })
  totalCount!: number;
}
