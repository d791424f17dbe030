import {
  assessForecastVariance,
  evaluatePlanCompliance,
  findFinancialRuleSet,
  Money,
  Percentage,
  type FinancialRuleCode,
  type PlanCategory,
  type PlanCompliance,
  type PlanFlex,
} from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';
import { assertCanPreparePlansOf, assertCanReadPlansOf, assertCanReviewPlans, readableCcgs } from './financial-plan-access';
import { FinancialPlanStatus } from './financial-plan-status';
import * as repository from './financial-plans.repository';
import type { ActorRow, FlexRow, PlanRecord, VersionContent, VersionRow } from './financial-plans.repository';

// ---- what the service answers ------------------------------------------------------------------

export interface FinancialPlanVersionView {
  number: number;
  status: FinancialPlanStatus;
  allocation: Money;
  lines: { category: PlanCategory; amount: Money }[];
  priorYearRunningCosts: Money | null;
  betterCareFundMinimum: Money | null;
  compliance: PlanCompliance;
  createdBy: ActorRow;
  createdAt: Date;
  updatedBy: ActorRow;
  updatedAt: Date;
  submittedBy: ActorRow;
  submittedAt: Date | null;
  decidedBy: ActorRow;
  decidedAt: Date | null;
  returnReason: string | null;
}

export interface PlanFlexView {
  id: string;
  rule: FinancialRuleCode;
  percentage: Percentage;
  reason: string;
  approvedBy: ActorRow;
  approvedOn: string;
  recordedAt: Date;
  supersededAt: Date | null;
}

export interface ForecastOutturnView {
  month: string;
  forecastOutturn: Money;
  plannedSpend: Money;
  variance: Money;
  warningThreshold: Money;
  warning: boolean;
  recordedBy: ActorRow;
  recordedAt: Date;
}

export interface FinancialWarningView {
  month: string;
  adverseVariance: Money;
  threshold: Money;
  thresholdPercent: Percentage;
}

