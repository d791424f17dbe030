import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CONTRACT_NOTICE_TRANSITIONS, addOperationalDays, todayInEngland, type ContractNoticeAction, type ContractNoticeState } from '@ccg-assure/domain';
import { LEEDS_NORTH, LEEDS_WEST, SHEFFIELD, mutate, refusal, refuse, setUpAssuranceWorld, succeed, type AssuranceWorld } from '../assessments/assurance.fixtures';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { createServices } from '../server/services';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import type { TestClient } from '../testing/test-server';

// Provider contracts through GraphQL on the real database (issue 15): contracts, breach proposals after a real A&E
// import, the GC9 lifecycle move by move, frozen evidence, remedial action plans and trajectory misses, who may do
// what, and "a CCG's providers".

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const [header, ...lines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const rr8 = lines.filter((line) => line.split(',')[1] === 'RR8');
const between = (from: string, to: string) => rr8.filter((line) => line.slice(0, 10) >= from && line.slice(0, 10) < to);
const actor = { userId: null, username: 'test', requestId: 'contracts-test' };
const LEEDS_SOUTH_EAST = '03G';

const CONTRACT_FIELDS = `id financialYear contractValue title reference illustrative illustrativeNote version viewerMayAct
  provider { code } leadCommissioner { code } associates { code }
  monitoredIndicators { indicator { code } threshold thresholdSource period value meetsThreshold rag variationType assuranceType }
  managementTerms { financialYear meetingWithinOperationalDays withholdingPercent }`;
const NOTICE_FIELDS = `id status statusLabel issuedOn responseMeetingBy meetingHeldOn raisedFrom breachProposalId version availableActions evidenceChangedSince proposedNextStep
  contract { id } indicators { code }
  evidence { frozen frozenAt indicators { indicator { code } period periodLabel value numerator denominator threshold thresholdSource rag variationType assuranceType target
    points { period value mean lowerProcessLimit upperProcessLimit pointType } } }
  history { action fromStatus toStatus actorName note meetingOn }
  remedialActionPlan { id agreedOn summary actions { id description owner dueOn status version } trajectory { indicator { code } month value actual met }
    misses { indicator { code } month committedValue actualValue proposedNextStep } }`;
const PROPOSAL_FIELDS = `id period periodLabel value threshold rag variationType assuranceType reasons status dismissedReason indicator { code } contract { id }`;

const CREATE = `mutation($input: CreateContractInput!) { createContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateContractInput!) { updateContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} breachProposals { ${PROPOSAL_FIELDS} } notices { id status } } }`;
const CONTRACTS = `query($ccg: String!, $year: String) { contracts(ccg: $ccg, financialYear: $year) { id provider { code } } }`;
const PROVIDER_CONTRACTS = `query($provider: String!) { providerContracts(provider: $provider) { id } }`;
const PROPOSALS = `query($id: ID!, $status: BreachProposalStatus) { contract(id: $id) { breachProposals(status: $status) { ${PROPOSAL_FIELDS} } } }`;
const NOTICE = `query($id: ID!) { contractNotice(id: $id) { ${NOTICE_FIELDS} } }`;
const PROPOSE = `mutation($input: ProposeContractNoticeInput!) { proposeContractNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const APPLY = `mutation($input: ApplyContractNoticeActionInput!) { applyContractNoticeAction(input: $input) { ${NOTICE_FIELDS} } }`;
const AGREE = `mutation($input: AgreeRemedialActionPlanInput!) { agreeRemedialActionPlan(input: $input) { ${NOTICE_FIELDS} } }`;
const UPDATE_ACTION = `mutation($input: UpdateRemedialActionInput!) { updateRemedialAction(input: $input) { ${NOTICE_FIELDS} } }`;
const DISMISS = `mutation($input: DismissBreachProposalInput!) { dismissBreachProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const CCG_PROVIDERS = `query($ccg: String!, $asOf: Date) { ccgProviders(ccg: $ccg, asOf: $asOf) { ccg { code } providers { code } asOf basis } }`;
const TERMS = `query { contractManagementTerms { financialYear meetingWithinOperationalDays rapAgreeWithinOperationalDays withholdingPercent withholdingRetainedAfterMonths source } }`;
const UPDATE_TERMS = `mutation($input: UpdateContractManagementTermsInput!) { updateContractManagementTerms(input: $input) { financialYear meetingWithinOperationalDays withholdingPercent } }`;

interface Notice {
  id: string;
  status: ContractNoticeState;
  version: number;
  issuedOn: string | null;
  responseMeetingBy: string | null;
  meetingHeldOn: string | null;
  raisedFrom: string;
  breachProposalId: string | null;
  availableActions: ContractNoticeAction[];
  evidenceChangedSince: number;
  proposedNextStep: ContractNoticeAction | null;
  evidence: { frozen: boolean; frozenAt: string | null; indicators: { indicator: { code: string }; period: string; value: number; rag: string | null; points: { period: string; value: number }[] }[] };
  history: { action: string; fromStatus: string | null; toStatus: string; actorName: string | null; note: string | null; meetingOn: string | null }[];
  remedialActionPlan: {
    id: string;
    actions: { id: string; status: string; version: number }[];
    trajectory: { indicator: { code: string }; month: string; value: number; actual: number | null; met: boolean | null }[];
    misses: { indicator: { code: string }; month: string; committedValue: number; actualValue: number; proposedNextStep: string }[];
  } | null;
}
interface Proposal {
  id: string;
  period: string;
  value: number;
  threshold: number | null;
  rag: string | null;
  reasons: string[];
  status: string;
  indicator: { code: string };
}
interface Contract {
  id: string;
  version: number;
  viewerMayAct: boolean;
  contractValue: string;
  associates: { code: string }[];
  monitoredIndicators: { indicator: { code: string }; threshold: number | null; thresholdSource: string; value: number | null; meetsThreshold: boolean | null; rag: string | null }[];
  managementTerms: { financialYear: string; meetingWithinOperationalDays: number; withholdingPercent: string } | null;
  breachProposals: Proposal[];
}

describe('provider contracts, breaches, GC9 notices and remedial action plans (issue 15)', () => {
  let world: AssuranceWorld;
  let associate: TestClient;
  let contract: Contract;
  const today = todayInEngland(new Date());

  const importAe = async (fileName: string, rows: string[], outcome = 'SUCCEEDED') => {
    const report = await runImport(world.db.dataSource, { kind: importKinds.ae, fileName, stream: Readable.from([Buffer.from([header, ...rows].join('\n') + '\n')]), actor });
    expect(report.outcome).toBe(outcome);
  };
  const notice = (client: TestClient, id: string) => succeed<Notice>(client, NOTICE, { id });
  const move = (client: TestClient, n: Notice, action: ContractNoticeAction, extra: Record<string, unknown> = {}) =>
    mutate<Notice>(client, APPLY, { noticeId: n.id, expectedVersion: n.version, action, note: 'Recorded in the test', ...extra });
  const agree = (client: TestClient, n: Notice, trajectory = [{ indicatorCode: 'AE_4HR_ALL', month: '2018-04-01', value: 95 }]) =>
    mutate<Notice>(client, AGREE, {
      noticeId: n.id,
      expectedVersion: n.version,
      agreedOn: today,
      summary: 'Recover the four-hour standard by the autumn',
      actions: [{ description: 'Open the ambulatory care unit at weekends', owner: 'Chief operating officer', dueOn: '2018-06-30' }],
      trajectory,
    });

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    const sql = world.db.dataSource;
    await insertOrganisation(sql, LEEDS_SOUTH_EAST, 'NHS LEEDS SOUTH AND EAST CCG');
    await insertOrganisation(sql, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await insertOrganisation(sql, 'Y63', 'NORTH OF ENGLAND', OrganisationType.REGION);
    for (const code of [LEEDS_NORTH, 'RR8']) await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, source) VALUES ($1, 'IN_REGION', 'Y63', 'test')`, [code]);
    await insertUser(sql, 'leeds-west-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: LEEDS_WEST }]);
    associate = await world.server.signedInClient('leeds-west-manager');
    // A&E up to March 2017: real rows of RR8, before any contract exists.
    await importAe('ae-2016-17.csv', between('2016-04-01', '2017-04-01'));
  }, 120_000);
  afterAll(() => world.close());

  it('records a contract by a commissioning manager of the lead CCG only', async () => {
    const input = {
      provider: 'RR8',
      financialYear: '2017/18',
      leadCommissioner: LEEDS_NORTH,
      associates: [LEEDS_WEST],
      contractValue: '520000000.00',
      title: 'Acute services 2017/18',
      monitoredIndicators: [{ indicatorCode: 'AE_4HR_ALL' }, { indicatorCode: 'AE_4HR_TYPE1', localThreshold: 90 }],
    };
    expect(await refuse(world.sheffieldManager, CREATE, input)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(associate, CREATE, input)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(world.leedsFinance, CREATE, input)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(world.anonymous, CREATE, input)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refuse(world.leedsManager, CREATE, { ...input, provider: SHEFFIELD })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_PROVIDER' });
    expect(await refuse(world.leedsManager, CREATE, { ...input, monitoredIndicators: [{ indicatorCode: 'NOPE' }] })).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
    contract = await mutate<Contract>(world.leedsManager, CREATE, input);
    expect(contract).toMatchObject({
      contractValue: '520000000.00',
      viewerMayAct: true,
      associates: [{ code: LEEDS_WEST }],
      managementTerms: { financialYear: '2017/18', meetingWithinOperationalDays: 10, withholdingPercent: '2.0000' },
    });
    expect(contract.monitoredIndicators.map((m) => [m.indicator.code, m.thresholdSource, m.threshold])).toEqual([
      ['AE_4HR_ALL', 'NATIONAL', 95],
      ['AE_4HR_TYPE1', 'LOCAL', 90],
    ]);
    expect(await refuse(world.leedsManager, CREATE, input)).toMatchObject({ code: 'CONFLICT', reason: 'CONTRACT_EXISTS' });
    expect(await succeed<Contract>(world.leedsManager, CONTRACT, { id: contract.id })).toMatchObject({ breachProposals: [] });
  });

  it('proposes breaches after an import from the stored scores: real A&E rows of RR8 fail the 95% standard', async () => {
    await importAe('ae-2017-18.csv', between('2017-04-01', '2018-04-01'));
    const { breachProposals, monitoredIndicators } = await succeed<Contract & { monitoredIndicators: { period: string | null }[] }>(world.leedsManager, CONTRACT, { id: contract.id });
    // Each monitored indicator's latest stored score within the contract's year, against its threshold.
    expect(monitoredIndicators[0]).toMatchObject({ indicator: { code: 'AE_4HR_ALL' }, period: '2018-03-01', rag: 'RED', meetsThreshold: false });
    const all = breachProposals.filter((p) => p.indicator.code === 'AE_4HR_ALL');
    expect(all.length).toBe(12);
    for (const proposal of all) {
      expect(proposal.period >= '2017-04-01' && proposal.period < '2018-04-01').toBe(true);
      expect(proposal.reasons).toContain('THRESHOLD_NOT_MET');
      expect(proposal.value).toBeLessThan(95);
      expect(proposal).toMatchObject({ status: 'OPEN', threshold: 95, rag: 'RED' });
    }
    // The stored value it proposes is the stored score's, never recomputed.
    const [stored] = await world.db.dataSource.query(`SELECT value FROM series_score WHERE organisation_code = 'RR8' AND indicator_code = 'AE_4HR_ALL' AND as_of = $1`, [all[0].period]);
    expect(all[0].value).toBe(stored.value);
    // Importing the same rows again proposes nothing new; nothing is issued by itself.
    await importAe('ae-2017-18-again.csv', between('2017-04-01', '2018-04-01').reverse(), 'UNCHANGED');
    expect((await succeed<Contract>(world.leedsManager, CONTRACT, { id: contract.id })).breachProposals.length).toBe(breachProposals.length);
    expect(await world.db.dataSource.query(`SELECT count(*)::int AS n FROM contract_notice`)).toEqual([{ n: 0 }]);
    const audited = await world.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'PROPOSE_CONTRACT_BREACH' AND entity_id = $1`, [contract.id]);
    expect(audited).toEqual([{ n: breachProposals.length }]);
  });

  it('lets the lead’s commissioning manager act, associates, finance officers, analysts and assessors read, and refuses another CCG and the public', async () => {
    for (const reader of [associate, world.leedsFinance, world.analyst, world.assessor]) {
      const read = await succeed<Contract>(reader, CONTRACT, { id: contract.id });
      expect(read.viewerMayAct).toBe(false);
    }
    expect(await refusal(world.sheffieldManager, CONTRACT, { id: contract.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(world.sheffieldFinance, CONTRACTS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(world.anonymous, CONTRACT, { id: contract.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(world.leedsBoard, CONTRACT, { id: contract.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await succeed(associate, CONTRACTS, { ccg: LEEDS_WEST, year: '2017/18' })).toEqual([{ id: contract.id, provider: { code: 'RR8' } }]);
    expect(await succeed(world.leedsManager, CONTRACTS, { ccg: LEEDS_NORTH, year: '2016/17' })).toEqual([]);
    expect(await succeed(world.sheffieldManager, PROVIDER_CONTRACTS, { provider: 'RR8' })).toEqual([]);
    expect(await succeed(associate, PROVIDER_CONTRACTS, { provider: 'RR8' })).toEqual([{ id: contract.id }]);
  });

  it('updates a contract from the version read, audited', async () => {
    const updated = await mutate<Contract>(world.leedsManager, UPDATE, { contractId: contract.id, expectedVersion: contract.version, associates: [LEEDS_WEST, LEEDS_SOUTH_EAST], contractValue: '530000000.50' });
    expect(updated).toMatchObject({ version: contract.version + 1, contractValue: '530000000.50', associates: [{ code: LEEDS_WEST }, { code: LEEDS_SOUTH_EAST }] });
    expect(await refuse(world.leedsManager, UPDATE, { contractId: contract.id, expectedVersion: contract.version, title: 'x' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await refuse(associate, UPDATE, { contractId: contract.id, expectedVersion: updated.version, title: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
    const [audit] = await world.db.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'UPDATE_CONTRACT' AND entity_id = $1`, [contract.id]);
    expect(audit.before.contractValue).toBe('520000000.00');
    expect(audit.after.contractValue).toBe('530000000.50');
    contract = updated;
  });

  it('drafts a notice from a breach proposal, issues it with its evidence frozen, and a corrected import leaves the evidence as it was', async () => {
    const proposals = await succeed<Contract>(world.leedsManager, PROPOSALS, { id: contract.id, status: 'OPEN' });
    const [latest, other] = proposals.breachProposals.filter((p) => p.indicator.code === 'AE_4HR_ALL');
    expect(await refuse(associate, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'], fromProposalId: latest.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['RTT'] })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INDICATOR_NOT_MONITORED' });
    let draft = await mutate<Notice>(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'], fromProposalId: latest.id });
    expect(draft).toMatchObject({ status: 'DRAFT', raisedFrom: 'BREACH_PROPOSAL', breachProposalId: latest.id, issuedOn: null, evidenceChangedSince: 0 });
    expect(draft.evidence.frozen).toBe(false);
    expect(draft.availableActions).toEqual(['ISSUE', 'DISCARD']);
    expect((await notice(associate, draft.id)).availableActions).toEqual([]);
    expect(await refuse(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'], fromProposalId: latest.id })).toMatchObject({ code: 'CONFLICT', reason: 'BREACH_PROPOSAL_DECIDED' });
    expect(await refuse(world.leedsManager, DISMISS, { proposalId: other.id, reason: ' ' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    expect(await mutate(world.leedsManager, DISMISS, { proposalId: other.id, reason: 'Discussed at the contract review meeting' })).toMatchObject({ status: 'DISMISSED' });

    expect(await refuse(associate, APPLY, { noticeId: draft.id, expectedVersion: draft.version, action: 'ISSUE' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(world.leedsManager, APPLY, { noticeId: draft.id, expectedVersion: draft.version, action: 'HOLD_MEETING', meetingOn: today })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TRANSITION',
      details: expect.objectContaining({ from: 'DRAFT', allowed: ['ISSUE', 'DISCARD'] }),
    });
    const issued = await move(world.leedsManager, draft, 'ISSUE');
    expect(issued).toMatchObject({ status: 'ISSUED', issuedOn: today, responseMeetingBy: addOperationalDays(today, 10), evidenceChangedSince: 0 });
    expect(await refuse(world.leedsManager, APPLY, { noticeId: draft.id, expectedVersion: draft.version, action: 'WITHDRAW', note: 'x' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    draft = issued;
    const frozen = issued.evidence;
    expect(frozen.frozen).toBe(true);
    expect(frozen.indicators).toHaveLength(1);
    expect(frozen.indicators[0]).toMatchObject({ indicator: { code: 'AE_4HR_ALL' }, period: '2018-03-01', rag: 'RED' });
    expect(frozen.indicators[0].points).toHaveLength(24);

    // A corrected file for March 2018: fewer breaches at RR8. The data changes; the issued notice's evidence does not.
    const march = between('2018-03-01', '2018-04-01').map((line) => {
      const [period, org, type, attendances, breaches, admissions] = line.split(',');
      return [period, org, type, attendances, type === '1' ? String(Math.floor(Number(breaches) / 2)) : breaches, admissions].join(',');
    });
    await importAe('ae-2018-03-corrected.csv', march);
    const after = await notice(world.leedsManager, issued.id);
    expect(after.evidence).toEqual(frozen);
    expect(after.evidenceChangedSince).toBeGreaterThan(0);
    const [{ value }] = await world.db.dataSource.query(`SELECT value FROM series_score WHERE organisation_code = 'RR8' AND indicator_code = 'AE_4HR_ALL' AND as_of = '2018-03-01'`);
    expect(value).not.toBeCloseTo(frozen.indicators[0].value, 6);
  });

  it('walks every move of the GC9 lifecycle through GraphQL, and refuses the moves the table does not have', async () => {
    const path: Partial<Record<ContractNoticeState, ContractNoticeAction[]>> = {
      DRAFT: [],
      ISSUED: ['ISSUE'],
      MEETING_HELD: ['ISSUE', 'HOLD_MEETING'],
      UNDER_INVESTIGATION: ['ISSUE', 'HOLD_MEETING', 'START_INVESTIGATION'],
      RAP_AGREED: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP'],
      MONITORING: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP', 'START_MONITORING'],
      RAP_BREACHED: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP', 'START_MONITORING', 'REPORT_RAP_BREACH'],
      WITHHOLDING_APPLIED: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP', 'START_MONITORING', 'REPORT_RAP_BREACH', 'APPLY_WITHHOLDING'],
      EXCEPTION_REPORTED: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP', 'START_MONITORING', 'REPORT_RAP_BREACH', 'APPLY_WITHHOLDING', 'REPORT_EXCEPTION'],
      ESCALATED: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP', 'START_MONITORING', 'REPORT_RAP_BREACH', 'ESCALATE'],
      RECOVERED: ['ISSUE', 'HOLD_MEETING', 'AGREE_RAP', 'START_MONITORING', 'RECORD_RECOVERY'],
    };
    const step = (n: Notice, action: ContractNoticeAction) => (action === 'AGREE_RAP' ? agree(world.leedsManager, n) : move(world.leedsManager, n, action, action === 'HOLD_MEETING' ? { meetingOn: today } : {}));
    const reach = async (state: ContractNoticeState, actions = path[state] as ContractNoticeAction[]) => {
      let n = await mutate<Notice>(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'] });
      for (const action of actions) n = await step(n, action);
      expect(n.status).toBe(state);
      return n;
    };
    for (const row of CONTRACT_NOTICE_TRANSITIONS.filter((r) => r.from !== null)) {
      const from = row.from as ContractNoticeState;
      // Withholding while no plan is agreed (GC9.12) is the way to agreeing one after withholding.
      const n = from === 'WITHHOLDING_APPLIED' && row.action === 'AGREE_RAP' ? await reach(from, ['ISSUE', 'HOLD_MEETING', 'APPLY_WITHHOLDING']) : await reach(from);
      expect(n.availableActions).toContain(row.action);
      expect(await refuse(associate, APPLY, { noticeId: n.id, expectedVersion: n.version, action: row.action === 'AGREE_RAP' ? 'WITHDRAW' : row.action, note: 'x', meetingOn: today })).toMatchObject({
        code: 'FORBIDDEN',
      });
      const done = await step(n, row.action);
      expect([row.action, done.status]).toEqual([row.action, row.to]);
      expect(done.history.at(-1)).toMatchObject({ action: row.action, fromStatus: from, toStatus: row.to, actorName: expect.any(String) });
      const invalid = (['CLOSE', 'ISSUE', 'START_MONITORING'] as ContractNoticeAction[]).find((action) => !CONTRACT_NOTICE_TRANSITIONS.some((r) => r.from === row.to && r.action === action));
      if (invalid) {
        expect(await refuse(world.leedsManager, APPLY, { noticeId: done.id, expectedVersion: done.version, action: invalid, note: 'x' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' });
      }
    }
    const withdrawn = await reach('ISSUED');
    expect(await refuse(world.leedsManager, APPLY, { noticeId: withdrawn.id, expectedVersion: withdrawn.version, action: 'WITHDRAW' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    expect(await refuse(world.leedsManager, APPLY, { noticeId: withdrawn.id, expectedVersion: withdrawn.version, action: 'HOLD_MEETING' })).toMatchObject({ reason: 'MEETING_DATE_REQUIRED' });
    expect(await refuse(world.leedsManager, APPLY, { noticeId: withdrawn.id, expectedVersion: withdrawn.version, action: 'AGREE_RAP' })).toMatchObject({ reason: 'USE_AGREE_REMEDIAL_ACTION_PLAN' });
    const withPlan = await reach('WITHHOLDING_APPLIED');
    expect(await refuse(world.leedsManager, AGREE, { noticeId: withPlan.id, expectedVersion: withPlan.version, agreedOn: today, summary: 's', actions: [], trajectory: [] })).toMatchObject({ code: 'CONFLICT', reason: 'RAP_ALREADY_AGREED' });
    const noPlan = await reach('WITHHOLDING_APPLIED', ['ISSUE', 'HOLD_MEETING', 'APPLY_WITHHOLDING']);
    expect(await refuse(world.leedsManager, APPLY, { noticeId: noPlan.id, expectedVersion: noPlan.version, action: 'RESUME_MONITORING' })).toMatchObject({ code: 'CONFLICT', reason: 'RAP_REQUIRED' });
    // Every move is audited in its transaction.
    const [{ moves }] = await world.db.dataSource.query(`SELECT count(*)::int AS moves FROM contract_notice_event`);
    const [{ audits }] = await world.db.dataSource.query(`SELECT count(*)::int AS audits FROM audit_event WHERE entity_type = 'contract_notice' AND (action LIKE 'CONTRACT_NOTICE_%' OR action = 'PROPOSE_CONTRACT_NOTICE')`);
    expect(audits).toBe(moves);
  });

  it('records a remedial action plan and finds a missed trajectory month after the next import, proposing the next step', async () => {
    let n = await mutate<Notice>(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'] });
    n = await move(world.leedsManager, n, 'ISSUE');
    n = await move(world.leedsManager, n, 'HOLD_MEETING', { meetingOn: today });
    expect(await refuse(world.leedsManager, AGREE, { noticeId: n.id, expectedVersion: n.version, agreedOn: today, summary: 's', actions: [], trajectory: [] })).toMatchObject({ reason: 'ACTIONS_REQUIRED' });
    const trajectory = ['2018-04-01', '2018-05-01', '2018-06-01', '2018-07-01', '2018-08-01', '2018-09-01'].map((month, i) => ({ indicatorCode: 'AE_4HR_ALL', month, value: 90 + i }));
    expect(await refuse(world.leedsManager, AGREE, { noticeId: n.id, expectedVersion: n.version, agreedOn: today, summary: 's', actions: [{ description: 'd', owner: 'o', dueOn: today }], trajectory: [{ ...trajectory[0], month: '2018-04-15' }] })).toMatchObject({
      reason: 'INVALID_TRAJECTORY',
      details: expect.objectContaining({ fields: ['trajectory.0.month'] }),
    });
    n = await agree(world.leedsManager, n, trajectory);
    n = await move(world.leedsManager, n, 'START_MONITORING');
    expect(n.remedialActionPlan?.trajectory.map((p) => [p.month, p.value, p.actual])).toEqual(trajectory.map((p) => [p.month, p.value, null]));
    expect(n.remedialActionPlan?.misses).toEqual([]);
    expect(n.proposedNextStep).toBeNull();

    const action = n.remedialActionPlan?.actions[0] as { id: string; version: number };
    expect(await refuse(associate, UPDATE_ACTION, { actionId: action.id, expectedVersion: action.version, status: 'COMPLETE' })).toMatchObject({ code: 'FORBIDDEN' });
    n = await mutate<Notice>(world.leedsManager, UPDATE_ACTION, { actionId: action.id, expectedVersion: action.version, status: 'IN_PROGRESS' });
    expect(n.remedialActionPlan?.actions[0]).toMatchObject({ status: 'IN_PROGRESS', version: action.version + 1 });

    // April to June 2018 arrive: RR8 is below the committed 90-92%.
    await importAe('ae-2018-q1.csv', between('2018-04-01', '2018-07-01'));
    n = await notice(world.leedsManager, n.id);
    const misses = n.remedialActionPlan?.misses ?? [];
    expect(misses.map((m) => m.month)).toEqual(['2018-04-01', '2018-05-01', '2018-06-01']);
    for (const miss of misses) {
      expect(miss.actualValue).toBeLessThan(miss.committedValue);
      expect(miss.proposedNextStep).toBe('REPORT_RAP_BREACH');
    }
    expect(n.remedialActionPlan?.trajectory.filter((p) => p.actual !== null).map((p) => p.met)).toEqual([false, false, false]);
    expect(n.proposedNextStep).toBe('REPORT_RAP_BREACH');
    expect(n.status).toBe('MONITORING');
    n = await move(world.leedsManager, n, 'REPORT_RAP_BREACH');
    expect(n.proposedNextStep).toBeNull();
    const [{ audits }] = await world.db.dataSource.query(`SELECT count(*)::int AS audits FROM audit_event WHERE action = 'RECORD_TRAJECTORY_MISS' AND entity_id = $1`, [n.id]);
    expect(audits).toBe(3);
  });

  it('gives a CCG its contracted providers for the year, else its region, and says which', async () => {
    expect(await succeed(world.leedsManager, CCG_PROVIDERS, { ccg: LEEDS_NORTH, asOf: '2017-06-01' })).toEqual({ ccg: { code: LEEDS_NORTH }, providers: [{ code: 'RR8' }], asOf: '2017-06-01', basis: 'CONTRACTS' });
    expect(await succeed(associate, CCG_PROVIDERS, { ccg: LEEDS_WEST, asOf: '2017-06-01' })).toMatchObject({ providers: [{ code: 'RR8' }], basis: 'CONTRACTS' });
    expect(await succeed(world.leedsManager, CCG_PROVIDERS, { ccg: LEEDS_NORTH, asOf: '2016-06-01' })).toMatchObject({ providers: [{ code: 'RR8' }], basis: 'REGION' });
    expect(await succeed(world.sheffieldManager, CCG_PROVIDERS, { ccg: SHEFFIELD, asOf: '2017-06-01' })).toMatchObject({ providers: [], basis: 'REGION' });
    const scorecards = createServices(world.db.dataSource).scorecards;
    expect(await scorecards.providersOfCcg(LEEDS_SOUTH_EAST, '2017-06-01')).toEqual({ asOf: '2017-06-01', providerCodes: ['RR8'], basis: 'CONTRACTS' });
    expect(await scorecards.providersOfCcg(LEEDS_SOUTH_EAST, '2016-06-01')).toEqual({ asOf: '2016-06-01', providerCodes: [], basis: 'REGION' });
    expect(await refusal(world.anonymous, CCG_PROVIDERS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps the GC9 figures as editable data per contract year: administrators edit them, audited', async () => {
    const terms = await succeed<{ financialYear: string; withholdingPercent: string; source: string }[]>(world.analyst, TERMS, {});
    expect(terms.map((t) => t.financialYear)).toEqual(['2018/19', '2017/18', '2016/17', '2015/16', '2014/15']);
    expect(terms.find((t) => t.financialYear === '2015/16')).toMatchObject({ withholdingPercent: '2.0000', source: expect.stringContaining('GC9') });
    const input = { financialYear: '2017/18', meetingWithinOperationalDays: 15, investigationReportOperationalDays: 10, rapAgreeWithinOperationalDays: 5, withholdingPercent: '2.5', withholdingRetainedAfterMonths: 3, source: 'Local variation (test)' };
    expect(await refuse(world.leedsManager, UPDATE_TERMS, input)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(world.admin, UPDATE_TERMS, { ...input, withholdingPercent: 'lots' })).toMatchObject({ reason: 'INVALID_PERCENTAGE' });
    expect(await mutate(world.admin, UPDATE_TERMS, input)).toEqual({ financialYear: '2017/18', meetingWithinOperationalDays: 15, withholdingPercent: '2.5000' });
    const [audit] = await world.db.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'UPDATE_CONTRACT_MANAGEMENT_TERMS' AND entity_id = '2017/18'`);
    expect(audit.before.meetingWithinOperationalDays).toBe(10);
    expect(audit.after.meetingWithinOperationalDays).toBe(15);
    let n = await mutate<Notice>(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'] });
    n = await move(world.leedsManager, n, 'ISSUE');
    expect(n.responseMeetingBy).toBe(addOperationalDays(today, 15));
  });

  it('freezes a notice’s evidence within the contract’s own year, even when later months have data', async () => {
    const [{ later }] = await world.db.dataSource.query(
      `SELECT count(*)::int AS later FROM indicator_value v JOIN period p ON p.id = v.period_id WHERE v.organisation_code = 'RR8' AND p.start_date >= '2018-04-01'`,
    );
    expect(later).toBeGreaterThan(0);
    let n = await mutate<Notice>(world.leedsManager, PROPOSE, { contractId: contract.id, indicatorCodes: ['AE_4HR_ALL'] });
    expect(n.evidence.indicators[0].period).toBe('2018-03-01');
    n = await move(world.leedsManager, n, 'ISSUE');
    expect(n.evidence.frozen).toBe(true);
    expect(n.evidence.indicators[0].period).toBe('2018-03-01');
    expect(n.evidence.indicators[0].points.every((point) => point.period < '2018-04-01')).toBe(true);
  });
});
