import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server';
import { createLogger } from '../server/logger';
import { seedDemoLocalSanctions } from './demo-local-sanctions';

// Sanctions and fine income through GraphQL and the file routes, on a real database with the real A&E rows of RR8
// (Leeds Teaching Hospitals): the seeded schedule, the calculation from the data to the penny, every ledger move, each
// role and organisation, the fine income report, the notice letter PDF and the ledger CSV and xlsx.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const [aeHeader, ...aeLines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const rr8Rows = aeLines.filter((line) => line.split(',')[1] === 'RR8' && line.startsWith('2016-'));

const LEDGER = `
  fragment Entry on SanctionLedgerEntry {
    id contractId noticeId kind sanctionCode description period count unitValue amount basis status reason incomeUse incomeUseNote availableActions version
    calculation { indicatorCode attendances breaches standardPercent thresholdSource toleratedBreaches excessBreaches annualContractValue monthlyValue withholdingPercent }
    history { action from to actorName actorKind note }
  }`;
const LEDGER_QUERY = `query($id: ID!) { sanctionLedger(contractId: $id) { contractId viewerMayAct entries { ...Entry }
  totals { applied unallocated unallocatedEntries calculated withheld waived returned byUse { use amount entries } }
  sanctions { id scope code unitValue measure countUnit } } } ${LEDGER}`;
const APPLY = `mutation($input: ApplySanctionLedgerActionInput!) { applySanctionLedgerAction(input: $input) { ...Entry } } ${LEDGER}`;
const INCOME = `mutation($input: RecordFineIncomeUseInput!) { recordFineIncomeUse(input: $input) { ...Entry } } ${LEDGER}`;
const CALCULATE = `mutation($input: CalculateContractSanctionsInput!) { calculateContractSanctions(input: $input) { ...Entry } } ${LEDGER}`;
const RECORD = `mutation($input: RecordSanctionInput!) { recordSanction(input: $input) { ...Entry } } ${LEDGER}`;
const WITHHOLD = `mutation($input: RecordContractWithholdingInput!) { recordContractWithholding(input: $input) { ...Entry } } ${LEDGER}`;
const LOCAL = `mutation($input: SetLocalSanctionInput!) { setLocalSanction(input: $input) { id scope code unitValue measure countUnit financialYear contractId sources { basis text } version } }`;

type Entry = {
  id: string;
  status: string;
  amount: string;
  count: number | null;
  version: number;
  availableActions: string[];
  incomeUse: string | null;
  reason: string | null;
  calculation: Record<string, unknown>;
  history: { action: string; from: string | null; to: string; actorName: string | null; actorKind: string; note: string | null }[];
};
type Errors = { errors?: { extensions?: { code?: string; reason?: string; details?: Record<string, unknown> } }[] };

const reasonOf = (response: Errors) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.reason];

