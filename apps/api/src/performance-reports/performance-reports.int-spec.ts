import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { LEEDS_NORTH, SHEFFIELD, mutate, refusal, refuse, setUpAssuranceWorld, succeed, type AssuranceWorld } from '../assessments/assurance.fixtures';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import type { TestClient } from '../testing/test-server';

// The monthly performance report through GraphQL on the real database (issue 17): prepared by the CCG's analyst from
// the stored scores of a real A&E import, edited while a draft, signed by a Leeds North board member (which freezes
// it) and by a board member of NHS England's Yorkshire and the Humber office (Q72, the last area team recorded for
// 02V), published to everyone; a corrected A&E file after the CCG's signature leaves the signed numbers as they were
// and is counted as changed values; a correction is version 2 with version 1 still readable; the PDF.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const [header, ...lines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const rr8 = lines.filter((line) => line.split(',')[1] === 'RR8' && line.slice(0, 10) >= '2017-04-01' && line.slice(0, 10) < '2018-04-01');
const MARCH = '2018-03-01';

const REPORT_FIELDS = `id month monthLabel version status statusLabel frozen builtAt providersBasis rowVersion availableActions publiclyReadable pdfUrl correctionReason
  changedValuesSinceFrozen frozenValueCount preparedBy
  ccg { code } higherOrganisation { code type }
  higherBoard { kind organisationCode lastKnown explanation }
  sections { key title commentary summary items { title detail status } scorecardRows { providerCode indicatorCode unit period value valueText numerator denominator rag variationType points { period value } } }
  actions { id description owner providerCode dueOn status overdue carriedForward raisedInMonth version }
  annotations { indicatorCode organisationCode period text author reportId }
  ccgSignOff { by meeting signedOn signedOnLabel organisation { code } }
  higherBoardSignOff { by meeting signedOn organisation { code } }
  history { actor action actionLabel fromStatus toStatus reason meeting signedOn }
  versions { id version status publiclyReadable } supersedes { id version } supersededBy { id version }`;

const PREPARE = `mutation($input: PreparePerformanceReportInput!) { preparePerformanceReport(input: $input) { ${REPORT_FIELDS} } }`;
const COMMENT = `mutation($input: UpdateReportCommentaryInput!) { updateReportCommentary(input: $input) { ${REPORT_FIELDS} } }`;
const ANNOTATE = `mutation($input: AnnotateSeriesPointInput!) { annotateSeriesPoint(input: $input) { ${REPORT_FIELDS} } }`;
const ADD_ACTION = `mutation($input: AddReportActionInput!) { addReportAction(input: $input) { ${REPORT_FIELDS} } }`;
const UPDATE_ACTION = `mutation($input: UpdateReportActionInput!) { updateReportAction(input: $input) { ${REPORT_FIELDS} } }`;
const APPLY = `mutation($input: ApplyPerformanceReportActionInput!) { applyPerformanceReportAction(input: $input) { ${REPORT_FIELDS} } }`;
const CORRECT = `mutation($input: CorrectPerformanceReportInput!) { correctPerformanceReport(input: $input) { ${REPORT_FIELDS} } }`;
const REPORT = `query($id: ID!) { performanceReport(id: $id) { ${REPORT_FIELDS} } }`;
const REPORTS = `query($ccg: String!) { performanceReports(ccg: $ccg) { id month version status availableActions } }`;
const PUBLISHED_LIST = `query($ccg: String) { publishedPerformanceReports(ccg: $ccg) { id month version status } }`;
const PUBLISHED = `query($ccg: String!, $month: Date!, $version: Int) { publishedPerformanceReport(ccg: $ccg, month: $month, version: $version) { id version status publiclyReadable sections { key scorecardRows { indicatorCode period valueText } } } }`;

