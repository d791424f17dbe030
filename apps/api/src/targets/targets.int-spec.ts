import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server';

// Standards, local targets, trajectories and baselines through GraphQL (issue 18 points 2 and 3; decision 0030), on a
// real database with the real A&E rows of RR8 (Leeds Teaching Hospitals) from April 2017 to March 2019: every query and
// mutation, each role, refusals with their typed reasons, the audit rows, and the scorecard following each change.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const [aeHeader, ...aeLines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const rr8Rows = aeLines.filter((line) => line.split(',')[1] === 'RR8' && line >= '2017-04-01' && line < '2019-04-01');

type Errors = { errors?: { extensions?: { code?: string; reason?: string; details?: { fields?: string[] } } }[] };
const refusal = (response: Errors) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.reason];
const refusedFields = (response: Errors) => response.errors?.[0]?.extensions?.details?.fields;

const STANDARDS = `{ standards { code financialYear validFrom validTo threshold unit polarity zeroTolerance reason source sourceText } }`;
const SET_STANDARD = `mutation($input: SetStandardThresholdInput!) { setStandardThreshold(input: $input) { code financialYear validFrom validTo threshold reason } }`;
const SET_LOCAL = `mutation($input: SetLocalTargetInput!) { setLocalTarget(input: $input) { organisationCode indicatorCode effectiveFrom target agreedBy reason } }`;
const REMOVE_LOCAL = `mutation($input: RemoveLocalTargetInput!) { removeLocalTarget(input: $input) }`;
const LOCALS = `query($series: SeriesKeyInput!) { localTargets(series: $series) { effectiveFrom target agreedBy reason } }`;
const SET_TRAJECTORY = `mutation($input: SetTrajectoryInput!) { setTrajectory(input: $input) { agreedBy months { period value } } }`;
const TRAJECTORY = `query($series: SeriesKeyInput!) { trajectory(series: $series) { organisationCode indicatorCode agreedBy months { period value } } }`;
const SET_BASELINE = `mutation($input: SetSeriesBaselineInput!) { setSeriesBaseline(input: $input) { fixAfterNPoints fixReason rebases { rebaseDate reason } } }`;
const RECORD_REBASE = `mutation($input: SeriesRebaseInput!) { recordRebase(input: $input) { fixAfterNPoints rebases { rebaseDate reason } } }`;
const REMOVE_REBASE = `mutation($input: SeriesRebaseInput!) { removeRebase(input: $input) { rebases { rebaseDate } } }`;
const BASELINE = `query($series: SeriesKeyInput!) { seriesBaseline(series: $series) { organisationCode indicatorCode fixAfterNPoints fixReason rebases { rebaseDate reason } } }`;
const SCORECARD = `query($asOf: Date) { providerScorecard(code: "RR8", asOf: $asOf) { indicators { indicator { code } target targetSource rag assuranceType fixAfterNPoints
  standard { threshold validFrom validTo } series { period target mean upperProcessLimit rebaseGroup } } } }`;

type ScorecardIndicator = {
  indicator: { code: string };
  target: number | null;
  targetSource: string | null;
  rag: string | null;
  assuranceType: string | null;
  fixAfterNPoints: number | null;
  standard: { threshold: number; validFrom: string; validTo: string | null } | null;
  series: { period: string; target: number | null; mean: number; upperProcessLimit: number | null; rebaseGroup: number }[];
};

