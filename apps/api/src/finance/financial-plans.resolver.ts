import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisations/organisation.type';
import { toOrganisation } from '../organisations/organisation.mapper';
import { AppError } from '../server/app-error';
import { decodeCursor, encodeCursor, pageSize, unlessNotSelected } from '../server/pagination';
import { selectsTotalCount } from '../server/selection';
import type { RequestContext } from '../server/request-context';
import {
  ApproveFinancialPlanInput,
  CreateFinancialPlanDraftInput,
  RecordForecastOutturnInput,
  RecordPlanFlexInput,
  ReturnFinancialPlanInput,
  SetForecastWarningThresholdInput,
  SubmitFinancialPlanInput,
  UpdateFinancialPlanDraftInput,
} from './financial-plan-changes.input';
import { FinancialPlanFilter } from './financial-plan-filter.input';
import { FinancialPlan, FinancialPlanConnection, type FinancialPlanVersion } from './financial-plan.type';
import type { FinancialPlansService, FinancialPlanVersionView, FinancialPlanView } from './financial-plans.service';
import { toPlanCompliance } from './plan-compliance.mapper';

const READERS = roles(Role.FINANCE_OFFICER, Role.ASSESSOR, Role.ADMIN);

/** Stored financial plans: read by the CCG's finance officers and NHS England; changed through the review cycle. */
@Resolver(() => FinancialPlan)
export class FinancialPlansResolver {
  @Query(() => FinancialPlan, {
    nullable: true,
    description:
      "A CCG's financial plan for a year: the latest version with its compliance, every version, flexes, forecasts and any financial warning; null when the CCG has none yet. " +
      "Finance officers of that CCG, NHS England assessors and administrators; anyone else FORBIDDEN (reason NOT_YOUR_CCG for another CCG's finance officer).",
  })
  @Access(READERS)
  async financialPlan(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG, for example 02V.' }) ccg: string,
    @Arg('financialYear', () => String, { description: 'The financial year, as the NHS writes it: "2015/16".' }) financialYear: string,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan | null> {
    const view = await this.service(context).getPlan(viewerOf(context), ccg, financialYear);
    return view ? toFinancialPlan(view) : null;
  }

  @Query(() => FinancialPlanConnection, {
    description:
      'Financial plans by CCG and year, filtered and paged (Relay cursor connection), for the England and region view. ' +
      "NHS England assessors and administrators see every plan; a finance officer sees their own CCG's.",
  })
  @Access(READERS)
  async financialPlans(
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => FinancialPlanFilter, { nullable: true, description: 'Which plans to list.' }) filter?: FinancialPlanFilter,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 200; default 50).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor).' }) after?: string,
  ): Promise<FinancialPlanConnection> {
    const result = await this.service(context).listPlans(viewerOf(context), {
      filter: {
        region: filter?.region ?? null,
        status: filter?.status ?? null,
        compliant: filter?.compliant ?? null,
        financialWarning: filter?.financialWarning ?? null,
        financialYear: filter?.financialYear ?? null,
        search: filter?.search ?? null,
      },
      size: pageSize(first),
      after: decodePlanCursor(after),
      withTotalCount: selectsTotalCount(info),
    });
    const nodes = result.plans.map(toFinancialPlan);
    return {
      edges: nodes.map((node) => ({ cursor: planCursor(node), node })),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: nodes.length ? planCursor(nodes[nodes.length - 1]) : null },
      totalCount: unlessNotSelected(result.totalCount),
    };
  }

  @FieldResolver(() => Organisation, { description: 'The CCG whose plan it is.' })
  async ccg(@Root() plan: FinancialPlan, @Ctx() context: RequestContext): Promise<Organisation> {
    const row = await context.loaders.organisation.load(plan.ccgCode);
    if (!row) throw new Error(`financial plan ${plan.id} names CCG ${plan.ccgCode}, which is not an organisation`);
    return toOrganisation(row);
  }

  @Mutation(() => FinancialPlan, {
    description:
      "Starts a draft of the CCG's plan for a year: version 1, or a new version after NHS England returned the last one. " +
      'CONFLICT with reason PLAN_HAS_OPEN_VERSION (a draft or submitted version exists) or PLAN_APPROVED; BAD_USER_INPUT for figures the rules refuse. The CCG\'s finance officers.',
  })
  @Access(roles(Role.FINANCE_OFFICER))
  async createFinancialPlanDraft(
    @Arg('input', () => CreateFinancialPlanDraftInput, { description: 'The CCG, the year and the figures.' }) input: CreateFinancialPlanDraftInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    const planId = await this.service(context).createDraft(viewerOf(context), context.requestId, {
      ccg: input.ccg,
      financialYear: input.financialYear,
      ...figures(input),
    });
    return this.reload(context, planId);
  }

  @Mutation(() => FinancialPlan, {
    description:
      'Replaces the figures of the plan\'s draft version. CONFLICT with reason STALE_VERSION when expectedVersion is out of date, NOT_A_DRAFT when the latest version is not a draft. The CCG\'s finance officers.',
  })
  @Access(roles(Role.FINANCE_OFFICER))
  async updateFinancialPlanDraft(
    @Arg('input', () => UpdateFinancialPlanDraftInput, { description: 'The plan, the version read and the new figures.' }) input: UpdateFinancialPlanDraftInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    const planId = await this.service(context).updateDraft(viewerOf(context), context.requestId, { planId: input.planId, expectedVersion: input.expectedVersion, ...figures(input) });
    return this.reload(context, planId);
  }

  @Mutation(() => FinancialPlan, {
    description: "Submits the plan's draft version to NHS England; it is then frozen. CONFLICT with reason STALE_VERSION or NOT_A_DRAFT. The CCG's finance officers.",
  })
  @Access(roles(Role.FINANCE_OFFICER))
  async submitFinancialPlan(
    @Arg('input', () => SubmitFinancialPlanInput, { description: 'The plan and the version read.' }) input: SubmitFinancialPlanInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    return this.reload(context, await this.service(context).submit(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => FinancialPlan, { description: 'Approves the plan\'s submitted version. CONFLICT with reason STALE_VERSION or NOT_SUBMITTED. NHS England assessors.' })
  @Access(roles(Role.ASSESSOR))
  async approveFinancialPlan(
    @Arg('input', () => ApproveFinancialPlanInput, { description: 'The plan and the version read.' }) input: ApproveFinancialPlanInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    return this.reload(context, await this.service(context).approve(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => FinancialPlan, {
    description:
      "Returns the plan's submitted version to the CCG with the reason; the CCG then starts a new draft version. CONFLICT with reason STALE_VERSION or NOT_SUBMITTED; BAD_USER_INPUT, REASON_REQUIRED without a reason. NHS England assessors.",
  })
  @Access(roles(Role.ASSESSOR))
  async returnFinancialPlan(
    @Arg('input', () => ReturnFinancialPlanInput, { description: 'The plan, the version read and the reason.' }) input: ReturnFinancialPlanInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    return this.reload(context, await this.service(context).returnPlan(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => FinancialPlan, {
    description:
      "Records an approved exception to one of the year's rules for this plan (it replaces the rule's percentage for this plan only, and compliance reports it). " +
      'BAD_USER_INPUT with reason FLEX_RULE_NOT_IN_YEAR, INVALID_FLEX_PERCENTAGE or MISSING_FLEX_REASON. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async recordPlanFlex(
    @Arg('input', () => RecordPlanFlexInput, { description: 'The plan, the rule, its new percentage and why.' }) input: RecordPlanFlexInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    return this.reload(context, await this.service(context).recordFlex(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => FinancialPlan, {
    description:
      "Records a month's forecast outturn against the approved plan; an adverse variance above the plan's threshold raises a financial warning. " +
      "CONFLICT, PLAN_NOT_APPROVED before approval; BAD_USER_INPUT, MONTH_OUTSIDE_FINANCIAL_YEAR. The CCG's finance officers.",
  })
  @Access(roles(Role.FINANCE_OFFICER))
  async recordForecastOutturn(
    @Arg('input', () => RecordForecastOutturnInput, { description: 'The plan, the month and the forecast.' }) input: RecordForecastOutturnInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    return this.reload(context, await this.service(context).recordForecast(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => FinancialPlan, {
    description: "Sets the plan's forecast warning threshold as a percentage of allocation (1 by default); BAD_USER_INPUT, INVALID_THRESHOLD outside 0-100. NHS England assessors.",
  })
  @Access(roles(Role.ASSESSOR))
  async setForecastWarningThreshold(
    @Arg('input', () => SetForecastWarningThresholdInput, { description: 'The plan and the threshold.' }) input: SetForecastWarningThresholdInput,
    @Ctx() context: RequestContext,
  ): Promise<FinancialPlan> {
    return this.reload(context, await this.service(context).setWarningThreshold(viewerOf(context), context.requestId, input));
  }

  private service(context: RequestContext): FinancialPlansService {
    return context.services.financialPlans;
  }

  /** The plan as it stands after a change (committed), read like the financialPlan query. */
  private async reload(context: RequestContext, planId: string): Promise<FinancialPlan> {
    const view = await this.service(context).getPlanById(viewerOf(context), planId);
    return toFinancialPlan(view);
  }
}

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

function figures(input: CreateFinancialPlanDraftInput | UpdateFinancialPlanDraftInput) {
  return {
    allocation: input.allocation,
    lines: input.lines.map((line) => ({ category: line.category, amount: line.amount })),
    priorYearRunningCosts: input.priorYearRunningCosts ?? null,
    betterCareFundMinimum: input.betterCareFundMinimum ?? null,
  };
}

function toFinancialPlanVersion(version: FinancialPlanVersionView): FinancialPlanVersion {
  return { ...version, compliance: toPlanCompliance(version.compliance) };
}

/** The service's view as the GraphQL type; `ccg` is left to its field resolver (DataLoader). */
function toFinancialPlan(view: FinancialPlanView): FinancialPlan {
  return Object.assign(new FinancialPlan(), {
    ...view,
    latestVersion: toFinancialPlanVersion(view.latestVersion),
    versions: view.versions.map(toFinancialPlanVersion),
  });
}

const planCursor = (plan: FinancialPlan) => encodeCursor(`${plan.ccgCode}|${plan.financialYear}`);

function decodePlanCursor(cursor: string | undefined): { ccgCode: string; financialYear: string } | null {
  const value = decodeCursor(cursor);
  if (value === null) return null;
  const [ccgCode, financialYear, ...rest] = value.split('|');
  if (!ccgCode || !financialYear || rest.length) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out.', { fields: ['after'] });
  return { ccgCode, financialYear };
}