interface Row {
  providerCode: string;
  indicatorCode: string;
  period: string;
  value: number;
  valueText: string | null;
  points: { period: string; value: number }[];
}
interface Report {
  id: string;
  version: number;
  status: string;
  frozen: boolean;
  rowVersion: number;
  availableActions: string[];
  publiclyReadable: boolean;
  changedValuesSinceFrozen: number | null;
  frozenValueCount: number | null;
  higherBoard: { kind: string; organisationCode: string | null; lastKnown: boolean; explanation: string };
  higherOrganisation: { code: string } | null;
  sections: { key: string; title: string; commentary: string | null; summary: string; items: { title: string; detail: string; status: string | null }[]; scorecardRows: Row[] }[];
  actions: { id: string; description: string; status: string; overdue: boolean; carriedForward: boolean; version: number }[];
  annotations: { indicatorCode: string; organisationCode: string; period: string; text: string; author: string }[];
  ccgSignOff: { by: string; meeting: string; signedOn: string; signedOnLabel: string; organisation: { code: string } } | null;
  higherBoardSignOff: { by: string; meeting: string; signedOn: string; organisation: { code: string } } | null;
  history: { actor: string; action: string; actionLabel: string; fromStatus: string | null; toStatus: string; reason: string | null; meeting: string | null }[];
  versions: { id: string; version: number; status: string; publiclyReadable: boolean }[];
  supersedes: { id: string; version: number } | null;
  supersededBy: { id: string; version: number } | null;
}

const scorecardOf = (report: { sections: { key: string; scorecardRows: Row[] }[] }) => report.sections.find((s) => s.key === 'SCORECARD')?.scorecardRows ?? [];
const rowOf = (report: Report, indicatorCode: string) => scorecardOf(report).find((row) => row.providerCode === 'RR8' && row.indicatorCode === indicatorCode) as Row;

