import { findFinancialRuleSet, parseFinancialYear, tryParseFinancialYear, type FinancialYear } from '@ccg-assure/domain';
import type { Viewer } from '../auth/viewer';
import { actorKindsOf, assertCanReadPlansOf, readableCcgs } from './financial-plan-access';
import { checkingInput } from './financial-plan-refusals';
import { toPlanView, type FinancialPlanView } from './financial-plan-view';
import { normaliseCode, type FinancialPlansCore } from './financial-plans-core';
import * as repository from './financial-plans.repository';
import type { PlanRecord } from './financial-plans.repository';

// The reads of financial plans: one plan, a CCG's plans, a page of plans. Each applies the access rules and
// answers the same view, with the actions the viewer may take now.

export interface PlanListRequest {
  filter: Omit<repository.PlanListFilter, 'ccgCodes'>;
  size: number;
  after: { ccgCode: string; financialYear: string } | null;
  /** Count all the plans that match (totalCount selected); false saves the statement. Counted when absent. */
  withTotalCount?: boolean;
}

/**
 * A plan's financial year: one the planning rules cover, written '2015/16' or '2015-16'. Refused with
 * BAD_USER_INPUT, UNKNOWN_FINANCIAL_YEAR (field 'financialYear') otherwise.
 */
export function planningYear(text: string): FinancialYear {
  return checkingInput({ UNKNOWN_FINANCIAL_YEAR: 'financialYear' }, () => parseFinancialYear(findFinancialRuleSet(text).financialYear));
}

const viewFor = (viewer: Viewer) => (record: PlanRecord) => toPlanView(record, actorKindsOf(viewer, record.plan.ccgCode));

/** The CCG's plan for the year, or null when there is none yet. */
export async function getPlan(core: FinancialPlansCore, viewer: Viewer, ccg: string, financialYear: string): Promise<FinancialPlanView | null> {
  const ccgCode = normaliseCode(ccg);
  assertCanReadPlansOf(viewer, ccgCode);
  const manager = core.dataSource.manager;
  const planId = await repository.findPlanId(manager, ccgCode, planningYear(financialYear).label);
  if (!planId) return null;
  const [record] = await repository.loadPlanRecords(manager, [planId]);
  return record ? viewFor(viewer)(record) : null;
}

/** A plan by id (as mutations answer with it); NOT_FOUND when unknown. */
export async function getPlanById(core: FinancialPlansCore, viewer: Viewer, planId: string): Promise<FinancialPlanView> {
  const plan = await core.planOf(planId);
  assertCanReadPlansOf(viewer, plan.ccgCode);
  const [record] = await repository.loadPlanRecords(core.dataSource.manager, [planId]);
  return viewFor(viewer)(record);
}

/** Every plan of the CCG, newest financial year first (empty when it has none), each as `getPlan` gives it. */
export async function plansOfCcg(core: FinancialPlansCore, viewer: Viewer, ccg: string): Promise<FinancialPlanView[]> {
  const ccgCode = normaliseCode(ccg);
  assertCanReadPlansOf(viewer, ccgCode);
  const manager = core.dataSource.manager;
  const records = await repository.loadPlanRecords(manager, await repository.planIdsOfCcg(manager, ccgCode));
  return records.map(viewFor(viewer));
}

/** A page of the plans the viewer may read: all for NHS England, their own CCG's for a finance officer. */
export async function listPlans(
  core: FinancialPlansCore,
  viewer: Viewer,
  request: PlanListRequest,
): Promise<{ plans: FinancialPlanView[]; hasNextPage: boolean; totalCount: number | null }> {
  const readable = readableCcgs(viewer);
  const yearText = request.filter.financialYear?.trim() || null;
  // A year written any way the NHS writes one; anything else matches no plan, as before.
  const financialYear = yearText === null ? null : (tryParseFinancialYear(yearText)?.label ?? yearText);
  const manager = core.dataSource.manager;
  const page = await repository.listPlanIds(manager, { ...request.filter, financialYear, ccgCodes: readable.all ? null : readable.codes }, request.size, request.after, request.withTotalCount ?? true);
  const records = await repository.loadPlanRecords(manager, page.ids);
  return { plans: records.map(viewFor(viewer)), hasNextPage: page.hasNextPage, totalCount: page.totalCount };
}
