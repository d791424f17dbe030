import type { DataSource } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Logger } from '../server/logger';
import { SanctionScheduleEntity } from './sanction-schedule.entity';
import { illustrativeContractsWithoutAeRate } from './sanctions.queries';

// A local A&E four-hour sanction for each illustrative demo contract (issue 15 point 8), so that the demo can calculate a
// sanction from the real A&E data: after April 2016 the national A&E sanction was suspended for most providers (decision
// 0023), so in the years the bundled data covers it is a local sanction. The rate is illustrative, labelled so on the row.

export const DEMO_LOCAL_AE_SANCTION = {
  code: 'LOCAL_AE_4HR',
  description: 'Illustrative local sanction: each A&E attendance over four hours beyond the standard’s tolerance (all department types).',
  unitValue: '120.00',
  source: {
    basis: 'LOCAL',
    document: 'Illustrative demonstration contract, not a real contract (issue 15)',
    locator: null,
    text: 'Illustrative rate: the £120 per excess breach of the NHS Standard Contract 2015/16 (HFMA, 1 April 2015), used here as a local rate because the national A&E sanction was suspended from April 2016 for providers taking the Sustainability and Transformation Fund.',
  },
} as const;

/** Gives every illustrative contract without one the illustrative local A&E sanction; returns how many it added. Audited. */
export async function seedDemoLocalSanctions(dataSource: DataSource, logger: Logger): Promise<number> {
  const actor: AuditActor = { userId: null, username: 'system', requestId: 'demo-local-sanctions' };
  const added = await dataSource.transaction(async (manager) => {
    const contracts = await illustrativeContractsWithoutAeRate.rows(manager, []);
    for (const contract of contracts) {
      const row = await manager.save(
        manager.create(SanctionScheduleEntity, {
          scope: 'LOCAL',
          financialYear: contract.financialYear,
          contractId: contract.id,
          code: DEMO_LOCAL_AE_SANCTION.code,
          description: DEMO_LOCAL_AE_SANCTION.description,
          countUnit: 'BREACH_BEYOND_TOLERANCE',
          unitValue: DEMO_LOCAL_AE_SANCTION.unitValue,
          measure: 'AE_FOUR_HOUR_WAIT',
          sources: [DEMO_LOCAL_AE_SANCTION.source],
          position: 1,
          updatedBy: null,
        }),
      );
      await recordAudit(manager, actor, {
        action: 'ADD_LOCAL_SANCTION',
        entityType: 'sanction_schedule',
        entityId: row.id,
        after: { contractId: contract.id, code: row.code, unitValue: row.unitValue, measure: row.measure, illustrative: true },
      });
    }
    return contracts.length;
  });
  if (added > 0) logger.info('seeded illustrative local A&E sanctions', { contracts: added });
  return added;
}
