import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { succeed } from '../assessments/assurance.fixtures';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { createLogger } from '../server/logger';
import { insertOrganisation } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { DEMO_PASSWORD, seedDemoAccounts } from './demo-accounts';
import { seedDemoContracts } from './demo-contracts';
import { DEMO_HELD_MEETING_ON, seedDemoEscalation } from './demo-escalation';
import { DEMO_PLAN_CCGS } from './demo-financial-plans';

// The illustrative boards and escalation items (issue 16 point 6). main.ts makes them on the embedded database only.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const sharedDataDir = path.resolve(__dirname, '../../../../../shared/data');
const TRUSTS = ['RR8', 'RHQ'];

const BOARDS = `query($ccg: String!) { boards(ccg: $ccg) { id kind name frequency termsOfReference illustrative provider { code } systemName
  members { user { username } isChair } viewerIsChair pastMeetings { id } scheduledMeetings { id } openItems { id } } }`;
const ITEMS = `query($ccg: String!) { escalationItems(ccg: $ccg) { id kind title illustrative overdue board { kind } source { period provider { code } indicator { code } }
  history { action actor moveKind reason } } }`;
const MEETING = `query($id: ID!) { boardMeeting(id: $id) { meetsOn status minutes pack { frozen failingIndicators { providerCode indicatorCode period rag } providersBasis
  newItems { title } escalatedIn { title } carriedOver { title } } decisions { decision note recordedBy } } }`;

interface Board {
  id: string;
  kind: string;
  name: string;
  termsOfReference: string | null;
  illustrative: boolean;
  provider: { code: string } | null;
  systemName: string | null;
  members: { user: { username: string }; isChair: boolean }[];
  viewerIsChair: boolean;
  pastMeetings: { id: string }[];
  scheduledMeetings: { id: string }[];
  openItems: { id: string }[];
}

describe('the illustrative boards and escalation items (embedded database only)', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const ccg of DEMO_PLAN_CCGS) await insertOrganisation(db.dataSource, ccg.code, ccg.name);
    for (const code of TRUSTS) await insertOrganisation(db.dataSource, code, `TRUST ${code}`, OrganisationType.NHS_TRUST);
    const [header, ...lines] = readFileSync(aeFile, 'utf8').trim().split('\n');
    const rows = lines.filter((line) => TRUSTS.includes(line.split(',')[1]) && line.slice(0, 10) >= '2016-04-01' && line.slice(0, 10) < '2019-04-01');
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'ae.csv',
      stream: Readable.from([Buffer.from([header, ...rows].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'demo-escalation' },
    });
    expect(report.outcome).toBe('SUCCEEDED');
    await seedDemoAccounts(db.dataSource, sharedDataDir, createLogger('silent'));
    await seedDemoContracts(db.dataSource, createLogger('silent'));
    server = await startTestServer(db.dataSource);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('makes Sheffield’s seed-002 boards and Leeds North’s standard boards, all illustrative, once', async () => {
    const made = await seedDemoEscalation(db.dataSource, createLogger('silent'));
    expect(made).toBeGreaterThan(0);
    expect(await seedDemoEscalation(db.dataSource, createLogger('silent'))).toBe(0);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM board WHERE NOT illustrative`)).toEqual([{ n: 0 }]);

    const director = server.client();
    expect((await director.signIn('demo-sheffield-director', DEMO_PASSWORD)).errors).toBeUndefined();
    const sheffield = await succeed<Board[]>(director, BOARDS, { ccg: '03N' });
    expect(sheffield.map((b) => [b.kind, b.provider?.code ?? b.systemName ?? null])).toEqual([
      ['PROGRAMME_MANAGEMENT_DELIVERY_GROUP', null],
      ['INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', null],
      ['COMMISSIONING_EXECUTIVE_TEAM', null],
      ['GOVERNING_BODY', null],
      ['CONTRACT_MANAGEMENT_BOARD', 'RHQ'],
      ['SYSTEM_RESILIENCE_GROUP', 'Sheffield'],
    ]);
    const integrated = sheffield[1];
    expect(integrated).toMatchObject({ name: 'Integrated Performance and Delivery Board', viewerIsChair: true, illustrative: true });
    expect(integrated.termsOfReference).toMatch(/^Co-ordination and triangulation of intelligence relating to provider performance/);
    expect(sheffield.filter((b) => b.viewerIsChair).map((b) => b.kind)).toEqual(['INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', 'COMMISSIONING_EXECUTIVE_TEAM']);

    const items = await succeed<{ kind: string; illustrative: boolean; overdue: boolean; board: { kind: string }; source: { period: string | null; provider: { code: string } | null }; history: { action: string; reason: string | null }[] }[]>(
      director,
      ITEMS,
      { ccg: '03N' },
    );
    expect(items.map((i) => i.kind).sort()).toEqual(['FINANCIAL_WARNING', 'KPI_BREACH', 'PROGRAMME_EXCEPTION']);
    expect(items.every((i) => i.illustrative && !i.overdue)).toBe(true);
    const breach = items.find((i) => i.kind === 'KPI_BREACH');
    expect(breach).toMatchObject({ board: { kind: 'CONTRACT_MANAGEMENT_BOARD' }, source: { provider: { code: 'RHQ' } } });
    const [stored] = await db.dataSource.query(`SELECT rag FROM series_score WHERE organisation_code = 'RHQ' AND indicator_code = 'AE_4HR_ALL' AND as_of = $1`, [breach?.source.period]);
    expect(stored).toEqual({ rag: 'RED' });
    expect(breach?.history.map((e) => e.action)).toEqual(['RAISE', 'ESCALATE']);
    expect(items.find((i) => i.kind === 'PROGRAMME_EXCEPTION')?.history.map((e) => e.action)).toEqual(['RAISE', 'ESCALATE']);

    const [held] = integrated.pastMeetings;
    const meeting = await succeed<{ meetsOn: string; status: string; pack: { frozen: boolean; failingIndicators: { providerCode: string }[]; providersBasis: string }; decisions: { decision: string }[] }>(
      director,
      MEETING,
      { id: held.id },
    );
    expect(meeting).toMatchObject({ meetsOn: DEMO_HELD_MEETING_ON, status: 'HELD', pack: { frozen: true, providersBasis: 'CONTRACTS' }, decisions: [{ decision: 'NOTE' }] });
    expect(meeting.pack.failingIndicators.every((f) => f.providerCode === 'RHQ')).toBe(true);
    expect(integrated.scheduledMeetings).toHaveLength(1);

    const leeds = server.client();
    expect((await leeds.signIn('demo-board-member', DEMO_PASSWORD)).errors).toBeUndefined();
    const leedsBoards = await succeed<Board[]>(leeds, BOARDS, { ccg: '02V' });
    const byKind = Object.fromEntries(leedsBoards.map((b) => [b.kind, b]));
    expect(byKind.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD.members.map((m) => [m.user.username, m.isChair])).toEqual([
      ['demo-board-member', true],
      ['demo-analyst', false],
      ['demo-commissioning-manager', false],
    ]);
    expect(byKind.COMMISSIONING_EXECUTIVE_TEAM.members.map((m) => [m.user.username, m.isChair])).toEqual([
      ['demo-director', true],
      ['demo-board-member', false],
    ]);
    expect(byKind.CONTRACT_MANAGEMENT_BOARD.provider).toEqual({ code: 'RR8' });
    expect(leedsBoards.every((b) => b.openItems.length === 0)).toBe(true);
  });
});
