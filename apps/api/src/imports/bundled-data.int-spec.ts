import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { findStandard } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import { createLogger } from '../server/logger';
import { graphqlExecutor } from '../testing/graphql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { BUNDLED_FILES, loadBundledData, loadBundledDataOnFirstStart } from './bundled-data';
import { runImport } from './import.service';
import { importKinds } from './kinds';

const workspace = path.resolve(__dirname, '../../../..');
const sharedDataDir = path.resolve(workspace, '../shared/data');
const aeFile = path.join(sharedDataDir, 'ae_attendances.csv');
const actor = { userId: null, username: 'test', requestId: 'test' };
const TABLES = ['organisation', 'organisation_relationship', 'organisation_population', 'indicator', 'period', 'ae_attendance', 'indicator_value'];

describe('first-start load of the bundled NHS data, and the importer', () => {
  let db: TestDatabase;
  let tmp: string;
  let gql: Awaited<ReturnType<typeof graphqlExecutor>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    tmp = await mkdtemp(path.join('/tmp', 'ccg-import-test-'));
    const reports = await loadBundledDataOnFirstStart(db.dataSource, sharedDataDir, createLogger('silent'));
    expect(reports.map((report) => report.outcome)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    gql = await graphqlExecutor(db.dataSource);
  }, 120_000);
  afterAll(async () => {
    await db.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of [...TABLES, 'audit_event']) result[table] = Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return result;
  };
  const importAe = (file: string) => runImport(db.dataSource, { kind: importKinds.ae, fileName: path.basename(file), stream: createReadStream(file), actor });

  it('knows every organisation code in ae_attendances.csv', async () => {
    const codes = [...new Set(readFileSync(aeFile, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[1]))];
    expect(codes).toHaveLength(274);
    const known = await db.dataSource.query(`SELECT code FROM organisation WHERE code = ANY($1)`, [codes]);
    expect(known).toHaveLength(274);
  });

  it('defines the A&E indicators from the domain library\'s standards catalogue (one definition, not a copy)', async () => {
    const result = await gql<{ indicators: { code: string; name: string; unit: string; polarity: string; periodType: string; numeratorDefinition: string }[] }>(
      `{ indicators { code name unit polarity periodType numeratorDefinition } }`,
    );
    expect(result.errors).toBeUndefined();
    for (const code of ['AE_4HR_ALL', 'AE_4HR_TYPE1']) {
      const standard = findStandard(code, '2016-04-01');
      expect(result.data?.indicators.find((indicator) => indicator.code === code)).toEqual({
        code,
        name: standard?.name,
        unit: standard?.unit,
        polarity: standard?.polarity,
        periodType: standard?.periodType,
        numeratorDefinition: standard?.numerator,
      });
    }
  });

  it('gives RR8 (Leeds Teaching Hospitals) 36 monthly AE_4HR_ALL values with numerators and denominators', async () => {
    const result = await gql<{ indicatorValues: { organisation: { name: string }; period: { startDate: string }; numerator: number; denominator: number; value: number }[] }>(
      `{ indicatorValues(indicator: "AE_4HR_ALL", organisations: ["RR8"]) { organisation { name } period { startDate } numerator denominator value } }`,
    );
    expect(result.errors).toBeUndefined();
    const values = result.data?.indicatorValues ?? [];
    expect(values).toHaveLength(36);
    expect(values[0].period.startDate).toBe('2016-04-01');
    expect(values[35].period.startDate).toBe('2019-03-01');
    expect(values[0].organisation.name).toBe('LEEDS TEACHING HOSPITALS NHS TRUST');
    for (const value of values) expect(value.value).toBeCloseTo((value.numerator * 100) / value.denominator, 8);
  });

  it.each([
    ['AE_4HR_ALL', '2016-04-01', '2017-03-01', '89.1'],
    ['AE_4HR_ALL', '2017-04-01', '2018-03-01', '88.3'],
    ['AE_4HR_ALL', '2018-04-01', '2019-03-01', '88.0'],
    ['AE_4HR_TYPE1', '2016-04-01', '2017-03-01', '83.7'],
    ['AE_4HR_TYPE1', '2018-04-01', '2019-03-01', '81.5'],
  ])('rolls %s up for England from %s to %s as %s%% (sums of numerators and denominators)', async (indicator, from, to, expected) => {
    const result = await gql<{ indicatorAggregate: { value: number; periodCount: number; numerator: number; denominator: number } }>(
      `query($i: String!, $from: Date!, $to: Date!) { indicatorAggregate(indicator: $i, from: $from, to: $to) { value periodCount numerator denominator } }`,
      { i: indicator, from, to },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.indicatorAggregate.value.toFixed(1)).toBe(expected);
    expect(result.data?.indicatorAggregate.periodCount).toBe(12);
  });

  it('computes a CCG-style roll-up for named organisations from numerators, not by averaging percentages', async () => {
    const result = await gql<{ indicatorAggregate: { numerator: number; denominator: number; value: number; organisationCount: number } }>(
      `{ indicatorAggregate(indicator: "AE_4HR_ALL", from: "2016-04-01", to: "2016-04-01", organisations: ["RR8", "RAE"]) { numerator denominator value organisationCount } }`,
    );
    const [raw] = await db.dataSource.query(
      `SELECT sum(attendances - breaches)::int AS num, sum(attendances)::int AS den FROM ae_attendance WHERE period_start = '2016-04-01' AND organisation_code IN ('RR8', 'RAE')`,
    );
    expect(result.data?.indicatorAggregate).toMatchObject({ numerator: raw.num, denominator: raw.den, organisationCount: 2 });
    expect(result.data?.indicatorAggregate.value).toBeCloseTo((raw.num * 100) / raw.den, 10);
  });

  it('changes nothing when the same file is imported again (outcome UNCHANGED, every count the same but the history)', async () => {
    const before = await counts();
    const report = await importAe(aeFile);
    expect(report.outcome).toBe('UNCHANGED');
    expect(report.counts).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    const after = await counts();
    expect({ ...after, audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
  });

  it('changes nothing when any bundled file is imported twice in a row, and the whole load is repeatable', async () => {
    const names = () => db.dataSource.query(`SELECT code, name, type FROM organisation ORDER BY code`);
    const namesBefore = await names();
    const before = await counts();
    for (const { kind, file } of BUNDLED_FILES) {
      const once = () => runImport(db.dataSource, { kind: importKinds[kind], fileName: file, stream: createReadStream(path.join(sharedDataDir, file)), actor });
      await once(); // may rename organisations: each ODS snapshot carries its own names
      const afterFirst = await counts();
      const second = await once();
      expect([file, second.outcome, second.counts]).toEqual([file, 'UNCHANGED', { inserted: 0, updated: 0, deleted: 0 }]);
      expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...afterFirst, audit_event: 0 });
    }
    // Loading the files again in first-start order gives back the same organisations and counts.
    await loadBundledData(db.dataSource, sharedDataDir, createLogger('silent'));
    expect(await names()).toEqual(namesBefore);
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
  });

  it('refuses a copy with one bad row: nothing changes and the bad line is named', async () => {
    const lines = readFileSync(aeFile, 'utf8').split('\n');
    lines[5000] = lines[5000].replace(/,(\d+),(\d+),(\d+)$/, ',$1,lots,$3');
    const bad = path.join(tmp, 'ae-bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const before = await counts();
    const report = await importAe(bad);
    expect(report.outcome).toBe('REJECTED');
    expect(report.errors).toEqual([{ line: 5001, reason: 'breaches "lots" is not a whole number' }]);
    const after = await counts();
    expect(after.audit_event).toBe(before.audit_event + 1);
    expect({ ...after, audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
    const [history] = await db.dataSource.query(`SELECT outcome, rows_rejected, errors FROM import_batch ORDER BY id DESC LIMIT 1`);
    expect(history).toMatchObject({ outcome: 'REJECTED', rows_rejected: 1, errors: [{ line: 5001, reason: 'breaches "lots" is not a whole number' }] });
  });

  it('reports a repeated row and a missing column with line numbers', async () => {
    const header = 'period,org_code,type,attendances,breaches,admissions';
    const dup = path.join(tmp, 'ae-dup.csv');
    writeFileSync(dup, `${header}\n2016-04-01,RR8,1,10,1,2\n2016-04-01,RR8,other,5,0,0\n2016-04-01,RR8,1,11,1,2\n`);
    expect((await importAe(dup)).errors).toEqual([{ line: 4, reason: 'repeats line 2 (same period_start, org_code, department_type)' }]);
    const noColumn = path.join(tmp, 'ae-nocol.csv');
    writeFileSync(noColumn, `period,org_code,type,attendances,breaches\n2016-04-01,RR8,1,10,1\n`);
    await expect(importAe(noColumn)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_HEADER_INVALID' });
  });

  it('replaces the values of the months a corrected file contains, and audits each change', async () => {
    const header = 'period,org_code,type,attendances,breaches,admissions';
    const april = readFileSync(aeFile, 'utf8').split('\n').filter((line) => line.startsWith('2016-04-01,'));
    // Correct RR8's type 1 breaches and drop RAE's April rows entirely.
    const corrected = april
      .filter((line) => !line.startsWith('2016-04-01,RAE,'))
      .map((line) => (line.startsWith('2016-04-01,RR8,1,') ? line.replace(/^(2016-04-01,RR8,1,\d+),(\d+),/, (_m, head, breaches) => `${head},${Number(breaches) + 100},`) : line));
    const file = path.join(tmp, 'ae-april-corrected.csv');
    writeFileSync(file, [header, ...corrected].join('\n') + '\n');
    const report = await importAe(file);
    expect(report.outcome).toBe('SUCCEEDED');
    expect(report.counts).toEqual({ inserted: 0, updated: 2, deleted: 2 });
    const audit = await db.dataSource.query(
      `SELECT action, entity_id, before, after FROM audit_event WHERE action IN ('UPDATE_INDICATOR_VALUE', 'DELETE_INDICATOR_VALUE') ORDER BY action, entity_id`,
    );
    expect(audit.map((row: { action: string; entity_id: string }) => `${row.action} ${row.entity_id.split('/').slice(0, 2).join('/')}`)).toEqual([
      'DELETE_INDICATOR_VALUE AE_4HR_ALL/RAE',
      'DELETE_INDICATOR_VALUE AE_4HR_TYPE1/RAE',
      'UPDATE_INDICATOR_VALUE AE_4HR_ALL/RR8',
      'UPDATE_INDICATOR_VALUE AE_4HR_TYPE1/RR8',
    ]);
    const update = audit.find((row: { action: string }) => row.action === 'UPDATE_INDICATOR_VALUE');
    expect(Number(update.before.numerator) - Number(update.after.numerator)).toBe(100);
    // Other months are untouched: RAE still has 35 months.
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM indicator_value WHERE organisation_code = 'RAE' AND indicator_code = 'AE_4HR_ALL'`);
    expect(n).toBe(35);
  });

  it('leaves no partial data when the importer process is killed half-way, and shows the import as INTERRUPTED', async () => {
    // A generated file large enough to be mid-import when killed (values are synthetic, never loaded for real).
    const big = path.join(tmp, 'ae-big.csv');
    await writeGeneratedAeFile(big, 400_000);
    const before = await counts();
    const batchesBefore = Number((await db.dataSource.query(`SELECT count(*) AS n FROM import_batch`))[0].n);
    // Node itself with tsx's loader, not the tsx command: that runs the importer in a grandchild, which SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/imports/import-cli.ts', 'ae', big], {
      cwd: workspace,
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'error', TSX_TSCONFIG_PATH: 'apps/api/tsconfig.app.json' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Wait until the import is staging rows (its COPY) inside its open transaction, then kill it without warning.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ccg-assure-import' AND xact_start IS NOT NULL AND query ILIKE 'COPY staging_ae%'`,
      );
      if (n > 0) break;
      if (Date.now() > deadline) throw new Error('the importer never reached the staging step');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // While it runs, reading the history leaves it RUNNING: its kind's lock is held.
    const analyst = { userId: '00000000-0000-0000-0000-000000000000', username: 'analyst', displayName: 'Analyst', roles: [{ role: Role.ANALYST, organisationCode: 'X24' }] };
    const running = await gql<{ importBatches: { fileName: string; outcome: string }[] }>(`{ importBatches(first: 1) { fileName outcome } }`, {}, analyst);
    expect(running.data?.importBatches).toEqual([{ fileName: 'ae-big.csv', outcome: 'RUNNING' }]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // PostgreSQL rolls the open transaction back when the connection drops.
    for (let i = 0; ; i++) {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ccg-assure-import'`);
      if (n === 0) break;
      if (i === 600) throw new Error('the killed importer still has connections open');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // No data row was kept.
    expect(await counts()).toEqual(before);
    // Its batch row, written before the import's transaction, is in the history as interrupted.
    expect(Number((await db.dataSource.query(`SELECT count(*) AS n FROM import_batch`))[0].n)).toBe(batchesBefore + 1);
    const history = await gql<{ importBatches: { kind: string; fileName: string; outcome: string; inserted: number }[] }>(
      `{ importBatches(first: 1) { kind fileName outcome inserted } }`,
      {},
      analyst,
    );
    expect(history.errors).toBeUndefined();
    expect(history.data?.importBatches).toEqual([{ kind: 'AE', fileName: 'ae-big.csv', outcome: 'INTERRUPTED', inserted: 0 }]);
    // Marking it interrupted is the one change since, and it is audited.
    expect(await counts()).toEqual({ ...before, audit_event: before.audit_event + 1 });
    const [audit] = await db.dataSource.query(`SELECT action, entity_type FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ action: 'IMPORT_INTERRUPTED', entity_type: 'import_batch' });
  }, 120_000);
});

/** Synthetic A&E rows in the real file's shape: organisation codes G0001..., months from 2016. */
export function writeGeneratedAeFile(file: string, rows: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    out.write('period,org_code,type,attendances,breaches,admissions\n');
    const types = ['1', '2', 'other'];
    let i = 0;
    const writeMore = () => {
      let ok = true;
      while (i < rows && ok) {
        const month = i % 36;
        const org = Math.floor(i / 108);
        const period = `${2016 + Math.floor((month + 3) / 12)}-${String(((month + 3) % 12) + 1).padStart(2, '0')}-01`;
        const attendances = 1000 + ((i * 7919) % 9000);
        ok = out.write(`${period},G${String(org).padStart(5, '0')},${types[Math.floor(i / 36) % 3]},${attendances},${(i * 31) % 500},${(i * 17) % 300}\n`);
        i++;
      }
      if (i < rows) out.once('drain', writeMore);
      else out.end(resolve);
    };
    writeMore();
  });
}
