import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { readCsv } from './csv-reader';
import { runImport } from './import.service';
import { importKinds } from './kinds';
import { copyTextValue, CopyWriter } from '../scores/copy-writer';
import { createTemporaryTable, stagingTable, startStagingCopy } from './staging.queries';

const actor = { userId: null, username: 'test', requestId: 'staging-copy-test' };
const AE_HEADER = 'period,org_code,type,attendances,breaches,admissions';

/** A table to stage free text in, as an import kind's staging table is declared. */
const textStaging = stagingTable({
  table: 'staging_copy_test',
  columns: [
    { name: 'a', sqlType: 'text' },
    { name: 'b', sqlType: 'text' },
    { name: 'n', sqlType: 'integer' },
  ],
  uniqueKey: ['a'],
});

/** Synthetic A&E rows (organisation codes G00000...; never loaded for real): 36 months of 3 types per organisation. */
function aeRows(count: number): string[] {
  const types = ['1', '2', 'other'];
  return Array.from({ length: count }, (_, i) => {
    const month = i % 36;
    const period = `${2016 + Math.floor((month + 3) / 12)}-${String(((month + 3) % 12) + 1).padStart(2, '0')}-01`;
    return `${period},G${String(Math.floor(i / 108)).padStart(5, '0')},${types[Math.floor(i / 36) % 3]},${1000 + ((i * 7919) % 9000)},${(i * 31) % 500},${(i * 17) % 300}`;
  });
}

describe('staging rows with COPY FROM STDIN (decision 0033)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of ['organisation', 'period', 'ae_attendance', 'indicator_value', 'series_score', 'audit_event']) {
      result[table] = Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    }
    return result;
  };
  const importAe = (lines: string[], fileName = 'ae.csv') =>
    runImport(db.dataSource, { kind: importKinds.ae, fileName, stream: Readable.from([`${[AE_HEADER, ...lines].join('\n')}\n`]), actor });

  it('writes NULL as \\N and escapes backslashes, tabs, line feeds and carriage returns in COPY text', () => {
    expect(copyTextValue(null)).toBe('\\N');
    expect(copyTextValue(42)).toBe('42');
    expect(copyTextValue(0.1)).toBe('0.1');
    expect(copyTextValue(Number.NaN)).toBe('\\N');
    expect(copyTextValue(true)).toBe('t');
    expect(copyTextValue('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyTextValue('\\N')).toBe('\\\\N');
    expect(copyTextValue('plain, "quoted"')).toBe('plain, "quoted"');
  });

  it('stages values with commas, quotes, tabs, backslashes, line breaks and non-ASCII text exactly as the CSV reader read them', async () => {
    const csv = [
      'a,b,n',
      '"one, two","say ""hi""",1',
      '"tab\there","back\\slash \\N \\. \\\\",2',
      '"line\nbreak","crlf\r\ninside",3',
      'é ü 漢字 🙂,lone\rcr,4',
      '\\.,,5',
      '',
    ].join('\r\n');
    const rows: { line: number; cells: string[] }[] = [];
    for await (const row of readCsv(Readable.from([Buffer.from(csv, 'utf8')]))) if (row.line > 1) rows.push(row);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 7, 8]);

    const queryRunner = db.dataSource.createQueryRunner();
    const client = (await queryRunner.connect()) as PoolClient;
    try {
      await queryRunner.startTransaction();
      await createTemporaryTable(queryRunner.manager, textStaging);
      const copy = new CopyWriter(startStagingCopy(client, textStaging));
      for (const row of rows) copy.add([row.line, row.cells[0], row.cells[1] === '' ? null : row.cells[1], Number(row.cells[2])]);
      await copy.end();
      const staged: { line: number; a: string; b: string | null; n: number }[] = await queryRunner.query(`SELECT line, a, b, n FROM staging_copy_test ORDER BY line`);
      expect(staged).toEqual([
        { line: 2, a: 'one, two', b: 'say "hi"', n: 1 },
        { line: 3, a: 'tab\there', b: 'back\\slash \\N \\. \\\\', n: 2 },
        { line: 4, a: 'line\nbreak', b: 'crlf\r\ninside', n: 3 },
        { line: 7, a: 'é ü 漢字 🙂', b: 'lone\rcr', n: 4 },
        { line: 8, a: '\\.', b: null, n: 5 },
      ]);
      expect(staged.map((row) => [row.a, row.b ?? ''])).toEqual(rows.map((row) => [row.cells[0], row.cells[1]]));
    } finally {
      await queryRunner.rollbackTransaction();
      await queryRunner.release();
    }
  });

  it('stages many chunks and reports a bad value late in the file by its line, keeping nothing', async () => {
    const before = await counts();
    const lines = aeRows(20_000);
    lines[17_000] = lines[17_000].replace(/,(\d+),(\d+),(\d+)$/, ',$1,$1$1,$3');
    const report = await importAe(lines, 'ae-late-bad.csv');
    expect(report.outcome).toBe('REJECTED');
    expect(report.rowsRead).toBe(20_000);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ line: 17_002 });
    expect(report.errors[0].reason).toMatch(/^breaches \(\d+\) exceed attendances \(\d+\)$/);
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
  });

  it('cancels the COPY when the file turns out not to be CSV half-way, keeps nothing, names the line, and the next import runs', async () => {
    const before = await counts();
    const lines = aeRows(20_000);
    lines[15_000] = `${lines[15_000]},"never closed`;
    await expect(importAe(lines, 'ae-broken.csv')).rejects.toMatchObject({ reason: 'IMPORT_CSV_INVALID', message: 'Line 15002: a quoted field is never closed (a " is missing).' });
    expect({ ...(await counts()), audit_event: 0 }).toEqual({ ...before, audit_event: 0 });
    const [history] = await db.dataSource.query(`SELECT outcome, errors FROM import_batch ORDER BY id DESC LIMIT 1`);
    expect(history).toMatchObject({ outcome: 'REJECTED', errors: [{ line: 15002 }] });
    // The pool's connections are all usable: a good file imports next.
    expect((await importAe(aeRows(300), 'ae-small.csv')).outcome).toBe('SUCCEEDED');
  });

  it('imports a file of many chunks all or nothing, and a second import of it changes nothing and audits only itself', async () => {
    const lines = aeRows(12_000);
    const first = await importAe(lines, 'ae-12k.csv');
    expect(first.outcome).toBe('SUCCEEDED');
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ae_attendance WHERE organisation_code LIKE 'G%'`);
    expect(n).toBe(12_000);
    const before = await counts();
    const lastAudit = Number((await db.dataSource.query(`SELECT max(id) AS id FROM audit_event`))[0].id);
    const second = await importAe(lines, 'ae-12k.csv');
    expect(second.outcome).toBe('UNCHANGED');
    expect(second.counts).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(await counts()).toEqual({ ...before, audit_event: before.audit_event + 1 });
    const audits = await db.dataSource.query(`SELECT action, entity_type FROM audit_event WHERE id > $1`, [lastAudit]);
    expect(audits).toEqual([{ action: 'IMPORT_AE', entity_type: 'import_batch' }]);
  });
});
