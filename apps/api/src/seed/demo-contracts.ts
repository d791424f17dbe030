import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { checkContractsAfterImport } from '../contracts/contract-checks';
import { ThresholdSource } from '../contracts/contracts-enums';
import { ContractAssociateEntity, ContractEntity, ContractIndicatorEntity } from '../contracts/contracts.entities';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { Logger } from '../server/logger';

// Illustrative provider contracts for the demo (issue 15 point 8): the Leeds CCGs with Leeds Teaching Hospitals,
// Sheffield with Sheffield Teaching Hospitals, and the Kent and Medway CCGs with their acute trusts, for the contract
// years the bundled A&E data covers. Made only on the embedded database, like the other demo seeds: a database named
// by DATABASE_URL never gets invented contracts. Which CCG leads, the associates and the values are invented (the data
// has no contracts); every contract says so in illustrativeNote. The three Leeds CCGs merged in April 2018, so their
// contracts stop at 2017/18.

export const ILLUSTRATIVE_CONTRACT_NOTE =
  'Illustrative demonstration contract, not a real contract: the lead and associate commissioners, value and monitored indicators are invented to show contract management (issue 15).';

interface DemoContract {
  provider: string;
  lead: string;
  associates: string[];
  /** Annual value in pounds, invented. */
  value: string;
  years: string[];
}

const TO_2017_18 = ['2016/17', '2017/18'];
const TO_2018_19 = ['2016/17', '2017/18', '2018/19'];

export const DEMO_CONTRACTS: readonly DemoContract[] = [
  { provider: 'RR8', lead: '02V', associates: ['03C', '03G'], value: '520000000.00', years: TO_2017_18 },
  { provider: 'RHQ', lead: '03N', associates: [], value: '410000000.00', years: TO_2018_19 },
  { provider: 'RVV', lead: '09E', associates: ['09C', '10A', '10E'], value: '380000000.00', years: TO_2018_19 },
  { provider: 'RPA', lead: '09W', associates: ['10D'], value: '190000000.00', years: TO_2018_19 },
  { provider: 'RWF', lead: '99J', associates: [], value: '260000000.00', years: TO_2018_19 },
  { provider: 'RN7', lead: '09J', associates: [], value: '150000000.00', years: TO_2018_19 },
];

/** The A&E standards every demo contract monitors at the national standard. */
const MONITORED = ['AE_4HR_ALL', 'AE_4HR_TYPE1'];

const SEED_ACTOR: AuditActor = { userId: null, username: 'demo-seed', requestId: null };

/**
 * Creates the illustrative contracts (once: none are made when any illustrative contract exists) and the breach
 * proposals the stored scores give for them, in one transaction with an audit row per contract. Needs the bundled
 * data (organisations, indicators and stored scores), so main.ts calls it after loading it. Returns how many it made.
 */
export async function seedDemoContracts(dataSource: DataSource, logger: Logger): Promise<number> {
  if ((await dataSource.manager.countBy(ContractEntity, { illustrative: true })) > 0) return 0;
  const made = await dataSource.transaction(async (manager) => {
    const indicators = (await manager.findBy(IndicatorEntity, {})).map((i) => i.code).filter((code) => MONITORED.includes(code));
    let count = 0;
    const providers: string[] = [];
    for (const demo of DEMO_CONTRACTS) {
      if (!(await exists(manager, demo.provider, OrganisationType.NHS_TRUST)) || !(await exists(manager, demo.lead, OrganisationType.CCG))) continue;
      const associates: string[] = [];
      for (const code of demo.associates) if (await exists(manager, code, OrganisationType.CCG)) associates.push(code);
      for (const year of demo.years) {
        const contract = await manager.save(
          manager.create(ContractEntity, {
            providerCode: demo.provider,
            financialYear: year,
            leadCommissionerCode: demo.lead,
            contractValue: demo.value,
            title: `Acute services ${year} (illustrative)`,
            reference: null,
            illustrative: true,
            illustrativeNote: ILLUSTRATIVE_CONTRACT_NOTE,
            createdBy: null,
            version: 1,
          }),
        );
        if (associates.length > 0) await manager.insert(ContractAssociateEntity, associates.map((commissionerCode) => ({ contractId: contract.id, commissionerCode })));
        if (indicators.length > 0) {
          await manager.insert(
            ContractIndicatorEntity,
            indicators.map((indicatorCode) => ({ contractId: contract.id, indicatorCode, threshold: null, thresholdSource: ThresholdSource.NATIONAL })),
          );
        }
        await recordAudit(manager, SEED_ACTOR, {
          action: 'CREATE_CONTRACT',
          entityType: 'contract',
          entityId: contract.id,
          after: { provider: demo.provider, financialYear: year, leadCommissioner: demo.lead, associates, contractValue: demo.value, indicators, illustrative: true },
        });
        count++;
      }
      providers.push(demo.provider);
    }
    // The breach proposals an import would have made for these contracts, from the stored scores.
    await checkContractsAfterImport(manager, { batchId: null, actor: SEED_ACTOR, providerCodes: providers });
    return count;
  });
  if (made > 0) logger.info('created the illustrative contracts', { contracts: made });
  return made;
}

async function exists(manager: EntityManager, code: string, type: OrganisationType): Promise<boolean> {
  return (await manager.countBy(OrganisationEntity, { code, type })) > 0;
}
