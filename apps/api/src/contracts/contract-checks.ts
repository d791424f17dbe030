import { compareWithTrajectory, proposedStepAfterMiss, type ContractNoticeState, type TrajectoryPolarity } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { BreachReason } from './contracts-enums';
import { breachCandidates, insertBreachProposals, insertTrajectoryMisses, organisationsOfBatch, trajectoryCandidates } from './contracts.queries';

// The after-import check (issue 15 points 2 and 4): in the import's transaction, from the STORED scores the import
// has just refreshed (decision 0021), every month of a monitored indicator of a touched contract that fails its
// threshold or its SPC verdicts becomes a breach proposal (never a notice), and every trajectory month with data that
// is missed is recorded with the step it proposes. Each write is audited in the same transaction.

/** What the check wrote. */
export interface ContractCheckResult {
  breachProposals: number;
  trajectoryMisses: number;
}

/** A month's reasons to propose a breach: its threshold (local, else the national RAG) and its SPC verdicts. */
export function breachReasons(row: { localThreshold: number | null; polarity: string; value: number; rag: string | null; variationType: string; assuranceType: string | null }): BreachReason[] {
  const reasons: BreachReason[] = [];
  if (row.localThreshold !== null) {
    const meets = row.polarity === 'LOWER_IS_BETTER' ? row.value <= row.localThreshold : row.value >= row.localThreshold;
    if (!meets && row.polarity !== 'NEUTRAL') reasons.push(BreachReason.THRESHOLD_NOT_MET);
  } else if (row.rag === 'RED') {
    reasons.push(BreachReason.THRESHOLD_NOT_MET);
  }
  if (row.variationType === 'SPECIAL_CAUSE_CONCERN') reasons.push(BreachReason.SPECIAL_CAUSE_CONCERN);
  if (row.assuranceType === 'CONSISTENT_FAIL') reasons.push(BreachReason.CONSISTENT_FAIL);
  return reasons;
}

/**
 * Checks the contracts of the providers an import batch wrote values for (`providerCodes` overrides, for the demo
 * seed), writing breach proposals and trajectory misses not yet recorded.
 */
export async function checkContractsAfterImport(
  manager: EntityManager,
  context: { batchId: string | null; actor: AuditActor; providerCodes?: readonly string[] },
): Promise<ContractCheckResult> {
  const providers =
    context.providerCodes !== undefined
      ? [...context.providerCodes]
      : context.batchId === null
        ? []
        : (await organisationsOfBatch.rows(manager, [context.batchId])).map((row) => row.organisationCode);
  if (providers.length === 0) return { breachProposals: 0, trajectoryMisses: 0 };

  const proposals = (await breachCandidates.rows(manager, [providers])).flatMap((row) => {
    const reasons = breachReasons(row);
    if (reasons.length === 0) return [];
    const threshold = row.localThreshold ?? row.target;
    return [
      {
        contract_id: row.contractId,
        indicator_code: row.indicatorCode,
        period_id: row.periodId,
        reasons,
        evidence: { period: row.period, periodLabel: row.periodLabel, value: row.value, threshold, rag: row.rag, variationType: row.variationType, assuranceType: row.assuranceType },
      },
    ];
  });
  const inserted = proposals.length === 0 ? [] : await insertBreachProposals.rows(manager, [JSON.stringify(proposals), context.batchId]);
  for (const proposal of inserted) {
    await recordAudit(manager, context.actor, {
      action: 'PROPOSE_CONTRACT_BREACH',
      entityType: 'contract',
      entityId: proposal.contractId,
      after: { proposalId: proposal.id, indicatorCode: proposal.indicatorCode, periodId: proposal.periodId, importBatchId: context.batchId },
    });
  }

  const misses = (await trajectoryCandidates.rows(manager, [providers])).flatMap((row) => {
    if (row.polarity === 'NEUTRAL') return [];
    const comparison = compareWithTrajectory({ indicatorCode: row.indicatorCode, month: row.month, value: row.committed }, row.actual, row.polarity as TrajectoryPolarity);
    const step = proposedStepAfterMiss(row.status as ContractNoticeState);
    if (comparison.met || step === null) return [];
    return [{ plan_id: row.planId, notice_id: row.noticeId, indicator_code: row.indicatorCode, month: row.month, committed_value: row.committed, actual_value: row.actual, proposed_next_step: step }];
  });
  const recorded = misses.length === 0 ? [] : await insertTrajectoryMisses.rows(manager, [JSON.stringify(misses), context.batchId]);
  const noticeOf = new Map(misses.map((miss) => [miss.plan_id, miss.notice_id]));
  for (const miss of recorded) {
    await recordAudit(manager, context.actor, {
      action: 'RECORD_TRAJECTORY_MISS',
      entityType: 'contract_notice',
      entityId: noticeOf.get(miss.planId) ?? miss.planId,
      after: { planId: miss.planId, indicatorCode: miss.indicatorCode, month: miss.month, proposedNextStep: miss.proposedNextStep, importBatchId: context.batchId },
    });
  }
  return { breachProposals: inserted.length, trajectoryMisses: recorded.length };
}