export interface FinancialPlanView {
  id: string;
  ccgCode: string;
  financialYear: string;
  status: FinancialPlanStatus;
  compliant: boolean;
  version: number;
  latestVersion: FinancialPlanVersionView;
  versions: FinancialPlanVersionView[];
  flexes: PlanFlexView[];
  forecasts: ForecastOutturnView[];
  forecastWarningThresholdPercent: Percentage;
  financialWarning: FinancialWarningView | null;
  illustrative: boolean;
  illustrativeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

// ---- what callers send ---------------------------------------------------------------------------

export interface PlanFigures {
  allocation: Money;
  lines: readonly { category: PlanCategory; amount: Money }[];
  priorYearRunningCosts?: Money | null;
  betterCareFundMinimum?: Money | null;
}

export interface PlanListRequest {
  filter: Omit<repository.PlanListFilter, 'ccgCodes'>;
  size: number;
  after: { ccgCode: string; financialYear: string } | null;
}

// ---- pure: records to views ----------------------------------------------------------------------

const parseOptional = (text: string | null) => (text === null ? null : Money.parse(text));

/** The flexes in force, as the domain takes them. */
function flexesInForce(flexes: readonly FlexRow[]): PlanFlex[] {
  return flexes
    .filter((flex) => flex.supersededAt === null)
    .map((flex) => ({ rule: flex.rule as FinancialRuleCode, percentage: Percentage.parse(flex.percentage), reason: flex.reason }));
}

/** Checks a version's figures against its year's rules with the plan's flexes: the domain's evaluatePlanCompliance, nothing else. */
export function checkCompliance(financialYear: string, figures: PlanFigures, flexes: readonly PlanFlex[]): PlanCompliance {
  return evaluatePlanCompliance({
    financialYear,
    allocation: figures.allocation,
    lines: figures.lines,
    priorYearRunningCosts: figures.priorYearRunningCosts ?? undefined,
    betterCareFundMinimum: figures.betterCareFundMinimum ?? undefined,
    flexes,
  });
}

function figuresOf(version: VersionRow): PlanFigures {
  return {
    allocation: Money.parse(version.allocation),
    lines: version.lines.map((line) => ({ category: line.category as PlanCategory, amount: Money.parse(line.amount) })),
    priorYearRunningCosts: parseOptional(version.priorYearRunningCosts),
    betterCareFundMinimum: parseOptional(version.betterCareFundMinimum),
  };
}

/** Builds what a client sees of a plan: compliance computed now by the domain, forecasts measured against the approved version. */
export function toPlanView(record: PlanRecord): FinancialPlanView {
  const { plan } = record;
  const flexes = flexesInForce(record.flexes);
  const versions = record.versions.map((version): FinancialPlanVersionView => {
    const figures = figuresOf(version);
    return {
      number: version.number,
      status: version.status,
      allocation: figures.allocation,
      lines: [...figures.lines],
      priorYearRunningCosts: figures.priorYearRunningCosts ?? null,
      betterCareFundMinimum: figures.betterCareFundMinimum ?? null,
      compliance: checkCompliance(plan.financialYear, figures, flexes),
      createdBy: version.createdBy,
      createdAt: version.createdAt,
      updatedBy: version.updatedBy,
      updatedAt: version.updatedAt,
      submittedBy: version.submittedBy,
      submittedAt: version.submittedAt,
      decidedBy: version.decidedBy,
      decidedAt: version.decidedAt,
      returnReason: version.returnReason,
    };
  });
  const latestVersion = versions[0];
  const thresholdPercent = Percentage.parse(plan.forecastWarningThresholdPercent);
  // Forecasts are recorded only once a version is approved, and an approved version is the last one.
  const baseline = versions.find((version) => version.status === FinancialPlanStatus.APPROVED) ?? latestVersion;
  const forecasts = record.forecasts.map((forecast): ForecastOutturnView => {
    const forecastOutturn = Money.parse(forecast.forecastOutturn);
    const plannedSpend = baseline.compliance.plannedSpend;
    const measured = assessForecastVariance({ allocation: baseline.allocation, plannedSpend, forecastOutturn, thresholdPercent });
    return { month: forecast.month.slice(0, 7), forecastOutturn, plannedSpend, ...measured, recordedBy: forecast.recordedBy, recordedAt: forecast.recordedAt };
  });
  const latestForecast = forecasts.at(-1);
  return {
    id: plan.id,
    ccgCode: plan.ccgCode,
    financialYear: plan.financialYear,
    status: latestVersion.status,
    compliant: latestVersion.compliance.compliant,
    version: plan.lockVersion,
    latestVersion,
    versions,
    flexes: record.flexes.map((flex) => ({
      id: flex.id,
      rule: flex.rule as FinancialRuleCode,
      percentage: Percentage.parse(flex.percentage),
      reason: flex.reason,
      approvedBy: flex.approvedBy,
      approvedOn: flex.approvedOn,
      recordedAt: flex.recordedAt,
      supersededAt: flex.supersededAt,
    })),
    forecasts,
    forecastWarningThresholdPercent: thresholdPercent,
    financialWarning: latestForecast?.warning
      ? { month: latestForecast.month, adverseVariance: latestForecast.variance, threshold: latestForecast.warningThreshold, thresholdPercent }
      : null,
    illustrative: plan.illustrative,
    illustrativeNote: plan.illustrativeNote,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}

function contentOf(figures: PlanFigures): VersionContent {
  return {
    allocation: figures.allocation.toString(),
    priorYearRunningCosts: figures.priorYearRunningCosts?.toString() ?? null,
    betterCareFundMinimum: figures.betterCareFundMinimum?.toString() ?? null,
    lines: figures.lines.map((line) => ({ category: line.category, amount: line.amount.toString() })),
  };
}

/** What the audit trail keeps of a version: its figures and standing. */
function versionSnapshot(version: { number: number; status: string; compliant: boolean } & VersionContent): Record<string, unknown> {
  return {
    version: version.number,
    status: version.status,
    allocation: version.allocation,
    priorYearRunningCosts: version.priorYearRunningCosts,
    betterCareFundMinimum: version.betterCareFundMinimum,
    lines: version.lines,
    compliant: version.compliant,
  };
}

/** The financial year as the rule sets name it ("2015-16" -> "2015/16"); UNKNOWN_FINANCIAL_YEAR for a year without rules. */
export function canonicalFinancialYear(financialYear: string): string {
  return findFinancialRuleSet(financialYear.trim()).financialYear;
}

/** The first and last months of a financial year: "2015/16" runs from 2015-04 to 2016-03. */
function monthsOf(financialYear: string): { first: string; last: string } {
  const start = Number(financialYear.slice(0, 4));
  return { first: `${start}-04`, last: `${start + 1}-03` };
}

const normaliseCode = (code: string) => code.trim().toUpperCase();

// ---- the use cases -------------------------------------------------------------------------------

/**
 * Financial plans (issue 6): one method per use case. Each checks whose plan it is (object level), runs
 * in one transaction, locks the plan, checks the transition, writes, refreshes the derived columns and
 * writes the audit row with before and after, so that a change and its audit row commit or fail together.
 */
export class FinancialPlansService {
  constructor(private readonly dataSource: DataSource) {}

  /** The CCG's plan for the year, or null when there is none yet. */
  async getPlan(viewer: Viewer, ccg: string, financialYear: string): Promise<FinancialPlanView | null> {
    const ccgCode = normaliseCode(ccg);
    assertCanReadPlansOf(viewer, ccgCode);
    const manager = this.dataSource.manager;
    const planId = await repository.findPlanId(manager, ccgCode, canonicalFinancialYear(financialYear));
    if (!planId) return null;
    const [record] = await repository.loadPlanRecords(manager, [planId]);
    return record ? toPlanView(record) : null;
  }

  /**
   * Every plan of the CCG, newest financial year first (empty when it has none), as `getPlan` gives each:
   * for the assurance triggers, which look at the latest plan and the latest plan with forecasts.
   */
  async plansOfCcg(viewer: Viewer, ccg: string): Promise<FinancialPlanView[]> {
    const ccgCode = normaliseCode(ccg);
    assertCanReadPlansOf(viewer, ccgCode);
    const manager = this.dataSource.manager;
    const records = await repository.loadPlanRecords(manager, await repository.planIdsOfCcg(manager, ccgCode));
    return records.map(toPlanView);
  }

  /** A plan by id (as mutations answer with it); NOT_FOUND when unknown. */
  async getPlanById(viewer: Viewer, planId: string): Promise<FinancialPlanView> {
    const plan = await this.planOf(planId);
    assertCanReadPlansOf(viewer, plan.ccgCode);
    const [record] = await repository.loadPlanRecords(this.dataSource.manager, [planId]);
    return toPlanView(record);
  }

  /** A page of the plans the viewer may read: all for NHS England, their own CCG's for a finance officer. */
  async listPlans(viewer: Viewer, request: PlanListRequest): Promise<{ plans: FinancialPlanView[]; hasNextPage: boolean; totalCount: number }> {
    const readable = readableCcgs(viewer);
    const financialYear = request.filter.financialYear?.trim() ? request.filter.financialYear.trim().replace('-', '/') : null;
    const manager = this.dataSource.manager;
    const page = await repository.listPlanIds(manager, { ...request.filter, financialYear, ccgCodes: readable.all ? null : readable.codes }, request.size, request.after);
    const records = await repository.loadPlanRecords(manager, page.ids);
    return { plans: records.map(toPlanView), hasNextPage: page.hasNextPage, totalCount: page.totalCount };
  }

  /** Starts a draft: version 1 of a new plan, or the next version after NHS England returned the last one. */
  async createDraft(viewer: Viewer, requestId: string, input: { ccg: string; financialYear: string } & PlanFigures): Promise<string> {
    const ccgCode = normaliseCode(input.ccg);
    assertCanPreparePlansOf(viewer, ccgCode);
    const financialYear = canonicalFinancialYear(input.financialYear);
    return this.change(viewer, requestId, async (manager, actor) => {
      const type = await repository.organisationTypeOf(manager, ccgCode);
      if (type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${ccgCode} is not a CCG, so it has no financial plans.`, { ccg: ccgCode });
      const existingId = await repository.findPlanId(manager, ccgCode, financialYear);
      const content = contentOf(input);
      if (existingId === null) {
        const compliance = checkCompliance(financialYear, input, []);
        const planId = await repository.insertPlan(manager, { ccgCode, financialYear });
        if (planId === null) throw openVersionConflict(ccgCode, financialYear, FinancialPlanStatus.DRAFT);
        await repository.insertVersion(manager, { planId, number: 1, content, compliant: compliance.compliant, actorId: actor.userId });
        await recordAudit(manager, actor, {
          action: 'CREATE_FINANCIAL_PLAN_DRAFT',
          entityType: 'financial_plan',
          entityId: planId,
          after: { ccg: ccgCode, financialYear, ...versionSnapshot({ number: 1, status: 'DRAFT', compliant: compliance.compliant, ...content }) },
        });
        return planId;
      }
      const plan = await repository.getPlanRow(manager, existingId, { forUpdate: true });
      const [record] = await repository.loadPlanRecords(manager, [plan.id]);
      const latest = record.versions[0];
      if (latest.status === FinancialPlanStatus.APPROVED) {
        throw new AppError('CONFLICT', 'PLAN_APPROVED', `The ${financialYear} plan of ${ccgCode} is approved; no new version can be started.`, { planId: plan.id, status: latest.status });
      }
      if (latest.status !== FinancialPlanStatus.RETURNED) throw openVersionConflict(ccgCode, financialYear, latest.status, plan.id);
      const compliance = checkCompliance(financialYear, input, flexesInForce(record.flexes));
      const number = latest.number + 1;
      await repository.insertVersion(manager, { planId: plan.id, number, content, compliant: compliance.compliant, actorId: actor.userId });
      if (!(await repository.advanceLockVersion(manager, plan.id, plan.lockVersion, { currentVersion: number }))) throw staleVersion(plan.id, plan.lockVersion, plan.lockVersion);
      await recordAudit(manager, actor, {
        action: 'CREATE_FINANCIAL_PLAN_DRAFT',
        entityType: 'financial_plan',
        entityId: plan.id,
        before: { version: latest.number, status: latest.status },
        after: { ccg: ccgCode, financialYear, ...versionSnapshot({ number, status: 'DRAFT', compliant: compliance.compliant, ...content }) },
      });
      return plan.id;
    });
  }

  /** Replaces the draft's figures, from the edit version the caller read (CONFLICT, STALE_VERSION otherwise). */
  async updateDraft(viewer: Viewer, requestId: string, input: { planId: string; expectedVersion: number } & PlanFigures): Promise<string> {
    const plan = await this.planOf(input.planId);
    assertCanPreparePlansOf(viewer, plan.ccgCode);
    return this.change(viewer, requestId, async (manager, actor) => {
      const { latest, flexes } = await this.advance(manager, input.planId, input.expectedVersion);
      if (latest.status !== FinancialPlanStatus.DRAFT) throw notInStatus('NOT_A_DRAFT', 'edited', latest, FinancialPlanStatus.DRAFT);
      const compliance = checkCompliance(plan.financialYear, input, flexes);
      const content = contentOf(input);
      const replaced = await repository.replaceDraftContent(manager, { planId: input.planId, number: latest.number, content, compliant: compliance.compliant, actorId: actor.userId });
      if (!replaced) throw notInStatus('NOT_A_DRAFT', 'edited', latest, FinancialPlanStatus.DRAFT);
      await recordAudit(manager, actor, {
        action: 'UPDATE_FINANCIAL_PLAN_DRAFT',
        entityType: 'financial_plan',
        entityId: input.planId,
        before: versionSnapshot(latest),
        after: versionSnapshot({ number: latest.number, status: latest.status, compliant: compliance.compliant, ...content }),
      });
      return input.planId;
    });
  }

  /** The CCG submits its draft to NHS England. */
  async submit(viewer: Viewer, requestId: string, input: { planId: string; expectedVersion: number }): Promise<string> {
    const plan = await this.planOf(input.planId);
    assertCanPreparePlansOf(viewer, plan.ccgCode);
    return this.transition(viewer, requestId, input, { action: 'SUBMIT_FINANCIAL_PLAN', reason: 'NOT_A_DRAFT', verb: 'submitted', from: FinancialPlanStatus.DRAFT, to: FinancialPlanStatus.SUBMITTED });
  }

  /** An NHS England assessor approves the submitted version. */
  async approve(viewer: Viewer, requestId: string, input: { planId: string; expectedVersion: number }): Promise<string> {
    assertCanReviewPlans(viewer);
    await this.planOf(input.planId);
    return this.transition(viewer, requestId, input, { action: 'APPROVE_FINANCIAL_PLAN', reason: 'NOT_SUBMITTED', verb: 'approved', from: FinancialPlanStatus.SUBMITTED, to: FinancialPlanStatus.APPROVED });
  }

  /** An NHS England assessor returns the submitted version to the CCG, saying why. */
  async returnPlan(viewer: Viewer, requestId: string, input: { planId: string; expectedVersion: number; reason: string }): Promise<string> {
    assertCanReviewPlans(viewer);
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'A returned plan needs the reason it is returned.');
    await this.planOf(input.planId);
    return this.transition(viewer, requestId, input, {
      action: 'RETURN_FINANCIAL_PLAN',
      reason: 'NOT_SUBMITTED',
      verb: 'returned',
      from: FinancialPlanStatus.SUBMITTED,
      to: FinancialPlanStatus.RETURNED,
      returnReason: reason,
    });
  }

  /** An NHS England assessor records an approved exception to one of the year's rules; it supersedes an earlier flex of the rule. */
  async recordFlex(viewer: Viewer, requestId: string, input: { planId: string; rule: FinancialRuleCode; percentage: Percentage; reason: string; approvedOn?: string | null }): Promise<string> {
    assertCanReviewPlans(viewer);
    const reason = input.reason.trim();
    const today = new Date().toISOString().slice(0, 10);
    if (input.approvedOn && input.approvedOn > today) {
      throw new AppError('BAD_USER_INPUT', 'APPROVAL_DATE_IN_FUTURE', `A flex cannot be approved on a day still to come (${input.approvedOn}).`, { approvedOn: input.approvedOn });
    }
    const plan = await this.planOf(input.planId);
    return this.change(viewer, requestId, async (manager, actor) => {
      await repository.getPlanRow(manager, input.planId, { forUpdate: true });
      const [record] = await repository.loadPlanRecords(manager, [input.planId]);
      const flex: PlanFlex = { rule: input.rule, percentage: input.percentage, reason };
      const flexes = [...flexesInForce(record.flexes).filter((other) => other.rule !== input.rule), flex];
      // The domain refuses a flex of a rule the year lacks, a percentage outside 0-100 or a blank reason.
      const compliance = record.versions.map((version) => ({ number: version.number, compliant: checkCompliance(plan.financialYear, figuresOf(version), flexes).compliant }));
      const superseded = await repository.supersedeFlex(manager, input.planId, input.rule);
      const flexId = await repository.insertFlex(manager, { planId: input.planId, rule: input.rule, percentage: input.percentage.toString(), reason, approvedBy: actor.userId, approvedOn: input.approvedOn ?? today });
      for (const version of compliance) await repository.setVersionCompliance(manager, input.planId, version.number, version.compliant);
      await repository.touchPlan(manager, input.planId);
      await recordAudit(manager, actor, {
        action: 'RECORD_PLAN_FLEX',
        entityType: 'financial_plan',
        entityId: input.planId,
        before: superseded ? { flexId: superseded.id, rule: input.rule, percentage: superseded.percentage, reason: superseded.reason, approvedOn: superseded.approvedOn, compliant: record.versions[0].compliant } : null,
        after: { flexId, rule: input.rule, percentage: input.percentage.toString(), reason, approvedOn: input.approvedOn ?? today, compliant: compliance[0].compliant },
      });
      return input.planId;
    });
  }

  /** The CCG records a month's forecast outturn against its approved plan; a month recorded again is replaced. */
  async recordForecast(viewer: Viewer, requestId: string, input: { planId: string; month: string; amount: Money }): Promise<string> {
    const plan = await this.planOf(input.planId);
    assertCanPreparePlansOf(viewer, plan.ccgCode);
    const { first, last } = monthsOf(plan.financialYear);
    if (input.month < first || input.month > last) {
      throw new AppError('BAD_USER_INPUT', 'MONTH_OUTSIDE_FINANCIAL_YEAR', `${input.month} is not in the financial year ${plan.financialYear} (${first} to ${last}).`, {
        month: input.month,
        financialYear: plan.financialYear,
      });
    }
    if (input.amount.isNegative()) throw new AppError('BAD_USER_INPUT', 'NEGATIVE_AMOUNT', 'A forecast outturn must not be negative.', { field: 'amount' });
    return this.change(viewer, requestId, async (manager, actor) => {
      const locked = await repository.getPlanRow(manager, input.planId, { forUpdate: true });
      const [record] = await repository.loadPlanRecords(manager, [input.planId]);
      if (record.versions[0].status !== FinancialPlanStatus.APPROVED) {
        throw new AppError('CONFLICT', 'PLAN_NOT_APPROVED', 'Forecasts are measured against the approved plan, and this plan has no approved version yet.', {
          planId: input.planId,
          status: record.versions[0].status,
        });
      }
      const previous = await repository.upsertForecast(manager, { planId: input.planId, month: `${input.month}-01`, amount: input.amount.toString(), actorId: actor.userId });
      const view = await this.refreshWarning(manager, actor, input.planId, locked.financialWarning);
      const measured = view.forecasts.find((forecast) => forecast.month === input.month);
      await recordAudit(manager, actor, {
        action: 'RECORD_FORECAST_OUTTURN',
        entityType: 'financial_plan',
        entityId: input.planId,
        before: previous === null ? null : { month: input.month, forecastOutturn: previous },
        after: {
          month: input.month,
          forecastOutturn: input.amount.toString(),
          variance: measured?.variance.toString(),
          warning: measured?.warning,
          financialWarning: view.financialWarning !== null,
        },
      });
      return input.planId;
    });
  }

  /** An NHS England assessor sets the plan's warning threshold, as a percentage of allocation. */
  async setWarningThreshold(viewer: Viewer, requestId: string, input: { planId: string; percentage: Percentage }): Promise<string> {
    assertCanReviewPlans(viewer);
    if (!input.percentage.isBetween(Percentage.ZERO, Percentage.HUNDRED)) {
      throw new AppError('BAD_USER_INPUT', 'INVALID_THRESHOLD', `A warning threshold is from 0 to 100% of allocation; got ${input.percentage.toString()}.`, { percentage: input.percentage.toString() });
    }
    await this.planOf(input.planId);
    return this.change(viewer, requestId, async (manager, actor) => {
      const locked = await repository.getPlanRow(manager, input.planId, { forUpdate: true });
      await repository.touchPlan(manager, input.planId, { thresholdPercent: input.percentage.toString() });
      const view = await this.refreshWarning(manager, actor, input.planId, locked.financialWarning);
      await recordAudit(manager, actor, {
        action: 'SET_FORECAST_WARNING_THRESHOLD',
        entityType: 'financial_plan',
        entityId: input.planId,
        before: { forecastWarningThresholdPercent: Percentage.parse(locked.forecastWarningThresholdPercent).toString(), financialWarning: locked.financialWarning },
        after: { forecastWarningThresholdPercent: input.percentage.toString(), financialWarning: view.financialWarning !== null },
      });
      return input.planId;
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The plan's row (for whose plan it is), read before the transaction; NOT_FOUND when unknown. */
  private planOf(planId: string) {
    return repository.getPlanRow(this.dataSource.manager, planId);
  }

  /** One transaction for one change, with the actor for its audit row. */
  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }

  /**
   * Moves the plan's edit version on from `expectedVersion` (checked in the UPDATE's WHERE, which also
   * locks the plan) and loads the plan; CONFLICT, STALE_VERSION when the caller's reading is out of date.
   */
  private async advance(manager: EntityManager, planId: string, expectedVersion: number): Promise<{ latest: VersionRow; flexes: PlanFlex[] }> {
    if (!(await repository.advanceLockVersion(manager, planId, expectedVersion))) {
      const current = await repository.getPlanRow(manager, planId);
      throw staleVersion(planId, expectedVersion, current.lockVersion);
    }
    const [record] = await repository.loadPlanRecords(manager, [planId]);
    return { latest: record.versions[0], flexes: flexesInForce(record.flexes) };
  }

  private transition(
    viewer: Viewer,
    requestId: string,
    input: { planId: string; expectedVersion: number },
    step: { action: string; reason: string; verb: string; from: FinancialPlanStatus; to: FinancialPlanStatus; returnReason?: string },
  ): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const { latest } = await this.advance(manager, input.planId, input.expectedVersion);
      const moved =
        latest.status === step.from &&
        (await repository.changeVersionStatus(manager, { planId: input.planId, number: latest.number, from: step.from, to: step.to, actorId: actor.userId, returnReason: step.returnReason }));
      if (!moved) throw notInStatus(step.reason, step.verb, latest, step.from);
      await recordAudit(manager, actor, {
        action: step.action,
        entityType: 'financial_plan',
        entityId: input.planId,
        before: { version: latest.number, status: latest.status },
        after: { version: latest.number, status: step.to, ...(step.returnReason ? { returnReason: step.returnReason } : {}) },
      });
      return input.planId;
    });
  }

  /**
   * Recomputes the plan's financial warning from its latest forecast and stores it; a warning that
   * starts or ends is an audit event of its own, so assurance can see when it was raised.
   */
  private async refreshWarning(manager: EntityManager, actor: AuditActor, planId: string, wasWarning: boolean): Promise<FinancialPlanView> {
    const [record] = await repository.loadPlanRecords(manager, [planId]);
    const view = toPlanView(record);
    const isWarning = view.financialWarning !== null;
    if (isWarning !== wasWarning) {
      await repository.touchPlan(manager, planId, { financialWarning: isWarning });
      await recordAudit(manager, actor, {
        action: isWarning ? 'RAISE_FINANCIAL_WARNING' : 'CLEAR_FINANCIAL_WARNING',
        entityType: 'financial_plan',
        entityId: planId,
        before: { financialWarning: wasWarning },
        after: {
          financialWarning: isWarning,
          ...(view.financialWarning
            ? { month: view.financialWarning.month, adverseVariance: view.financialWarning.adverseVariance.toString(), threshold: view.financialWarning.threshold.toString() }
            : {}),
        },
      });
    }
    return view;
  }
}

function requiredText(text: string, reason: string, message: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new AppError('BAD_USER_INPUT', reason, message);
  return trimmed;
}

function staleVersion(planId: string, expectedVersion: number, currentVersion: number): AppError {
  return new AppError('CONFLICT', 'STALE_VERSION', 'The plan has changed since you read it: read it again, then make your change.', { planId, expectedVersion, currentVersion });
}

function openVersionConflict(ccgCode: string, financialYear: string, status: FinancialPlanStatus, planId?: string): AppError {
  return new AppError(
    'CONFLICT',
    'PLAN_HAS_OPEN_VERSION',
    `The ${financialYear} plan of ${ccgCode} already has a ${status === FinancialPlanStatus.DRAFT ? 'draft' : 'version awaiting review'}; a new version can be started only after a return.`,
    { planId, status },
  );
}

function notInStatus(reason: string, verb: string, version: VersionRow, expected: FinancialPlanStatus): AppError {
  return new AppError('CONFLICT', reason, `Version ${version.number} is ${version.status}; only a ${expected} version can be ${verb}.`, {
    version: version.number,
    status: version.status,
    expected,
  });
}