describe('the monthly performance report (issue 17)', () => {
  let world: AssuranceWorld;
  let analyst: TestClient; // an analyst of NHS Leeds North CCG
  let higher: TestClient; // a board member of Q72, NHS England's Yorkshire and the Humber office
  let report: Report;
  let v2: Report;
  const count = async (sql: string, params: unknown[] = []) => Number((await world.db.dataSource.query(sql, params))[0].n);
  const importAe = async (rows: string[], fileName: string) => {
    const result = await runImport(world.db.dataSource, {
      kind: importKinds.ae,
      fileName,
      stream: Readable.from([Buffer.from([header, ...rows].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'performance-report-test' },
    });
    expect(result.outcome).toBe('SUCCEEDED');
  };
  const apply = (client: TestClient, r: Report, action: string, extra: Record<string, unknown> = {}) => mutate<Report>(client, APPLY, { reportId: r.id, expectedVersion: r.rowVersion, action, ...extra });
  const read = (client: TestClient, id: string) => succeed<Report | null>(client, REPORT, { id });

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    const sql = world.db.dataSource;
    await insertOrganisation(sql, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await insertOrganisation(sql, 'Y63', 'NORTH OF ENGLAND', OrganisationType.REGION);
    await insertOrganisation(sql, 'Q72', 'NHS ENGLAND YORKSHIRE AND HUMBER', OrganisationType.AREA_TEAM);
    await sql.query(`UPDATE organisation SET open_date = '2013-04-01', close_date = '2018-03-31' WHERE code = $1`, [LEEDS_NORTH]);
    // A trust's region from ODS (undated); the CCG hierarchy file's one row for 02V (2016/17), dated, as the import
    // records it: the last area team recorded, which the report's higher board is taken from for March 2018.
    await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, source) VALUES ('RR8', 'IN_REGION', 'Y63', 'test')`);
    for (const [kind, related] of [['IN_AREA_TEAM', 'Q72'], ['IN_REGION', 'Y63']]) {
      await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, valid_from, valid_to, source) VALUES ($1, $2, $3, '2016-04-01', '2017-03-31', 'test')`, [LEEDS_NORTH, kind, related]);
    }
    await insertUser(sql, 'leeds-analyst', [{ role: Role.ANALYST, organisationCode: LEEDS_NORTH }]);
    await insertUser(sql, 'q72-board', [{ role: Role.BOARD_MEMBER, organisationCode: 'Q72' }]);
    await insertUser(sql, 'sheffield-analyst', [{ role: Role.ANALYST, organisationCode: SHEFFIELD }]);
    analyst = await world.server.signedInClient('leeds-analyst');
    higher = await world.server.signedInClient('q72-board');
    await importAe(rr8, 'ae-2017-18.csv');
  }, 120_000);
  afterAll(() => world.close());

  it('is prepared by an analyst of the CCG for a month it was open and that has ended, from the stored scores, audited', async () => {
    const input = { ccg: LEEDS_NORTH, month: '2018-03-15' };
    expect(await refuse(world.anonymous, PREPARE, input)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refuse(world.leedsBoard, PREPARE, input)).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(world.analyst, PREPARE, input)).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(analyst, PREPARE, { ccg: LEEDS_NORTH, month: '2018-04-01' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CCG_NOT_OPEN_IN_MONTH', details: { fields: ['month'] } });
    expect(await refuse(analyst, PREPARE, { ccg: 'ZZZ', month: MARCH })).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
    expect(await refuse(world.sheffieldManager, PREPARE, { ccg: SHEFFIELD, month: '2099-01-01' })).toMatchObject({ code: 'FORBIDDEN' });

    report = await mutate<Report>(analyst, PREPARE, input);
    expect(report).toMatchObject({ version: 1, status: 'DRAFT', frozen: false, changedValuesSinceFrozen: null, availableActions: ['EDIT', 'SUBMIT_TO_CCG'], publiclyReadable: false });
    expect(report.higherBoard).toMatchObject({ kind: 'AREA_TEAM', organisationCode: 'Q72', lastKnown: true });
    expect(report.higherOrganisation).toEqual({ code: 'Q72', type: 'AREA_TEAM' });
    expect(report.sections.map((s) => s.key)).toEqual(['SCORECARD', 'FINANCE', 'ASSURANCE', 'CONTRACTS', 'ESCALATION', 'ACTIONS']);
    const all = rowOf(report, 'AE_4HR_ALL');
    // March 2018 RR8: 16643 + 3495 attendances, 5866 breaches: (20138 - 5866) / 20138.
    expect(all).toMatchObject({ period: MARCH, rag: 'RED', unit: 'PERCENTAGE' });
    expect(Number(all.valueText)).toBeCloseTo((100 * (20138 - 5866)) / 20138, 6);
    expect(all.points).toHaveLength(12);
    expect(report.sections.find((s) => s.key === 'FINANCE')?.summary).toBe('No financial plan is recorded for 2017/18.');
    expect(report.history).toEqual([expect.objectContaining({ actor: 'Test leeds-analyst', action: 'PREPARE', fromStatus: null, toStatus: 'DRAFT' })]);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'PREPARE_PERFORMANCE_REPORT' AND entity_id = $1`, [report.id])).toBe(1);
    expect(await refuse(analyst, PREPARE, input)).toMatchObject({ code: 'CONFLICT', reason: 'REPORT_EXISTS', details: { reportId: report.id } });
  });

  it('lets the CCG’s staff and NHS England’s administrators read the draft, nobody else', async () => {
    expect((await read(world.leedsFinance, report.id))?.availableActions).toEqual([]);
    expect((await read(world.leedsBoard, report.id))?.availableActions).toEqual([]);
    expect(await read(world.admin, report.id)).not.toBeNull();
    for (const client of [world.sheffieldManager, higher, world.anonymous]) expect(await read(client, report.id)).toBeNull();
    expect(await read(analyst, 'not-an-id')).toBeNull();
    expect((await succeed<{ id: string }[]>(world.leedsFinance, REPORTS, { ccg: LEEDS_NORTH })).map((r) => r.id)).toEqual([report.id]);
    expect(await refusal(world.sheffieldManager, REPORTS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    expect(await refusal(higher, REPORTS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('takes commentary, an annotation and remedial actions from the analyst while a draft, with optimistic locking', async () => {
    expect(await refuse(world.leedsBoard, COMMENT, { reportId: report.id, expectedVersion: report.rowVersion, section: 'SCORECARD', commentary: 'No' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    report = await mutate<Report>(analyst, COMMENT, { reportId: report.id, expectedVersion: report.rowVersion, section: 'SCORECARD', commentary: 'RR8 remains below the four-hour standard.' });
    expect(report.sections[0].commentary).toBe('RR8 remains below the four-hour standard.');
    expect(await refuse(analyst, COMMENT, { reportId: report.id, expectedVersion: report.rowVersion - 1, section: 'FINANCE', commentary: 'Late' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    expect(await refuse(analyst, ANNOTATE, { reportId: report.id, expectedVersion: report.rowVersion, indicatorCode: 'AE_4HR_ALL', organisationCode: 'RR8', period: '2016-01-01', text: 'Before' })).toMatchObject({ reason: 'POINT_NOT_IN_REPORT', details: { fields: ['period'] } });
    expect(await refuse(analyst, ANNOTATE, { reportId: report.id, expectedVersion: report.rowVersion, indicatorCode: 'AE_4HR_ALL', organisationCode: 'RXX', period: MARCH, text: 'Elsewhere' })).toMatchObject({ reason: 'SERIES_NOT_IN_REPORT' });
    report = await mutate<Report>(analyst, ANNOTATE, { reportId: report.id, expectedVersion: report.rowVersion, indicatorCode: 'AE_4HR_ALL', organisationCode: 'RR8', period: '2018-01-01', text: 'Winter pressures: flu peak.' });
    expect(report.annotations).toEqual([{ indicatorCode: 'AE_4HR_ALL', organisationCode: 'RR8', period: '2018-01-01', text: 'Winter pressures: flu peak.', author: 'Test leeds-analyst', reportId: report.id }]);

    expect(await refuse(analyst, ADD_ACTION, { reportId: report.id, expectedVersion: report.rowVersion, description: ' ', owner: 'Director of Commissioning' })).toMatchObject({ reason: 'TEXT_REQUIRED', details: { fields: ['description'] } });
    report = await mutate<Report>(analyst, ADD_ACTION, { reportId: report.id, expectedVersion: report.rowVersion, providerCode: 'RR8', description: 'Agree a recovery trajectory with the trust', owner: 'Director of Commissioning', dueOn: '2018-03-20' });
    report = await mutate<Report>(analyst, ADD_ACTION, { reportId: report.id, expectedVersion: report.rowVersion, description: 'Review ambulance handovers', owner: 'Urgent care lead' });
    expect(report.actions.map((a) => [a.description, a.status, a.overdue, a.carriedForward])).toEqual([
      ['Agree a recovery trajectory with the trust', 'OPEN', true, false],
      ['Review ambulance handovers', 'OPEN', false, false],
    ]);
    const dropped = report.actions[1];
    expect(await refuse(analyst, UPDATE_ACTION, { reportId: report.id, actionId: dropped.id, expectedVersion: dropped.version + 1, status: 'DROPPED' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    report = await mutate<Report>(analyst, UPDATE_ACTION, { reportId: report.id, actionId: dropped.id, expectedVersion: dropped.version, status: 'DROPPED' });
    expect(report.actions[1]).toMatchObject({ status: 'DROPPED', version: 2 });
    expect(report.history.filter((e) => e.action === 'EDIT').map((e) => e.actionLabel)).toEqual([
      'Commentary written (Provider scorecard)',
      'Chart point annotated',
      'Remedial action added',
      'Remedial action added',
      'Remedial action changed',
    ]);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'EDIT_PERFORMANCE_REPORT' AND entity_id = $1`, [report.id])).toBe(5);
  });

  it('carries an open action into the next month’s report until it is closed', async () => {
    let february = await mutate<Report>(analyst, PREPARE, { ccg: LEEDS_NORTH, month: '2018-02-01' });
    february = await mutate<Report>(analyst, ADD_ACTION, { reportId: february.id, expectedVersion: february.rowVersion, description: 'Escalate the trust’s winter plan', owner: 'Chief Officer', dueOn: '2018-04-30' });
    expect(february.actions.map((a) => a.description)).toEqual(['Escalate the trust’s winter plan']);
    report = (await read(analyst, report.id)) as Report;
    expect(report.actions[0]).toMatchObject({ description: 'Escalate the trust’s winter plan', carriedForward: true, overdue: false });
    expect(report.actions).toHaveLength(3);
  });

  it('goes to the CCG, back to the analyst with a reason, and is signed by the CCG’s board member, which freezes it', async () => {
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_CCG', meeting: 'Governing Body', signedOn: '2018-04-12' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SUBMIT_TO_CCG' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    report = await apply(analyst, report, 'SUBMIT_TO_CCG');
    expect(report.status).toBe('READY_FOR_CCG');
    expect(await refuse(analyst, COMMENT, { reportId: report.id, expectedVersion: report.rowVersion, section: 'FINANCE', commentary: 'Late' })).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect((await read(world.leedsBoard, report.id))?.availableActions).toEqual(['RETURN_TO_ANALYST', 'SIGN_FOR_CCG']);
    // The higher board cannot act before the CCG has signed.
    expect(await read(higher, report.id)).toBeNull();
    expect(await refuse(higher, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_HIGHER_BOARD', meeting: 'Board', signedOn: '2018-04-20' })).toMatchObject({ code: 'NOT_FOUND' });

    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'RETURN_TO_ANALYST', reason: ' ' })).toMatchObject({ reason: 'REASON_REQUIRED', details: { fields: ['reason'] } });
    report = await apply(world.leedsBoard, report, 'RETURN_TO_ANALYST', { reason: 'Add the finance commentary' });
    expect(report.status).toBe('DRAFT');
    report = await mutate<Report>(analyst, COMMENT, { reportId: report.id, expectedVersion: report.rowVersion, section: 'FINANCE', commentary: 'No plan recorded for the year.' });
    report = await apply(analyst, report, 'SUBMIT_TO_CCG');

    const sign = { meeting: 'NHS Leeds North CCG Governing Body', signedOn: '2018-04-12' };
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_CCG', signedOn: '2018-04-12' })).toMatchObject({ reason: 'MEETING_REQUIRED', details: { fields: ['meeting'] } });
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_CCG', meeting: sign.meeting, signedOn: '2018-03-30' })).toMatchObject({ reason: 'SIGNED_ON_BEFORE_MONTH_END' });
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_CCG', meeting: sign.meeting, signedOn: '2999-01-01' })).toMatchObject({ reason: 'SIGNED_ON_IN_FUTURE' });
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion - 1, action: 'SIGN_FOR_CCG', ...sign })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const before = report;
    report = await apply(world.leedsBoard, report, 'SIGN_FOR_CCG', sign);
    expect(report).toMatchObject({ status: 'SIGNED_BY_CCG', frozen: true, changedValuesSinceFrozen: 0, frozenValueCount: 24, publiclyReadable: false });
    expect(report.ccgSignOff).toEqual({ by: 'Test leeds-board', meeting: sign.meeting, signedOn: sign.signedOn, signedOnLabel: '12 April 2018', organisation: { code: LEEDS_NORTH } });
    expect(report.sections).toEqual(before.sections);
    expect(report.annotations).toEqual(before.annotations);
    expect(report.actions).toEqual(before.actions);
    expect(report.availableActions).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'PERFORMANCE_REPORT_SIGN_FOR_CCG' AND entity_id = $1`, [report.id])).toBe(1);
  });

  it('keeps the signed numbers when a corrected A&E file is imported, and counts the values it changed', async () => {
    const signed = rowOf(report, 'AE_4HR_ALL');
    const corrected = rr8.map((line) => (line.startsWith('2018-03-01,RR8,1,') ? '2018-03-01,RR8,1,16643,5000,4833' : line)).filter((line) => line.startsWith('2018-03-01'));
    await importAe(corrected, 'ae-2018-03-corrected.csv');
    // Later edits of the CCG's actions and annotations do not reach the frozen report either.
    const february = (await succeed<{ id: string; month: string; version: number; status: string }[]>(analyst, REPORTS, { ccg: LEEDS_NORTH })).find((r) => r.month === '2018-02-01');
    const feb = (await read(analyst, february?.id as string)) as Report;
    await mutate<Report>(analyst, UPDATE_ACTION, { reportId: feb.id, actionId: feb.actions[0].id, expectedVersion: feb.actions[0].version, status: 'DONE' });

    const now = (await read(world.leedsBoard, report.id)) as Report;
    expect(rowOf(now, 'AE_4HR_ALL')).toEqual(signed);
    expect(now.actions).toEqual(report.actions);
    // Both A&E indicators of RR8 for March 2018 changed: all types and type 1.
    expect(now.changedValuesSinceFrozen).toBe(2);
    // The higher board now reads the signed report.
    expect((await read(higher, report.id))?.availableActions).toEqual(['SIGN_FOR_HIGHER_BOARD', 'RETURN_BY_HIGHER_BOARD']);
    expect((await succeed<{ id: string }[]>(higher, REPORTS, { ccg: LEEDS_NORTH })).map((r) => r.id)).toEqual([report.id]);
    report = now;
  });

  it('is signed by a board member of the higher organisation, after the CCG, and then public', async () => {
    expect(await refuse(world.leedsBoard, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_HIGHER_BOARD', meeting: 'Board', signedOn: '2018-04-20' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(higher, APPLY, { reportId: report.id, expectedVersion: report.rowVersion, action: 'SIGN_FOR_HIGHER_BOARD', meeting: 'Board', signedOn: '2018-04-11' })).toMatchObject({ reason: 'SIGNED_ON_BEFORE_CCG' });
    report = await apply(higher, report, 'SIGN_FOR_HIGHER_BOARD', { meeting: 'Yorkshire and the Humber assurance meeting', signedOn: '2018-04-26' });
    expect(report).toMatchObject({ status: 'PUBLISHED', publiclyReadable: true, higherBoardSignOff: { by: 'Test q72-board', meeting: 'Yorkshire and the Humber assurance meeting', signedOn: '2018-04-26', organisation: { code: 'Q72' } } });
    const publicView = (await read(world.anonymous, report.id)) as Report;
    expect(publicView.availableActions).toEqual([]);
    expect(rowOf(publicView, 'AE_4HR_ALL')).toEqual(rowOf(report, 'AE_4HR_ALL'));
    expect((await succeed<{ id: string }[]>(world.anonymous, PUBLISHED_LIST, { ccg: LEEDS_NORTH })).map((r) => r.id)).toEqual([report.id]);
    expect((await succeed<{ id: string }[]>(world.anonymous, PUBLISHED_LIST, {})).map((r) => r.id)).toEqual([report.id]);
    expect(await succeed(world.anonymous, PUBLISHED, { ccg: LEEDS_NORTH, month: '2018-03-31' })).toMatchObject({ id: report.id, version: 1, status: 'PUBLISHED' });
    expect(await succeed(world.anonymous, PUBLISHED, { ccg: LEEDS_NORTH, month: '2018-02-01' })).toBeNull();
    expect(report.history.map((e) => e.action)).toEqual(['PREPARE', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'EDIT', 'SUBMIT_TO_CCG', 'RETURN_TO_ANALYST', 'EDIT', 'SUBMIT_TO_CCG', 'SIGN_FOR_CCG', 'SIGN_FOR_HIGHER_BOARD']);
  });

  it('is corrected by the analyst as version 2, which goes through sign-off again while version 1 stays readable and public', async () => {
    expect(await refuse(world.leedsBoard, CORRECT, { reportId: report.id, expectedVersion: report.rowVersion, reason: 'Corrected A&E return' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(analyst, CORRECT, { reportId: report.id, expectedVersion: report.rowVersion, reason: '' })).toMatchObject({ reason: 'REASON_REQUIRED', details: { fields: ['reason'] } });
    expect((await read(analyst, report.id))?.availableActions).toEqual(['CORRECT']);
    v2 = await mutate<Report>(analyst, CORRECT, { reportId: report.id, expectedVersion: report.rowVersion, reason: 'Corrected A&E return for March 2018' });
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', frozen: false, supersedes: { id: report.id, version: 1 }, correctionReason: 'Corrected A&E return for March 2018' });
    // The new draft is built from the data as it stands: the corrected value.
    expect(Number(rowOf(v2, 'AE_4HR_ALL').valueText)).toBeCloseTo((100 * (20138 - 5000)) / 20138, 6);
    expect(v2.sections.map((s) => s.commentary)).toEqual(report.sections.map((s) => s.commentary));
    const v1 = (await read(world.anonymous, report.id)) as Report;
    expect(v1).toMatchObject({ status: 'PUBLISHED', supersededBy: null });
    expect((await read(analyst, report.id))?.supersededBy).toEqual({ id: v2.id, version: 2 });
    expect(await refuse(analyst, CORRECT, { reportId: (await read(analyst, report.id))?.id, expectedVersion: (await read(analyst, report.id))?.rowVersion, reason: 'Again' })).toMatchObject({ code: 'CONFLICT', reason: 'CORRECTION_ALREADY_STARTED' });

    v2 = await apply(analyst, v2, 'SUBMIT_TO_CCG');
    v2 = await apply(world.leedsBoard, v2, 'SIGN_FOR_CCG', { meeting: 'Governing Body', signedOn: '2018-05-10' });
    v2 = await apply(higher, v2, 'SIGN_FOR_HIGHER_BOARD', { meeting: 'Assurance meeting', signedOn: '2018-05-17' });
    expect(v2).toMatchObject({ status: 'PUBLISHED', changedValuesSinceFrozen: 0 });
    const old = (await read(world.anonymous, report.id)) as Report;
    expect(old).toMatchObject({ status: 'SUPERSEDED', publiclyReadable: true, changedValuesSinceFrozen: 2 });
    expect(old.history.at(-1)).toMatchObject({ actor: 'System', action: 'SUPERSEDE', fromStatus: 'PUBLISHED', toStatus: 'SUPERSEDED' });
    expect(Number(rowOf(old, 'AE_4HR_ALL').valueText)).toBeCloseTo((100 * (20138 - 5866)) / 20138, 6);
    expect(await succeed(world.anonymous, PUBLISHED, { ccg: LEEDS_NORTH, month: MARCH })).toMatchObject({ id: v2.id, version: 2 });
    expect(await succeed(world.anonymous, PUBLISHED, { ccg: LEEDS_NORTH, month: MARCH, version: 1 })).toMatchObject({ id: report.id, status: 'SUPERSEDED', publiclyReadable: true });
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'PUBLISHED'],
    ]);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'CORRECT_PERFORMANCE_REPORT' AND entity_id = $1`, [v2.id])).toBe(1);
  });

  it('shows a series’ annotations on its other charts to those who may read the report they were made on', async () => {
    const ANNOTATIONS = `query { seriesAnnotations(organisationCode: "RR8", indicatorCode: "AE_4HR_ALL") { period text author reportId } }`;
    const februaryId = (await succeed<{ id: string; month: string }[]>(analyst, REPORTS, { ccg: LEEDS_NORTH })).find((r) => r.month === '2018-02-01')?.id as string;
    const february = (await read(analyst, februaryId)) as Report;
    await mutate<Report>(analyst, ANNOTATE, { reportId: february.id, expectedVersion: february.rowVersion, indicatorCode: 'AE_4HR_ALL', organisationCode: 'RR8', period: '2017-12-01', text: 'Draft note' });
    const published = { period: '2018-01-01', text: 'Winter pressures: flu peak.', author: 'Test leeds-analyst', reportId: report.id };
    const draft = { period: '2017-12-01', text: 'Draft note', author: 'Test leeds-analyst', reportId: february.id };
    for (const client of [world.anonymous, world.sheffieldManager]) expect(await succeed(client, ANNOTATIONS, {})).toEqual([published]);
    expect(await succeed(world.leedsFinance, ANNOTATIONS, {})).toEqual([draft, published]);
  });

  it('keeps the report’s history insert-only for the application role', async () => {
    expect(await count(`SELECT count(*) AS n FROM performance_report_event WHERE report_id = $1`, [report.id])).toBe(14);
    const granted = await world.db.dataSource.query(`SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'ccg_assure_app' AND table_name = 'performance_report_event' ORDER BY 1`);
    expect(granted.map((row: { privilege_type: string }) => row.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('lists a CCG’s reports in the same few SQL statements however many there are (the content is read only when asked for)', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const statementsFor = async (client: TestClient, reports: number) => {
      spy.mockClear();
      const response = await client.graphql<{ performanceReports: unknown[] }>(
        `query($ccg: String!) { performanceReports(ccg: $ccg) { id month version status statusLabel availableActions ccg { name } ccgSignOff { by organisation { code } } higherOrganisation { code } } }`,
        { ccg: LEEDS_NORTH },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.performanceReports).toHaveLength(reports);
      return spy.mock.calls.length;
    };
    try {
      // The higher board reads the two versions the CCG signed; the CCG's staff read those and February's draft too.
      expect(await statementsFor(world.leedsFinance, 3)).toBe(await statementsFor(higher, 2));
    } finally {
      spy.mockRestore();
    }
  });

  it('serves the PDF with its sign-off record: public once published, to the report’s readers before', async () => {
    const cookieOf = (client: TestClient) => (client.lastSetCookie ?? '').split(';')[0];
    const get = (client: TestClient | null, id: string) => fetch(`${world.server.url}/reports/performance-reports/${id}.pdf`, { headers: client ? { cookie: cookieOf(client) } : {} });
    for (const id of [report.id, v2.id]) {
      const response = await get(null, id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const draft = (await succeed<{ id: string; month: string }[]>(analyst, REPORTS, { ccg: LEEDS_NORTH })).find((r) => r.month === '2018-02-01')?.id as string;
    expect((await get(null, draft)).status).toBe(404);
    expect((await get(world.sheffieldManager, draft)).status).toBe(404);
    expect((await get(world.leedsFinance, draft)).status).toBe(200);
    expect((await get(null, 'not-an-id')).status).toBe(404);
  });
});
