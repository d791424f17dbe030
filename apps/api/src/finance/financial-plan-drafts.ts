import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { OrganisationType } from '../organisations/organisation-type';
import { AppError } from '../server/app-error';
import { authorisePlanAction } from './financial-plan-access';
import { planningYear } from './financial-plan-reads';
import { checkingInput, openVersionConflict, staleVersion } from './financial-plan-refusals';
import { checkCompliance, contentOf, flexesInForce, versionSnapshot, type PlanFigures } from './financial-plan-view';
import { normaliseCode, type FinancialPlansCore } from './financial-plans-core';
import * as repository from './financial-plans.repository';

// Preparing a plan: the CCG's finance officers start a draft (version 1, or the next after a return) and
// replace its figures. The lifecycle (START_DRAFT, EDIT_DRAFT) says when; the domain checks the figures.

/** The input fields of a plan's figures that a domain refusal of them concerns, where the domain does not name one. */
const FIGURE_FIELDS = { INVALID_ALLOCATION: 'allocation', UNKNOWN_FINANCIAL_YEAR: 'financialYear' } as const;

/** Starts a draft: version 1 of a new plan, or the next version after NHS England returned the last one. */
export async function createDraft(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: { ccg: string; financialYear: string } & PlanFigures): Promise<string> {
  const ccgCode = normaliseCode(input.ccg);
  const actorKinds = authorisePlanAction(viewer, 'START_DRAFT', ccgCode);
  const financialYear = planningYear(input.financialYear).label;
  const [organisation] = await core.organisations.byCodes([ccgCode]);
  if (organisation?.type !== OrganisationType.CCG) {
    throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${ccgCode} is not a CCG, so it has no financial plans.`, { ccg: ccgCode, fields: ['ccg'] });
  }
  return core.change(viewer, requestId, async (manager, actor) => {
    const existingId = await repository.findPlanId(manager, ccgCode, financialYear);
    const content = contentOf(input);
    if (existingId === null) {
      core.move({ ccgCode, financialYear }, { type: 'START_DRAFT' }, actorKinds);
      const compliance = checkingInput(FIGURE_FIELDS, () => checkCompliance(financialYear, input, []));
      const planId = await repository.insertPlan(manager, { ccgCode, financialYear });
      if (planId === null) throw openVersionConflict(ccgCode, financialYear, 'DRAFT');
      await repository.insertVersion(manager, { planId, number: 1, content, compliant: compliance.compliant, actorId: actor.userId });
      await recordAudit(manager, actor, {
        action: 'CREATE_FINANCIAL_PLAN_DRAFT',
        entityType: 'financial_plan',
        entityId: planId,
        after: { ccg: ccgCode, financialYear, ...versionSnapshot({ number: 1, status: 'DRAFT', compliant: compliance.compliant, ...content }) },
      });
      return planId;
    }
    const record = await core.lockAndLoad(manager, existingId);
    const { plan } = record;
    const latest = record.versions[0];
    const status = core.move(record, { type: 'START_DRAFT' }, actorKinds);
    const compliance = checkingInput(FIGURE_FIELDS, () => checkCompliance(financialYear, input, flexesInForce(record.flexes)));
    const number = latest.number + 1;
    await repository.insertVersion(manager, { planId: plan.id, number, content, compliant: compliance.compliant, actorId: actor.userId });
    if (!(await repository.advanceLockVersion(manager, plan.id, plan.lockVersion, { currentVersion: number }))) throw staleVersion(plan.id, plan.lockVersion, plan.lockVersion);
    await recordAudit(manager, actor, {
      action: 'CREATE_FINANCIAL_PLAN_DRAFT',
      entityType: 'financial_plan',
      entityId: plan.id,
      before: { version: latest.number, status: latest.status },
      after: { ccg: ccgCode, financialYear, ...versionSnapshot({ number, status, compliant: compliance.compliant, ...content }) },
    });
    return plan.id;
  });
}

/** Replaces the draft's figures, from the edit version the caller read (CONFLICT, STALE_VERSION otherwise). */
export async function updateDraft(core: FinancialPlansCore, viewer: Viewer, requestId: string, input: { planId: string; expectedVersion: number } & PlanFigures): Promise<string> {
  const { plan, actorKinds } = await core.authorise(viewer, input.planId, 'EDIT_DRAFT');
  return core.change(viewer, requestId, async (manager, actor) => {
    const record = await core.advance(manager, input.planId, input.expectedVersion);
    const latest = record.versions[0];
    const status = core.move(record, { type: 'EDIT_DRAFT' }, actorKinds);
    const compliance = checkingInput(FIGURE_FIELDS, () => checkCompliance(plan.financialYear, input, flexesInForce(record.flexes)));
    const content = contentOf(input);
    const replaced = await repository.replaceDraftContent(manager, { planId: input.planId, number: latest.number, content, compliant: compliance.compliant, actorId: actor.userId });
    if (!replaced) throw new Error(`financial plan ${input.planId} version ${latest.number} left DRAFT while its plan was locked`);
    await recordAudit(manager, actor, {
      action: 'UPDATE_FINANCIAL_PLAN_DRAFT',
      entityType: 'financial_plan',
      entityId: input.planId,
      before: versionSnapshot(latest),
      after: versionSnapshot({ number: latest.number, status, compliant: compliance.compliant, ...content }),
    });
    return input.planId;
  });
}
