import { compareIsoDates, todayInEngland, type FinancialRuleCode, type Percentage, type PlanFlex } from '@ccg-assure/domain';
import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';
import { checkingInput } from './financial-plan-refusals';
import { checkCompliance, figuresOf, flexesInForce } from './financial-plan-view';
import type { FinancialPlansCore } from './financial-plans-core';
import * as repository from './financial-plans.repository';

// Flexes: NHS England's approved exceptions to one of the year's rules for one plan (seed 001: "flexibility in
// the application of the financial rules"). A flex of a rule supersedes the one in force; both are kept.

/** The RecordPlanFlexInput fields the domain's refusals of a flex concern (it names the flex by its place in the plan's list). */
const FLEX_FIELDS = { FLEX_RULE_NOT_IN_YEAR: 'rule', DUPLICATE_FLEX: 'rule', INVALID_FLEX_PERCENTAGE: 'percentage', MISSING_FLEX_REASON: 'reason' } as const;

export interface FlexToRecord {
  planId: string;
  rule: FinancialRuleCode;
  percentage: Percentage;
  reason: string;
  /** The day it was approved, 'yyyy-mm-dd'; today in England when not given. */
  approvedOn?: string | null;
}

/** An NHS England assessor records an approved exception to one of the year's rules; it supersedes an earlier flex of the rule. */
export async function recordFlex(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: FlexToRecord): Promise<string> {
  // The day in England, not in UTC: a flex approved at 00:30 BST is approved today, not tomorrow.
  const today = todayInEngland(core.now());
  const { plan, actorKinds } = await core.authorise(viewer, input.planId, 'RECORD_FLEX');
  const reason = input.reason.trim();
  const approvedOn = input.approvedOn ?? today;
  if (compareIsoDates(approvedOn, today) > 0) {
    throw new AppError('BAD_USER_INPUT', 'APPROVAL_DATE_IN_FUTURE', `A flex cannot be approved on a day still to come (${approvedOn}).`, { approvedOn, today, fields: ['approvedOn'] });
  }
  return core.change(viewer, requestId, async (manager, actor) => {
    const record = await core.lockAndLoad(manager, input.planId);
    core.move(record, { type: 'RECORD_FLEX' }, actorKinds);
    const flex: PlanFlex = { rule: input.rule, percentage: input.percentage, reason };
    const flexes = [...flexesInForce(record.flexes).filter((other) => other.rule !== input.rule), flex];
    // The domain refuses a flex of a rule the year lacks, a percentage outside 0-100 or a blank reason.
    const compliance = checkingInput(FLEX_FIELDS, () =>
      record.versions.map((version) => ({ number: version.number, compliant: checkCompliance(plan.financialYear, figuresOf(version), flexes).compliant })),
    );
    const superseded = await repository.supersedeFlex(manager, input.planId, input.rule);
    const flexId = await repository.insertFlex(manager, { planId: input.planId, rule: input.rule, percentage: input.percentage.toString(), reason, approvedBy: actor.userId, approvedOn });
    for (const version of compliance) await repository.setVersionCompliance(manager, input.planId, version.number, version.compliant);
    await repository.touchPlan(manager, input.planId);
    await recordAudit(manager, actor, {
      action: 'RECORD_PLAN_FLEX',
      entityType: 'financial_plan',
      entityId: input.planId,
      before: superseded
        ? { flexId: superseded.id, rule: input.rule, percentage: superseded.percentage, reason: superseded.reason, approvedOn: superseded.approvedOn, compliant: record.versions[0].compliant }
        : null,
      after: { flexId, rule: input.rule, percentage: input.percentage.toString(), reason, approvedOn, compliant: compliance[0].compliant },
    });
    return input.planId;
  });
}
