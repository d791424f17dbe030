import { parseFinancialYear, Percentage, yearMonthOf, yearMonthStart, type Money } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';
import { checkingInput } from './financial-plan-refusals';
import { toPlanView, type FinancialPlanView } from './financial-plan-view';
import type { FinancialPlansCore } from './financial-plans-core';
import * as repository from './financial-plans.repository';

// In-year monitoring (issue 6): the CCG records each month's forecast outturn against its approved plan; an
// adverse variance above the plan's threshold (NHS England sets it, 1% of allocation by default) raises a
// financial warning, stored on the plan and audited when it starts or ends.

export interface ForecastToRecord {
  planId: string;
  /** 'yyyy-mm', in the plan's financial year. */
  month: string;
  amount: Money;
}

export interface WarningThresholdToSet {
  planId: string;
  /** Of allocation, from 0 to 100. */
  percentage: Percentage;
}

/** The CCG records a month's forecast outturn against its approved plan; a month recorded again is replaced. */
export async function recordForecast(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: ForecastToRecord): Promise<string> {
  const { plan, actorKinds } = await core.authorise(viewer, input.planId, 'RECORD_FORECAST');
  const year = parseFinancialYear(plan.financialYear);
  const month = checkingInput({ INVALID_MONTH: 'month' }, () => yearMonthStart(input.month, 'month'));
  if (!year.contains(month)) {
    const [first, last] = [yearMonthOf(year.start), yearMonthOf(year.end)];
    throw new AppError('BAD_USER_INPUT', 'MONTH_OUTSIDE_FINANCIAL_YEAR', `${input.month} is not in the financial year ${year.label} (${first} to ${last}).`, {
      month: input.month,
      financialYear: year.label,
      fields: ['month'],
    });
  }
  if (input.amount.isNegative()) throw new AppError('BAD_USER_INPUT', 'NEGATIVE_AMOUNT', 'A forecast outturn must not be negative.', { fields: ['amount'] });
  return core.change(viewer, requestId, async (manager, actor) => {
    const record = await core.lockAndLoad(manager, input.planId);
    core.move(record, { type: 'RECORD_FORECAST' }, actorKinds);
    const previous = await repository.upsertForecast(manager, { planId: input.planId, month, amount: input.amount.toString(), actorId: actor.userId });
    const view = await refreshWarning(manager, actor, input.planId, record.plan.financialWarning);
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
export async function setWarningThreshold(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: WarningThresholdToSet): Promise<string> {
  const { actorKinds } = await core.authorise(viewer, input.planId, 'SET_WARNING_THRESHOLD');
  if (!input.percentage.isBetween(Percentage.ZERO, Percentage.HUNDRED)) {
    throw new AppError('BAD_USER_INPUT', 'INVALID_THRESHOLD', `A warning threshold is from 0 to 100% of allocation; got ${input.percentage.toString()}.`, {
      percentage: input.percentage.toString(),
      fields: ['percentage'],
    });
  }
  return core.change(viewer, requestId, async (manager, actor) => {
    const record = await core.lockAndLoad(manager, input.planId);
    core.move(record, { type: 'SET_WARNING_THRESHOLD' }, actorKinds);
    const { plan } = record;
    await repository.touchPlan(manager, input.planId, { thresholdPercent: input.percentage.toString() });
    const view = await refreshWarning(manager, actor, input.planId, plan.financialWarning);
    await recordAudit(manager, actor, {
      action: 'SET_FORECAST_WARNING_THRESHOLD',
      entityType: 'financial_plan',
      entityId: input.planId,
      before: { forecastWarningThresholdPercent: Percentage.parse(plan.forecastWarningThresholdPercent).toString(), financialWarning: plan.financialWarning },
      after: { forecastWarningThresholdPercent: input.percentage.toString(), financialWarning: view.financialWarning !== null },
    });
    return input.planId;
  });
}

/**
 * Recomputes the plan's financial warning from its latest forecast and stores it; a warning that starts or
 * ends is an audit event of its own, so assurance can see when it was raised.
 */
async function refreshWarning(manager: EntityManager, actor: AuditActor, planId: string, wasWarning: boolean): Promise<FinancialPlanView> {
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
