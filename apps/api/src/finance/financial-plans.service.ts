import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import * as drafts from './financial-plan-drafts';
import * as flexes from './financial-plan-flexes';
import * as forecasts from './financial-plan-forecasts';
import * as reads from './financial-plan-reads';
import * as review from './financial-plan-review';
import type { FinancialPlanView, PlanFigures } from './financial-plan-view';
import { FinancialPlansCore, type FinancialPlansOptions } from './financial-plans-core';

export type { FinancialPlanVersionView, FinancialPlanView, PlanFigures } from './financial-plan-view';
export type { FinancialPlansOptions } from './financial-plans-core';

/**
 * Financial plans (issue 6): one method per use case, each in the file of its part of the work (reads, drafts,
 * review, flexes, forecasts) over one shared core. Each change checks whose plan it is, runs in one
 * transaction, locks the plan, applies the domain's lifecycle, writes, refreshes the derived columns and writes
 * the audit row with before and after, so that a change and its audit row commit or fail together.
 */
export class FinancialPlansService {
  private readonly core: FinancialPlansCore;

  constructor(dataSource: DataSource, organisations: OrganisationsService, options: FinancialPlansOptions = {}) {
    this.core = new FinancialPlansCore(dataSource, organisations, options);
  }

  /** The CCG's plan for the year, or null when there is none yet. */
  getPlan(viewer: Viewer, ccg: string, financialYear: string): Promise<FinancialPlanView | null> {
    return reads.getPlan(this.core, viewer, ccg, financialYear);
  }

  /** Every plan of the CCG, newest financial year first (empty when it has none), each as `getPlan` gives it. */
  plansOfCcg(viewer: Viewer, ccg: string): Promise<FinancialPlanView[]> {
    return reads.plansOfCcg(this.core, viewer, ccg);
  }

  /** A plan by id (as mutations answer with it); NOT_FOUND when unknown. */
  getPlanById(viewer: Viewer, planId: string): Promise<FinancialPlanView> {
    return reads.getPlanById(this.core, viewer, planId);
  }

  /** A page of the plans the viewer may read: all for NHS England, their own CCG's for a finance officer. */
  listPlans(viewer: Viewer, request: reads.PlanListRequest): Promise<{ plans: FinancialPlanView[]; hasNextPage: boolean; totalCount: number | null }> {
    return reads.listPlans(this.core, viewer, request);
  }

  /** Starts a draft: version 1 of a new plan, or the next version after NHS England returned the last one. */
  createDraft(viewer: Viewer, requestId: string, input: { ccg: string; financialYear: string } & PlanFigures): Promise<string> {
    return drafts.createDraft(this.core, viewer, requestId, input);
  }

  /** Replaces the draft's figures, from the edit version the caller read (CONFLICT, STALE_VERSION otherwise). */
  updateDraft(viewer: Viewer, requestId: string, input: review.PlanRevision & PlanFigures): Promise<string> {
    return drafts.updateDraft(this.core, viewer, requestId, input);
  }

  /** The CCG submits its draft to NHS England. */
  submit(viewer: Viewer, requestId: string, input: review.PlanRevision): Promise<string> {
    return review.submit(this.core, viewer, requestId, input);
  }

  /** An NHS England assessor approves the submitted version. */
  approve(viewer: Viewer, requestId: string, input: review.PlanRevision): Promise<string> {
    return review.approve(this.core, viewer, requestId, input);
  }

  /** An NHS England assessor returns the submitted version to the CCG, saying why. */
  returnPlan(viewer: Viewer, requestId: string, input: review.PlanRevision & { reason: string }): Promise<string> {
    return review.returnPlan(this.core, viewer, requestId, input);
  }

  /** An NHS England assessor records an approved exception to one of the year's rules; it supersedes an earlier flex of the rule. */
  recordFlex(viewer: Viewer, requestId: string, input: flexes.FlexToRecord): Promise<string> {
    return flexes.recordFlex(this.core, viewer, requestId, input);
  }

  /** The CCG records a month's forecast outturn against its approved plan; a month recorded again is replaced. */
  recordForecast(viewer: Viewer, requestId: string, input: forecasts.ForecastToRecord): Promise<string> {
    return forecasts.recordForecast(this.core, viewer, requestId, input);
  }

  /** An NHS England assessor sets the plan's warning threshold, as a percentage of allocation. */
  setWarningThreshold(viewer: Viewer, requestId: string, input: forecasts.WarningThresholdToSet): Promise<string> {
    return forecasts.setWarningThreshold(this.core, viewer, requestId, input);
  }
}