describe('standards, local targets, trajectories and baselines', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let otherManager: TestClient;
  let analyst: TestClient;
  let finance: TestClient;
  let anonymous: TestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const [code, name] of [
      ['02V', 'NHS LEEDS NORTH CCG'],
      ['03N', 'NHS SHEFFIELD CCG'],
    ]) {
      await insertOrganisation(db.dataSource, code, name);
    }
    await insertOrganisation(db.dataSource, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await insertOrganisation(db.dataSource, 'X24', 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'rr8.csv',
      stream: Readable.from([Buffer.from([aeHeader, ...rr8Rows].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'targets-test' },
    });
    expect(report.outcome).toBe('SUCCEEDED');
    await insertUser(db.dataSource, 'admin', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
    await insertUser(db.dataSource, 'manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '02V' }]);
    await insertUser(db.dataSource, 'other-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '03N' }]);
    await insertUser(db.dataSource, 'analyst', [{ role: Role.ANALYST, organisationCode: '03N' }]);
    await insertUser(db.dataSource, 'finance', [{ role: Role.FINANCE_OFFICER, organisationCode: '02V' }]);
    server = await startTestServer(db.dataSource);
    [admin, manager, otherManager, analyst, finance] = await Promise.all(['admin', 'manager', 'other-manager', 'analyst', 'finance'].map((name) => server.signedInClient(name)));
    anonymous = server.client();
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const scorecard = async (asOf: string | null = null) =>
    ((await anonymous.graphql<{ providerScorecard: { indicators: ScorecardIndicator[] } }>(SCORECARD, { asOf })).data?.providerScorecard.indicators ?? []).find((i) => i.indicator.code === 'AE_4HR_ALL') as ScorecardIndicator;
  const audit = async (action: string) => db.dataSource.query<{ entity_id: string; before: unknown; after: Record<string, unknown> }[]>(`SELECT entity_id, before, after FROM audit_event WHERE action = $1 ORDER BY occurred_at`, [action]);
  const rr8 = { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL' };

  it('seeds the eleven standards from 2013/14 as the domain held them, readable by anyone', async () => {
    const response = await anonymous.graphql<{ standards: { code: string; financialYear: string; validFrom: string; validTo: string | null; threshold: number; zeroTolerance: boolean; reason: string | null }[] }>(STANDARDS);
    const standards = response.data?.standards ?? [];
    expect(standards).toHaveLength(11);
    expect(standards.every((s) => s.validFrom === '2013-04-01' && s.financialYear === '2013/14' && s.validTo === null && s.reason === null)).toBe(true);
    expect(standards.find((s) => s.code === 'AE_4HR_ALL')).toMatchObject({ threshold: 95, zeroTolerance: false });
    expect(standards.find((s) => s.code === 'DIAGNOSTICS_6WK')).toMatchObject({ threshold: 1 });
  });

  it('an administrator sets the A&E standard for 2018/19: a new version, audited, and the scorecard’s RAG, target and assurance follow', async () => {
    const before = await scorecard();
    expect([before.target, before.targetSource, before.standard?.threshold]).toEqual([95, 'STANDARD', 95]);
    const response = await admin.graphql<{ setStandardThreshold: Record<string, unknown> }>(SET_STANDARD, { input: { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 80, reason: 'Refreshed planning guidance' } });
    expect(response.errors).toBeUndefined();
    expect(response.data?.setStandardThreshold).toEqual({ code: 'AE_4HR_ALL', financialYear: '2018/19', validFrom: '2018-04-01', validTo: null, threshold: 80, reason: 'Refreshed planning guidance' });
    const versions = (await anonymous.graphql<{ standards: { code: string; validFrom: string; validTo: string | null; threshold: number }[] }>(STANDARDS)).data?.standards.filter((s) => s.code === 'AE_4HR_ALL');
    expect(versions?.map((v) => [v.validFrom, v.validTo, v.threshold])).toEqual([
      ['2013-04-01', '2018-03-31', 95],
      ['2018-04-01', null, 80],
    ]);
    const after = await scorecard();
    expect([after.target, after.targetSource, after.standard?.threshold, after.standard?.validFrom]).toEqual([80, 'STANDARD', 80, '2018-04-01']);
    // RR8 runs about 85-90% in 2018/19: RED against 95%, GREEN against 80%; the assurance is read against 80 at the latest point.
    expect([before.rag, after.rag]).toEqual(['RED', 'GREEN']);
    expect(after.assuranceType).not.toBe(before.assuranceType);
    expect(after.series.find((p) => p.period === '2018-03-01')?.target).toBe(95);
    expect(after.series.find((p) => p.period === '2018-04-01')?.target).toBe(80);
    // As at March 2018 nothing changed.
    expect((await scorecard('2018-03-31')).target).toBe(95);
    // Setting the same year again changes that version in place.
    await admin.graphql(SET_STANDARD, { input: { code: 'AE_4HR_ALL', financialYear: '2018-19', threshold: 95, reason: 'Back to the constitutional standard' } });
    expect((await scorecard()).rag).toBe('RED');
    const rows = await audit('SET_STANDARD_THRESHOLD');
    expect(rows.map((row) => [row.entity_id, row.after.threshold])).toEqual([
      ['AE_4HR_ALL|2018-04-01', 80],
      ['AE_4HR_ALL|2018-04-01', 95],
    ]);
  });

  it.each([
    ['a threshold over 100%', { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 100.5, reason: 'x' }, 'BAD_USER_INPUT', 'TARGET_OUT_OF_RANGE', 'threshold'],
    ['a negative threshold', { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: -1, reason: 'x' }, 'BAD_USER_INPUT', 'TARGET_OUT_OF_RANGE', 'threshold'],
    ['five decimal places', { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 92.12345, reason: 'x' }, 'BAD_USER_INPUT', 'TARGET_OUT_OF_RANGE', 'threshold'],
    ['a year that is not one', { code: 'AE_4HR_ALL', financialYear: '2018/20', threshold: 90, reason: 'x' }, 'BAD_USER_INPUT', 'INVALID_FINANCIAL_YEAR', 'financialYear'],
    ['no reason', { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 90, reason: '  ' }, 'BAD_USER_INPUT', 'REASON_REQUIRED', 'reason'],
    ['an unknown standard', { code: 'NOT_A_STANDARD', financialYear: '2018/19', threshold: 90, reason: 'x' }, 'NOT_FOUND', 'STANDARD_NOT_FOUND', 'code'],
    ['a zero tolerance', { code: 'TROLLEY_12HR_WAITS', financialYear: '2018/19', threshold: 3, reason: 'x' }, 'BAD_USER_INPUT', 'ZERO_TOLERANCE_STANDARD', 'threshold'],
  ])('refuses %s', async (_case, input, code, reason, field) => {
    const response = await admin.graphql(SET_STANDARD, { input });
    expect(refusal(response as Errors)).toEqual([code, reason]);
    expect(refusedFields(response as Errors)).toEqual([field]);
  });

  it('only an administrator sets a standard', async () => {
    for (const client of [manager, analyst, finance]) expect(refusal(await client.graphql(SET_STANDARD, { input: { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 90, reason: 'x' } }))[0]).toBe('FORBIDDEN');
    expect(refusal(await anonymous.graphql(SET_STANDARD, { input: { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 90, reason: 'x' } }))[0]).toBe('UNAUTHENTICATED');
  });

  it('a commissioning manager agrees a local target for the provider on behalf of their CCG; RAG and the chart follow; others are refused', async () => {
    const input = { ...rr8, ccgCode: '02V', effectiveFrom: '2018-10-01', target: 86, reason: 'Agreed at the October contract review' };
    const response = await manager.graphql<{ setLocalTarget: Record<string, unknown> }>(SET_LOCAL, { input });
    expect(response.errors).toBeUndefined();
    expect(response.data?.setLocalTarget).toEqual({ ...rr8, effectiveFrom: '2018-10-01', target: 86, agreedBy: '02V', reason: 'Agreed at the October contract review' });
    expect((await anonymous.graphql<{ localTargets: unknown[] }>(LOCALS, { series: rr8 })).data?.localTargets).toEqual([{ effectiveFrom: '2018-10-01', target: 86, agreedBy: '02V', reason: 'Agreed at the October contract review' }]);
    const after = await scorecard();
    expect([after.target, after.targetSource]).toEqual([86, 'LOCAL_TARGET']);
    expect(after.series.find((p) => p.period === '2018-09-01')?.target).toBe(95);
    expect(after.series.find((p) => p.period === '2018-10-01')?.target).toBe(86);
    expect(await audit('SET_LOCAL_TARGET')).toEqual([{ entity_id: 'RR8|AE_4HR_ALL|2018-10-01', before: null, after: { target: 86, agreedBy: '02V', reason: 'Agreed at the October contract review' } }]);

    expect(refusal(await otherManager.graphql(SET_LOCAL, { input }))).toEqual(['FORBIDDEN', 'NOT_PERMITTED']);
    // Naming their own CCG, another CCG's commissioning manager still cannot replace or remove what 02V agreed.
    expect(refusal(await otherManager.graphql(SET_LOCAL, { input: { ...input, ccgCode: '03N' } }))).toEqual(['FORBIDDEN', 'AGREED_BY_ANOTHER_CCG']);
    expect(refusal(await otherManager.graphql(REMOVE_LOCAL, { input: { ...rr8, ccgCode: '03N', effectiveFrom: '2018-10-01', reason: 'x' } }))).toEqual(['FORBIDDEN', 'AGREED_BY_ANOTHER_CCG']);
    expect(refusal(await analyst.graphql(SET_LOCAL, { input }))[0]).toBe('FORBIDDEN');
    expect(refusal(await admin.graphql(SET_LOCAL, { input }))[0]).toBe('FORBIDDEN');
  });

  it.each([
    ['a day that is not a month start', { effectiveFrom: '2018-10-02' }, 'BAD_USER_INPUT', 'NOT_A_MONTH_START', 'effectiveFrom'],
    ['a percentage over 100', { target: 101 }, 'BAD_USER_INPUT', 'TARGET_OUT_OF_RANGE', 'target'],
    ['no reason', { reason: '' }, 'BAD_USER_INPUT', 'REASON_REQUIRED', 'reason'],
    ['an unknown provider', { organisationCode: 'ZZZ' }, 'NOT_FOUND', 'ORGANISATION_NOT_FOUND', 'organisationCode'],
    ['an unknown indicator', { indicatorCode: 'NOPE' }, 'NOT_FOUND', 'INDICATOR_NOT_FOUND', 'indicatorCode'],
  ])('refuses a local target with %s', async (_case, change, code, reason, field) => {
    const response = await manager.graphql(SET_LOCAL, { input: { ...rr8, ccgCode: '02V', effectiveFrom: '2018-11-01', target: 88, reason: 'x', ...change } });
    expect(refusal(response as Errors)).toEqual([code, reason]);
    expect(refusedFields(response as Errors)).toEqual([field]);
  });

  it('a commissioning manager sets a trajectory that slopes month by month; it outranks the local target; removing it restores it', async () => {
    const months = [{ period: '2018-12-01', value: 87 }, { period: '2019-01-01', value: 88 }, { period: '2019-02-01', value: 89 }, { period: '2019-03-01', value: 90 }];
    const response = await manager.graphql<{ setTrajectory: unknown }>(SET_TRAJECTORY, { input: { ...rr8, ccgCode: '02V', reason: 'Winter recovery trajectory', months } });
    expect(response.errors).toBeUndefined();
    expect((await anonymous.graphql<{ trajectory: unknown }>(TRAJECTORY, { series: rr8 })).data?.trajectory).toEqual({ ...rr8, agreedBy: '02V', months });
    const after = await scorecard();
    expect([after.target, after.targetSource]).toEqual([90, 'TRAJECTORY']);
    expect(after.series.slice(-5).map((p) => p.target)).toEqual([86, 87, 88, 89, 90]);

    for (const [months, reason] of [
      [[{ period: '2019-01-15', value: 1 }], 'NOT_A_MONTH_START'],
      [[{ period: '2019-01-01', value: 1 }, { period: '2019-01-01', value: 2 }], 'DUPLICATE_MONTH'],
      [[{ period: '2019-01-01', value: 150 }], 'TARGET_OUT_OF_RANGE'],
    ] as const) {
      expect(refusal(await manager.graphql(SET_TRAJECTORY, { input: { ...rr8, ccgCode: '02V', reason: 'x', months } }))).toEqual(['BAD_USER_INPUT', reason]);
    }
    expect(refusal(await otherManager.graphql(SET_TRAJECTORY, { input: { ...rr8, ccgCode: '02V', reason: 'x', months: [] } }))[0]).toBe('FORBIDDEN');
    expect(refusal(await otherManager.graphql(SET_TRAJECTORY, { input: { ...rr8, ccgCode: '03N', reason: 'x', months: [] } }))).toEqual(['FORBIDDEN', 'AGREED_BY_ANOTHER_CCG']);
    expect(refusal(await finance.graphql(SET_TRAJECTORY, { input: { ...rr8, ccgCode: '02V', reason: 'x', months: [] } }))[0]).toBe('FORBIDDEN');

    await manager.graphql(SET_TRAJECTORY, { input: { ...rr8, ccgCode: '02V', reason: 'Withdrawn', months: [] } });
    expect((await anonymous.graphql<{ trajectory: { months: unknown[]; agreedBy: string | null } }>(TRAJECTORY, { series: rr8 })).data?.trajectory).toMatchObject({ agreedBy: null, months: [] });
    expect((await scorecard()).targetSource).toBe('LOCAL_TARGET');
    expect((await audit('SET_TRAJECTORY')).map((row) => (row.after.months as unknown[]).length)).toEqual([4, 0]);

    expect(refusal(await manager.graphql(REMOVE_LOCAL, { input: { ...rr8, ccgCode: '02V', effectiveFrom: '2018-11-01', reason: 'x' } }))).toEqual(['NOT_FOUND', 'LOCAL_TARGET_NOT_FOUND']);
    expect((await manager.graphql<{ removeLocalTarget: boolean }>(REMOVE_LOCAL, { input: { ...rr8, ccgCode: '02V', effectiveFrom: '2018-10-01', reason: 'Superseded' } })).data?.removeLocalTarget).toBe(true);
    expect((await scorecard()).targetSource).toBe('STANDARD');
  });

  it('an analyst (of any CCG) or an administrator fixes the limits after the first 12 points and records rebases with reasons; the chart follows', async () => {
    const unfixed = await scorecard();
    const fixed = await analyst.graphql<{ setSeriesBaseline: unknown }>(SET_BASELINE, { input: { ...rr8, fixAfterNPoints: 12, reason: 'The 2017/18 year as the baseline' } });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data?.setSeriesBaseline).toEqual({ fixAfterNPoints: 12, fixReason: 'The 2017/18 year as the baseline', rebases: [] });
    const afterFix = await scorecard();
    expect(afterFix.fixAfterNPoints).toBe(12);
    expect(afterFix.series.every((p) => p.mean === afterFix.series[0].mean)).toBe(true);
    expect(afterFix.series[0].mean).not.toBe(unfixed.series[0].mean);

    const rebased = await admin.graphql<{ recordRebase: { rebases: unknown[] } }>(RECORD_REBASE, { input: { ...rr8, rebaseDate: '2018-04-01', reason: 'New streaming at the front door' } });
    expect(rebased.data?.recordRebase).toEqual({ fixAfterNPoints: 12, rebases: [{ rebaseDate: '2018-04-01', reason: 'New streaming at the front door' }] });
    const afterRebase = await scorecard();
    expect(afterRebase.series.map((p) => p.rebaseGroup)).toEqual([...Array(12).fill(0), ...Array(12).fill(1)]);
    expect((await anonymous.graphql<{ seriesBaseline: unknown }>(BASELINE, { series: rr8 })).data?.seriesBaseline).toEqual({
      ...rr8,
      fixAfterNPoints: 12,
      fixReason: 'The 2017/18 year as the baseline',
      rebases: [{ rebaseDate: '2018-04-01', reason: 'New streaming at the front door' }],
    });

    expect(refusal(await analyst.graphql(RECORD_REBASE, { input: { ...rr8, rebaseDate: '2018-04-01', reason: 'again' } }))).toEqual(['CONFLICT', 'REBASE_EXISTS']);
    expect(refusal(await analyst.graphql(RECORD_REBASE, { input: { ...rr8, rebaseDate: '2020-04-01', reason: 'x' } }))).toEqual(['BAD_USER_INPUT', 'REBASE_NOT_A_PERIOD']);
    expect(refusal(await analyst.graphql(RECORD_REBASE, { input: { ...rr8, rebaseDate: '2018-04-02', reason: 'x' } }))).toEqual(['BAD_USER_INPUT', 'NOT_A_MONTH_START']);
    expect(refusal(await analyst.graphql(RECORD_REBASE, { input: { ...rr8, rebaseDate: '2018-05-01', reason: ' ' } }))).toEqual(['BAD_USER_INPUT', 'REASON_REQUIRED']);
    expect(refusal(await analyst.graphql(SET_BASELINE, { input: { ...rr8, fixAfterNPoints: 11, reason: 'x' } }))).toEqual(['BAD_USER_INPUT', 'SPC_INVALID_FIX_AFTER_N_POINTS']);
    for (const client of [manager, finance]) expect(refusal(await client.graphql(RECORD_REBASE, { input: { ...rr8, rebaseDate: '2018-05-01', reason: 'x' } }))[0]).toBe('FORBIDDEN');
    expect(refusal(await anonymous.graphql(SET_BASELINE, { input: { ...rr8, fixAfterNPoints: 12, reason: 'x' } }))[0]).toBe('UNAUTHENTICATED');

    expect(refusal(await analyst.graphql(REMOVE_REBASE, { input: { ...rr8, rebaseDate: '2018-05-01', reason: 'x' } }))).toEqual(['NOT_FOUND', 'REBASE_NOT_FOUND']);
    expect((await analyst.graphql<{ removeRebase: { rebases: unknown[] } }>(REMOVE_REBASE, { input: { ...rr8, rebaseDate: '2018-04-01', reason: 'Wrong month' } })).data?.removeRebase.rebases).toEqual([]);
    await analyst.graphql(SET_BASELINE, { input: { ...rr8, fixAfterNPoints: null, reason: 'Unfixed' } });
    expect(await scorecard()).toEqual(unfixed);
    expect((await audit('RECORD_REBASE')).length + (await audit('REMOVE_REBASE')).length + (await audit('SET_SERIES_BASELINE')).length).toBe(4);
  });

  it('spcAnalysis fixes limits after n points as the stored scores do', async () => {
    const points = Array.from({ length: 14 }, (_, i) => ({ period: `2019-${String((i % 12) + 1).padStart(2, '0')}-01`.replace('2019', String(2019 + Math.floor(i / 12))), value: i < 12 ? 90 + (i % 2) : 99 }));
    const response = await anonymous.graphql<{ spcAnalysis: { points: { mean: number; target: number | null }[] } }>(
      `query($input: SpcInput!) { spcAnalysis(input: $input) { points { mean target } } }`,
      { input: { points, improvementDirection: 'INCREASE', target: 95, fixAfterNPoints: 12 } },
    );
    expect(response.data?.spcAnalysis.points.every((p) => p.mean === 90.5 && p.target === 95)).toBe(true);
  });
});