describe('sanctions and fine income', () => {
  let db: TestDatabase;
  let server: TestServer;
  let leadManager: TestClient;
  let leadFinance: TestClient;
  let associateManager: TestClient;
  let associateFinance: TestClient;
  let otherManager: TestClient;
  let analyst: TestClient;
  let assessor: TestClient;
  let admin: TestClient;
  let contractId: string;
  let noticeId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const [code, name] of [
      ['02V', 'NHS LEEDS NORTH CCG'],
      ['03C', 'NHS LEEDS WEST CCG'],
      ['03N', 'NHS SHEFFIELD CCG'],
    ]) {
      await insertOrganisation(db.dataSource, code, name);
    }
    await insertOrganisation(db.dataSource, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await insertOrganisation(db.dataSource, 'X24', 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'rr8-2016.csv',
      stream: Readable.from([Buffer.from([aeHeader, ...rr8Rows].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'sanctions-test' },
    });
    expect(report.outcome).toBe('SUCCEEDED');

    await insertUser(db.dataSource, 'lead-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '02V' }]);
    await insertUser(db.dataSource, 'lead-finance', [{ role: Role.FINANCE_OFFICER, organisationCode: '02V' }]);
    await insertUser(db.dataSource, 'associate-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '03C' }]);
    await insertUser(db.dataSource, 'associate-finance', [{ role: Role.FINANCE_OFFICER, organisationCode: '03C' }]);
    await insertUser(db.dataSource, 'other-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '03N' }]);
    await insertUser(db.dataSource, 'analyst', [{ role: Role.ANALYST, organisationCode: '03N' }]);
    await insertUser(db.dataSource, 'assessor', [{ role: Role.ASSESSOR, organisationCode: 'X24' }]);
    await insertUser(db.dataSource, 'admin', [{ role: Role.ADMIN, organisationCode: 'X24' }]);

    // The contract and an issued notice are the contracts area's records: written here as they store them.
    [{ id: contractId }] = await db.dataSource.query(
      `INSERT INTO contract (provider_code, financial_year, lead_commissioner_code, contract_value, title, reference)
       VALUES ('RR8', '2016/17', '02V', 100000000.01, 'Acute services', 'LTHT-2016') RETURNING id`,
    );
    await db.dataSource.query(`INSERT INTO contract_associate (contract_id, commissioner_code) VALUES ($1, '03C')`, [contractId]);
    await db.dataSource.query(`INSERT INTO contract_indicator (contract_id, indicator_code, threshold, threshold_source) VALUES ($1, 'AE_4HR_ALL', NULL, 'NATIONAL')`, [contractId]);
    await db.dataSource.query(
      `INSERT INTO contract_management_terms (financial_year, meeting_within_operational_days, investigation_report_operational_days, rap_agree_within_operational_days,
                                              withholding_percent, withholding_retained_after_months, source)
       VALUES ('2016/17', 10, 10, 5, 2, 3, 'test') ON CONFLICT (financial_year) DO UPDATE SET withholding_percent = 2`,
    );
    const evidence = {
      frozenAt: '2016-06-10T09:00:00.000Z',
      indicators: [
        {
          indicatorCode: 'AE_4HR_ALL',
          period: '2016-04-01',
          periodLabel: 'April 2016',
          value: 90.25,
          numerator: 16592,
          denominator: 18384,
          threshold: 95,
          thresholdSource: 'NATIONAL',
          rag: 'RED',
          variationType: 'COMMON_CAUSE',
          assuranceType: 'FAIL',
          target: 95,
          points: [{ period: '2016-04-01', value: 90.25, mean: 90.25, lowerProcessLimit: 85, upperProcessLimit: 95.5 }],
        },
      ],
    };
    [{ id: noticeId }] = await db.dataSource.query(
      `INSERT INTO contract_notice (contract_id, status, issued_on, response_meeting_by, evidence, indicator_codes, raised_from)
       VALUES ($1, 'ISSUED', '2016-06-10', '2016-06-24', $2::jsonb, ARRAY['AE_4HR_ALL'], 'MANUAL') RETURNING id`,
      [contractId, JSON.stringify(evidence)],
    );
    await db.dataSource.query(`INSERT INTO contract_notice_event (notice_id, action, from_status, to_status, actor_kind, note) VALUES ($1, 'ISSUE', 'DRAFT', 'ISSUED', 'LEAD_COMMISSIONER', 'Four-hour standard missed')`, [
      noticeId,
    ]);

    server = await startTestServer(db.dataSource);
    [leadManager, leadFinance, associateManager, associateFinance, otherManager, analyst, assessor, admin] = await Promise.all(
      ['lead-manager', 'lead-finance', 'associate-manager', 'associate-finance', 'other-manager', 'analyst', 'assessor', 'admin'].map((name) => server.signedInClient(name)),
    );
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const ledger = async (client: TestClient) => (await client.graphql<{ sanctionLedger: { entries: Entry[]; totals: Record<string, unknown>; viewerMayAct: boolean; sanctions: { code: string }[] } }>(LEDGER_QUERY, { id: contractId }));
  const entry = async (id: string) => (await ledger(leadManager)).data?.sanctionLedger.entries.find((candidate) => candidate.id === id) as Entry;

  it('seeds the 2013/14 national schedule equal to the constants the domain held, with their citations', async () => {
    const response = await leadManager.graphql<{ sanctionSchedule: { code: string; scope: string; countUnit: string; unitValue: string; measure: string | null; contractId: string | null; sources: { basis: string; document: string; locator: string | null; text: string }[] }[] }>(
      `{ sanctionSchedule(financialYear: "2013/14") { code scope countUnit unitValue measure contractId sources { basis document locator text } } }`,
    );
    const rows = response.data?.sanctionSchedule ?? [];
    expect(rows.map((row) => [row.code, row.unitValue, row.countUnit, row.scope, row.measure, row.contractId])).toEqual([
      ['RTT_52_WEEK_WAIT', '5000.00', 'BREACH', 'NATIONAL', null, null],
      ['TROLLEY_WAIT_12_HOURS', '1000.00', 'BREACH', 'NATIONAL', null, null],
      ['AMBULANCE_HANDOVER_30_TO_60_MINUTES', '200.00', 'BREACH', 'NATIONAL', null, null],
      ['AMBULANCE_HANDOVER_OVER_60_MINUTES', '1000.00', 'BREACH', 'NATIONAL', null, null],
      ['MIXED_SEX_ACCOMMODATION_BREACH', '250.00', 'PATIENT_DAY', 'NATIONAL', null, null],
    ]);
    for (const row of rows) {
      expect(row.sources[0]).toMatchObject({ basis: 'REF', document: expect.stringContaining('NHS Standard Contract 2013/14'), locator: 'Schedule 4, national quality requirements [ref]' });
      expect(row.sources[0].text).toContain(`£${Number(row.unitValue).toLocaleString('en-GB')}`);
    }
    // seed 001 line 124: "individual 52 week breaches, and ambulance handover delays over 30 minutes (with a further fine for delays over an hour)"
    expect(rows.filter((row) => row.sources.some((source) => source.basis === 'SEED')).map((row) => row.code)).toEqual([
      'RTT_52_WEEK_WAIT',
      'AMBULANCE_HANDOVER_30_TO_60_MINUTES',
      'AMBULANCE_HANDOVER_OVER_60_MINUTES',
    ]);
    expect((await leadManager.graphql<{ sanctionSchedule: unknown[] }>(`{ sanctionSchedule(financialYear: "2016/17") { code } }`)).data?.sanctionSchedule).toEqual([]);
    expect(reasonOf(await server.client().graphql(`{ sanctionSchedule(financialYear: "2013/14") { code } }`))).toEqual(['UNAUTHENTICATED', 'SIGN_IN_REQUIRED']);
  });

  it('lets only an administrator change a national rate, audited, from the version read', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM sanction_schedule WHERE code = 'TROLLEY_WAIT_12_HOURS'`);
    const mutation = `mutation($input: UpdateSanctionRateInput!) { updateSanctionRate(input: $input) { code unitValue version } }`;
    expect(reasonOf(await leadManager.graphql(mutation, { input: { id, expectedVersion: 1, unitValue: '1500.00' } }))).toEqual(['FORBIDDEN', 'NOT_PERMITTED']);
    const changed = await admin.graphql<{ updateSanctionRate: { unitValue: string; version: number } }>(mutation, { input: { id, expectedVersion: 1, unitValue: '1000.01' } });
    expect(changed.data?.updateSanctionRate).toEqual({ code: 'TROLLEY_WAIT_12_HOURS', unitValue: '1000.01', version: 2 });
    expect(reasonOf(await admin.graphql(mutation, { input: { id, expectedVersion: 1, unitValue: '1000.00' } }))).toEqual(['CONFLICT', 'STALE_VERSION']);
    const audit = await db.dataSource.query(`SELECT action, before->>'unitValue' AS before, after->>'unitValue' AS after FROM audit_event WHERE entity_type = 'sanction_schedule' AND entity_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'UPDATE_SANCTION_RATE', before: '1000.00', after: '1000.01' }]);
    await admin.graphql(mutation, { input: { id, expectedVersion: 2, unitValue: '1000.00' } });
  });

  it('refuses to calculate A&E sanctions while the year has no national A&E rate and the contract no local one', async () => {
    const response = await leadManager.graphql(CALCULATE, { input: { contractId, month: '2016-04-01' } });
    expect(reasonOf(response)).toEqual(['BAD_USER_INPUT', 'NO_SANCTION_RATE']);
    expect(response.errors?.[0].extensions?.details).toMatchObject({ contractYear: '2016/17', fields: ['contractId'] });
  });

  it('lets the lead’s commissioning manager record a local sanction, and no associate', async () => {
    const input = { contractId, code: 'local_ae_4hr', description: 'Each A&E attendance over four hours beyond the standard’s tolerance.', countUnit: 'BREACH_BEYOND_TOLERANCE', unitValue: '120.50', measure: 'AE_FOUR_HOUR_WAIT', note: 'Schedule 4, local quality requirements' };
    expect(reasonOf(await associateManager.graphql(LOCAL, { input }))).toEqual(['FORBIDDEN', 'ACTION_NOT_PERMITTED']);
    expect(reasonOf(await leadManager.graphql(LOCAL, { input: { ...input, countUnit: 'BREACH' } }))).toEqual(['BAD_USER_INPUT', 'MEASURE_NEEDS_TOLERANCE']);
    const response = await leadManager.graphql<{ setLocalSanction: Record<string, unknown> }>(LOCAL, { input });
    expect(response.data?.setLocalSanction).toMatchObject({ scope: 'LOCAL', code: 'LOCAL_AE_4HR', unitValue: '120.50', measure: 'AE_FOUR_HOUR_WAIT', financialYear: '2016/17', contractId, sources: [{ basis: 'LOCAL', text: 'Schedule 4, local quality requirements' }] });
    const second = await leadManager.graphql<{ setLocalSanction: Record<string, unknown> }>(LOCAL, { input: { contractId, code: 'LOCAL_DATA_QUALITY', description: 'Each month the data is late.', countUnit: 'BREACH', unitValue: '500.00' } });
    expect(second.data?.setLocalSanction).toMatchObject({ code: 'LOCAL_DATA_QUALITY', measure: null });
  });

  let aprilId: string;
  it('calculates RR8’s April 2016 four-hour sanction from the real A&E rows, to the penny, at the contract’s local rate', async () => {
    expect(reasonOf(await associateManager.graphql(CALCULATE, { input: { contractId, month: '2016-04-01' } }))).toEqual(['FORBIDDEN', 'ACTION_NOT_PERMITTED']);
    const response = await leadManager.graphql<{ calculateContractSanctions: Entry[] }>(CALCULATE, { input: { contractId, month: '2016-04-01', noticeId } });
    expect(response.errors).toBeUndefined();
    const [calculated] = response.data?.calculateContractSanctions ?? [];
    // ae_attendances.csv, RR8 April 2016: type 1 16,500 attendances with 1,792 over four hours, other 1,884 with none:
    // 18,384 attendances tolerate 5% = 919.2, so 919; 1,792 - 919 = 873 in excess; 873 x £120.50 = £105,196.50.
    expect(calculated).toMatchObject({ status: 'CALCULATED', kind: 'SANCTION', sanctionCode: 'LOCAL_AE_4HR', period: '2016-04-01', count: 873, unitValue: '120.50', amount: '105196.50', basis: 'DATA', noticeId });
    expect(calculated.calculation).toMatchObject({ indicatorCode: 'AE_4HR_ALL', attendances: 18384, breaches: 1792, standardPercent: '95', thresholdSource: 'NATIONAL', toleratedBreaches: 919, excessBreaches: 873 });
    expect(calculated.availableActions).toEqual(['APPLY', 'WAIVE']);
    expect(calculated.history).toEqual([{ action: 'CALCULATE', from: null, to: 'CALCULATED', actorName: 'Test lead-manager', actorKind: 'LEAD_COMMISSIONING_MANAGER', note: null }]);
    aprilId = calculated.id;
    expect(reasonOf(await leadFinance.graphql(CALCULATE, { input: { contractId, month: '2016-04-01' } }))).toEqual(['CONFLICT', 'ALREADY_IN_LEDGER']);
    expect(reasonOf(await leadManager.graphql(CALCULATE, { input: { contractId, month: '2016-04-15' } }))).toEqual(['BAD_USER_INPUT', 'MONTH_NOT_IN_CONTRACT_YEAR']);
    expect(reasonOf(await leadManager.graphql(CALCULATE, { input: { contractId, month: '2017-03-01' } }))).toEqual(['BAD_USER_INPUT', 'NO_DATA_FOR_MONTH']);
    const audit = await db.dataSource.query(`SELECT action, after->>'amount' AS amount FROM audit_event WHERE entity_type = 'sanction_ledger' AND entity_id = $1`, [aprilId]);
    expect(audit).toEqual([{ action: 'SANCTION_LEDGER_CALCULATE', amount: '105196.50' }]);
  });

  it('applies a calculated sanction and records how its income is used; refuses moves the table does not have', async () => {
    const current = await entry(aprilId);
    expect(reasonOf(await associateFinance.graphql(APPLY, { input: { entryId: aprilId, expectedVersion: current.version, action: 'APPLY' } }))).toEqual(['FORBIDDEN', 'ACTION_NOT_PERMITTED']);
    expect(reasonOf(await leadFinance.graphql(INCOME, { input: { entryId: aprilId, expectedVersion: current.version, incomeUse: 'INVESTED_IN_FIX', note: 'x' } }))).toEqual(['BAD_USER_INPUT', 'INVALID_TRANSITION']);
    const applied = await leadFinance.graphql<{ applySanctionLedgerAction: Entry }>(APPLY, { input: { entryId: aprilId, expectedVersion: current.version, action: 'APPLY' } });
    expect(applied.data?.applySanctionLedgerAction).toMatchObject({ status: 'APPLIED', availableActions: ['RECORD_INCOME_USE'], version: current.version + 1 });
    expect(reasonOf(await leadFinance.graphql(APPLY, { input: { entryId: aprilId, expectedVersion: current.version, action: 'APPLY' } }))).toEqual(['CONFLICT', 'STALE_VERSION']);
    const again = await leadFinance.graphql(APPLY, { input: { entryId: aprilId, expectedVersion: current.version + 1, action: 'WAIVE', reason: 'late' } });
    expect(reasonOf(again)).toEqual(['BAD_USER_INPUT', 'INVALID_TRANSITION']);
    expect(again.errors?.[0].extensions?.details).toMatchObject({ from: 'APPLIED', action: 'WAIVE', allowed: ['RECORD_INCOME_USE'], fields: ['action'] });
    expect(reasonOf(await leadFinance.graphql(INCOME, { input: { entryId: aprilId, expectedVersion: current.version + 1, incomeUse: 'INVESTED_IN_FIX', note: '  ' } }))).toEqual([
      'BAD_USER_INPUT',
      'INCOME_USE_NOTE_REQUIRED',
    ]);
    const used = await leadFinance.graphql<{ recordFineIncomeUse: Entry }>(INCOME, {
      input: { entryId: aprilId, expectedVersion: current.version + 1, incomeUse: 'INVESTED_IN_FIX', note: 'Funds a streaming nurse at the front door of A&E.' },
    });
    expect(used.data?.recordFineIncomeUse).toMatchObject({ status: 'APPLIED', incomeUse: 'INVESTED_IN_FIX', incomeUseNote: 'Funds a streaming nurse at the front door of A&E.' });
    expect(used.data?.recordFineIncomeUse.history.map((event) => [event.action, event.from, event.to, event.actorKind])).toEqual([
      ['CALCULATE', null, 'CALCULATED', 'LEAD_COMMISSIONING_MANAGER'],
      ['APPLY', 'CALCULATED', 'APPLIED', 'LEAD_FINANCE_OFFICER'],
      ['RECORD_INCOME_USE', 'APPLIED', 'APPLIED', 'LEAD_FINANCE_OFFICER'],
    ]);
    const audit = await db.dataSource.query(`SELECT action FROM audit_event WHERE entity_type = 'sanction_ledger' AND entity_id = $1 ORDER BY id`, [aprilId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['SANCTION_LEDGER_CALCULATE', 'SANCTION_LEDGER_APPLY', 'SANCTION_LEDGER_RECORD_INCOME_USE']);
  });

  it('waives a counted sanction only with a reason', async () => {
    expect(reasonOf(await leadManager.graphql(RECORD, { input: { contractId, sanctionCode: 'RTT_52_WEEK_WAIT', month: '2016-05-01', count: 1 } }))).toEqual(['BAD_USER_INPUT', 'UNKNOWN_SANCTION']);
    expect(reasonOf(await leadManager.graphql(RECORD, { input: { contractId, sanctionCode: 'LOCAL_DATA_QUALITY', month: '2016-05-01', count: -1 } }))).toEqual(['BAD_USER_INPUT', 'INVALID_SANCTION_COUNT']);
    const recorded = await leadManager.graphql<{ recordSanction: Entry }>(RECORD, { input: { contractId, sanctionCode: 'LOCAL_DATA_QUALITY', month: '2016-05-01', count: 3, note: 'SUS submissions late three times' } });
    expect(recorded.data?.recordSanction).toMatchObject({ status: 'CALCULATED', basis: 'COUNT', count: 3, unitValue: '500.00', amount: '1500.00' });
    const id = recorded.data?.recordSanction.id as string;
    expect(reasonOf(await leadManager.graphql(APPLY, { input: { entryId: id, expectedVersion: 1, action: 'WAIVE', reason: ' ' } }))).toEqual(['BAD_USER_INPUT', 'REASON_REQUIRED']);
    const waived = await leadManager.graphql<{ applySanctionLedgerAction: Entry }>(APPLY, { input: { entryId: id, expectedVersion: 1, action: 'WAIVE', reason: 'The national system was down that month.' } });
    expect(waived.data?.applySanctionLedgerAction).toMatchObject({ status: 'WAIVED', reason: 'The national system was down that month.', availableActions: [] });
    expect(reasonOf(await leadManager.graphql(APPLY, { input: { entryId: id, expectedVersion: 2, action: 'APPLY' } }))).toEqual(['BAD_USER_INPUT', 'INVALID_TRANSITION']);
  });

  it('withholds the GC9 share of the monthly contract value under an issued notice, then returns or retains it', async () => {
    expect(reasonOf(await leadManager.graphql(WITHHOLD, { input: { contractId, noticeId: '00000000-0000-4000-8000-000000000000', month: '2016-06-01' } }))).toEqual(['BAD_USER_INPUT', 'NOTICE_NOT_OF_CONTRACT']);
    const june = await leadManager.graphql<{ recordContractWithholding: Entry }>(WITHHOLD, { input: { contractId, noticeId, month: '2016-06-01' } });
    // £100,000,000.01 a year at 2% of the monthly value: 10,000,000,001p x 2 / 1,200 = 16,666,666.67p, rounded down.
    expect(june.data?.recordContractWithholding).toMatchObject({ kind: 'WITHHOLDING', basis: 'GC9', status: 'WITHHELD', amount: '166666.66', availableActions: ['RETURN', 'RETAIN'] });
    expect(june.data?.recordContractWithholding.calculation).toMatchObject({ annualContractValue: '100000000.01', monthlyValue: '8333333.33', withholdingPercent: '2' });
    expect(reasonOf(await leadManager.graphql(WITHHOLD, { input: { contractId, noticeId, month: '2016-06-01' } }))).toEqual(['CONFLICT', 'ALREADY_IN_LEDGER']);
    const juneId = june.data?.recordContractWithholding.id as string;
    expect(reasonOf(await leadManager.graphql(APPLY, { input: { entryId: juneId, expectedVersion: 1, action: 'APPLY' } }))).toEqual(['BAD_USER_INPUT', 'INVALID_TRANSITION']);
    const returned = await leadManager.graphql<{ applySanctionLedgerAction: Entry }>(APPLY, { input: { entryId: juneId, expectedVersion: 1, action: 'RETURN', note: 'Plan agreed' } });
    expect(returned.data?.applySanctionLedgerAction).toMatchObject({ status: 'RETURNED', availableActions: [] });

    const july = await leadFinance.graphql<{ recordContractWithholding: Entry }>(WITHHOLD, { input: { contractId, noticeId, month: '2016-07-01' } });
    const retained = await leadFinance.graphql<{ applySanctionLedgerAction: Entry }>(APPLY, { input: { entryId: july.data?.recordContractWithholding.id, expectedVersion: 1, action: 'RETAIN' } });
    expect(retained.data?.applySanctionLedgerAction).toMatchObject({ status: 'APPLIED', amount: '166666.66', availableActions: ['RECORD_INCOME_USE'] });
    await leadFinance.graphql(INCOME, { input: { entryId: july.data?.recordContractWithholding.id, expectedVersion: 2, incomeUse: 'OFFSET_IN_YEAR_PRESSURE', note: 'Offsets the prescribing overspend.' } });
  });

  it('lets associates, analysts and assessors read the ledger (with no moves), and refuses another CCG and the public', async () => {
    for (const client of [associateManager, associateFinance, analyst, assessor]) {
      const response = await ledger(client);
      expect(response.errors).toBeUndefined();
      expect(response.data?.sanctionLedger.viewerMayAct).toBe(false);
      expect(response.data?.sanctionLedger.entries.every((candidate) => candidate.availableActions.length === 0)).toBe(true);
      expect(response.data?.sanctionLedger.entries).toHaveLength(4);
    }
    expect((await ledger(leadFinance)).data?.sanctionLedger.viewerMayAct).toBe(true);
    expect(reasonOf(await ledger(otherManager))).toEqual(['FORBIDDEN', 'NOT_PERMITTED']);
    expect(reasonOf(await ledger(admin))).toEqual(['FORBIDDEN', 'NOT_PERMITTED']);
    expect(reasonOf(await ledger(server.client()))).toEqual(['UNAUTHENTICATED', 'SIGN_IN_REQUIRED']);
    expect(reasonOf(await otherManager.graphql(CALCULATE, { input: { contractId, month: '2016-05-01' } }))).toEqual(['FORBIDDEN', 'NOT_PERMITTED']);
  });

  it('answers Contract.sanctionLedger for the contract’s readers, with totals by status and use', async () => {
    const response = await associateManager.graphql<{ contract: { sanctionLedger: { entries: unknown[]; totals: Record<string, unknown>; sanctions: { code: string }[] } } }>(
      `query($id: ID!) { contract(id: $id) { id sanctionLedger { entries { id } totals { applied unallocated calculated withheld waived returned byUse { use amount entries } } sanctions { code scope } } } }`,
      { id: contractId },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.contract.sanctionLedger.entries).toHaveLength(4);
    expect(response.data?.contract.sanctionLedger.totals).toEqual({
      applied: '271863.16',
      unallocated: '0.00',
      calculated: '0.00',
      withheld: '0.00',
      waived: '1500.00',
      returned: '166666.66',
      byUse: [
        { use: 'INVESTED_IN_FIX', amount: '105196.50', entries: 1 },
        { use: 'OFFSET_IN_YEAR_PRESSURE', amount: '166666.66', entries: 1 },
      ],
    });
    expect(response.data?.contract.sanctionLedger.sanctions.map((row) => row.code)).toEqual(['LOCAL_AE_4HR', 'LOCAL_DATA_QUALITY']);
  });

  it('reports a CCG’s fine income of the year by use, for the lead and the associate alike, to their own officers', async () => {
    const query = `query($ccg: String!, $year: String!) { fineIncomeReport(ccg: $ccg, financialYear: $year) { ccg financialYear totals { applied byUse { use amount entries } } contracts { contractId providerCode role totals { applied } } } }`;
    const lead = await leadFinance.graphql<{ fineIncomeReport: Record<string, unknown> }>(query, { ccg: '02V', year: '2016/17' });
    expect(lead.data?.fineIncomeReport).toEqual({
      ccg: '02V',
      financialYear: '2016/17',
      totals: { applied: '271863.16', byUse: [{ use: 'INVESTED_IN_FIX', amount: '105196.50', entries: 1 }, { use: 'OFFSET_IN_YEAR_PRESSURE', amount: '166666.66', entries: 1 }] },
      contracts: [{ contractId, providerCode: 'RR8', role: 'LEAD', totals: { applied: '271863.16' } }],
    });
    const associate = await associateManager.graphql<{ fineIncomeReport: { contracts: { role: string }[] } }>(query, { ccg: '03C', year: '2016-17' });
    expect(associate.data?.fineIncomeReport.contracts.map((line) => line.role)).toEqual(['ASSOCIATE']);
    const empty = await analyst.graphql<{ fineIncomeReport: { totals: { applied: string }; contracts: unknown[] } }>(query, { ccg: '03N', year: '2016/17' });
    expect(empty.data?.fineIncomeReport).toMatchObject({ totals: { applied: '0.00' }, contracts: [] });
    expect(reasonOf(await otherManager.graphql(query, { ccg: '02V', year: '2016/17' }))).toEqual(['FORBIDDEN', 'NOT_PERMITTED']);
    expect(reasonOf(await leadFinance.graphql(query, { ccg: '02V', year: '2016' }))).toEqual(['BAD_USER_INPUT', 'INVALID_FINANCIAL_YEAR']);
  });

  it('gives each illustrative demo contract an illustrative local A&E sanction, once, labelled so', async () => {
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO contract (provider_code, financial_year, lead_commissioner_code, contract_value, title, illustrative, illustrative_note)
       VALUES ('RR8', '2017/18', '02V', 520000000, 'Illustrative acute contract', true, 'Illustrative demonstration contract') RETURNING id`,
    );
    expect(await seedDemoLocalSanctions(db.dataSource, createLogger('silent'))).toBe(1);
    expect(await seedDemoLocalSanctions(db.dataSource, createLogger('silent'))).toBe(0);
    const response = await leadManager.graphql<{ sanctionLedger: { sanctions: { code: string; scope: string; unitValue: string; measure: string; countUnit: string }[] } }>(LEDGER_QUERY, { id });
    expect(response.data?.sanctionLedger.sanctions).toEqual([{ id: expect.any(String), code: 'LOCAL_AE_4HR', scope: 'LOCAL', unitValue: '120.00', measure: 'AE_FOUR_HOUR_WAIT', countUnit: 'BREACH_BEYOND_TOLERANCE' }]);
    const [row] = await db.dataSource.query(`SELECT sources->0->>'text' AS text FROM sanction_schedule WHERE contract_id = $1`, [id]);
    expect(row.text).toMatch(/^Illustrative rate/);
    // The real contract of the tests is not illustrative: it keeps only its own local sanctions.
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM sanction_schedule WHERE contract_id = $1`, [contractId])).toEqual([{ n: 2 }]);
  });

  it('costs the same number of SQL statements for the ledgers of 1 contract as of 5 (DataLoader)', async () => {
    for (const code of ['RT1', 'RT2', 'RT3', 'RT4', 'RT5']) {
      await insertOrganisation(db.dataSource, code, `TRUST ${code}`, OrganisationType.NHS_TRUST);
      const [{ id }] = await db.dataSource.query(
        `INSERT INTO contract (provider_code, financial_year, lead_commissioner_code, contract_value, title) VALUES ($1, '2018/19', '02V', 1000, 'Test') RETURNING id`,
        [code],
      );
      await db.dataSource.query(`INSERT INTO sanction_schedule (scope, financial_year, contract_id, code, description, count_unit, unit_value, position) VALUES ('LOCAL', '2018/19', $1, 'LOCAL_X', 'x', 'BREACH', 1, 1)`, [id]);
      const [{ id: entryId }] = await db.dataSource.query(
        `INSERT INTO sanction_ledger_entry (contract_id, kind, sanction_code, description, month, count, unit_value, amount, basis, status)
         VALUES ($1, 'SANCTION', 'LOCAL_X', 'x', '2018-04-01', 1, 1, 1, 'COUNT', 'CALCULATED') RETURNING id`,
        [id],
      );
      await db.dataSource.query(`INSERT INTO sanction_ledger_event (entry_id, action, to_status, actor_kind) VALUES ($1, 'CALCULATE', 'CALCULATED', 'LEAD_FINANCE_OFFICER')`, [entryId]);
    }
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const statementsFor = async (year: string, contracts: number) => {
      spy.mockClear();
      const response = await leadFinance.graphql<{ contracts: unknown[] }>(
        `query($year: String) { contracts(ccg: "02V", financialYear: $year) { id sanctionLedger { entries { id history { action } } totals { applied } sanctions { code } } } }`,
        { year },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.contracts).toHaveLength(contracts);
      return spy.mock.calls.length;
    };
    const one = await statementsFor('2016/17', 1);
    const five = await statementsFor('2018/19', 5);
    spy.mockRestore();
    expect(five).toBe(one);
  });

  describe('files', () => {
    /** The session cookie the client signed in with, as a browser sends it. */
    const cookieOf = (client: TestClient) => (client.lastSetCookie ?? '').split(';')[0];
    const get = (client: TestClient | null, address: string) => fetch(`${server.url}${address}`, { headers: client ? { cookie: cookieOf(client) } : {} });

    it('serves the notice as a PDF letter to its readers and refuses others with the JSON error shape', async () => {
      for (const client of [leadManager, associateFinance, analyst, assessor]) {
        const response = await get(client, `/reports/contract-notices/${noticeId}.pdf`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      const outsider = await get(otherManager, `/reports/contract-notices/${noticeId}.pdf`);
      expect(outsider.status).toBe(403);
      expect(await outsider.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED' });
      const anonymous = await get(null, `/reports/contract-notices/${noticeId}.pdf`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const missing = await get(leadManager, `/reports/contract-notices/00000000-0000-4000-8000-000000000000.pdf`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOTICE_NOT_FOUND' });
    });

    it('serves the ledger as CSV with the exact amounts', async () => {
      const response = await get(associateManager, `/reports/contracts/${contractId}/sanctions.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const text = await response.text();
      const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('Month,Kind,Sanction,Description,Basis,Count,Unit value (£),Amount (£),Status,Waiver reason,Income use,Income use note,Notice,Recorded');
      expect(lines).toHaveLength(5);
      expect(lines[1]).toContain('2016-04-01,Sanction,LOCAL_AE_4HR,');
      expect(lines[1]).toContain(',873,120.50,105196.50,Applied,,Reinvested in fixing the problem,Funds a streaming nurse at the front door of A&E.,');
      expect(text).toContain('166666.66');
      expect((await get(otherManager, `/reports/contracts/${contractId}/sanctions.csv`)).status).toBe(403);
      expect((await get(null, `/reports/contracts/${contractId}/sanctions.csv`)).status).toBe(401);
    });

    it('serves the ledger as xlsx, amounts as numbers that read back to the penny', async () => {
      const response = await get(leadFinance, `/reports/contracts/${contractId}/sanctions.xlsx`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('Sanctions ledger');
      expect(sheet?.getRow(4).getCell(8).value).toBe('Amount (£)');
      expect(sheet?.getRow(5).getCell(1).value).toBe('April 2016');
      expect(sheet?.getRow(5).getCell(8).value).toBe(105196.5);
      expect(String(workbook.getWorksheet('Totals')?.getRow(2).getCell(2).value)).toBe('105196.5');
      expect((await get(otherManager, `/reports/contracts/${contractId}/sanctions.xlsx`)).status).toBe(403);
    });
  });
});
