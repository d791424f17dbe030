import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import type { FinancialPlansCore } from './financial-plans-core';
import * as repository from './financial-plans.repository';

// The review cycle: the CCG submits its draft to NHS England, whose assessors approve it or return it with a
// reason. Which move is allowed from which status, and to whom, is the domain's lifecycle table.

/** A change named by the plan and the edit version the caller read. */
export interface PlanRevision {
  planId: string;
  expectedVersion: number;
}

const AUDIT_ACTIONS = {
  SUBMIT: 'SUBMIT_FINANCIAL_PLAN',
  APPROVE: 'APPROVE_FINANCIAL_PLAN',
  RETURN: 'RETURN_FINANCIAL_PLAN',
} as const;

/** The lifecycle's moves of the review cycle (FinancialPlanAction narrowed to them). */
type ReviewAction = { readonly type: 'SUBMIT' | 'APPROVE' } | { readonly type: 'RETURN'; readonly reason: string };

/** The CCG submits its draft to NHS England. */
export function submit(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: PlanRevision): Promise<string> {
  return moveLatestVersion(core, viewer, requestId, input, { type: 'SUBMIT' });
}

/** An NHS England assessor approves the submitted version. */
export function approve(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: PlanRevision): Promise<string> {
  return moveLatestVersion(core, viewer, requestId, input, { type: 'APPROVE' });
}

/** An NHS England assessor returns the submitted version to the CCG, saying why. */
export function returnPlan(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: PlanRevision & { reason: string }): Promise<string> {
  return moveLatestVersion(core, viewer, requestId, input, { type: 'RETURN', reason: input.reason.trim() });
}

/** Moves the latest version as the lifecycle says, from the edit version the caller read, recording who and when. */
async function moveLatestVersion(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: PlanRevision, action: ReviewAction): Promise<string> {
  const { actorKinds } = await core.authorise(viewer, input.planId, action.type);
  return core.change(viewer, requestId, async (manager, actor) => {
    const record = await core.advance(manager, input.planId, input.expectedVersion);
    const latest = record.versions[0];
    const to = core.move(record, action, actorKinds);
    const returnReason = action.type === 'RETURN' ? action.reason : null;
    const moved = await repository.moveVersion(manager, { planId: input.planId, number: latest.number, from: latest.status, to, actorId: actor.userId, returnReason });
    if (!moved) throw new Error(`financial plan ${input.planId} version ${latest.number} changed status while its plan was locked`);
    await recordAudit(manager, actor, {
      action: AUDIT_ACTIONS[action.type],
      entityType: 'financial_plan',
      entityId: input.planId,
      before: { version: latest.number, status: latest.status },
      after: { version: latest.number, status: to, ...(returnReason ? { returnReason } : {}) },
    });
    return input.planId;
  });
}
