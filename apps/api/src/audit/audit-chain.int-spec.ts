import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { recordAudit, verifyAuditChain } from './audit.service';
import { Role } from '../auth/role';
import { AppError } from '../server/app-error';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { migrate } from '../database/data-source';
import { graphqlExecutor } from '../testing/graphql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// Issue 13, point 5: each audit row carries a hash chained to the previous row, so a change made by someone
// who can switch the append-only trigger off (the owner or a superuser: `db.ownerDataSource`) is detected at its link.

let db: TestDatabase;
const actor = { userId: null, username: 'tester', requestId: 'req-chain' };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const writeEvents = (count: number, label: string) =>
  db.dataSource.transaction(async (manager) => {
    for (let index = 0; index < count; index++) {
      await recordAudit(manager, actor, { action: 'CHAIN_TEST', entityType: 'thing', entityId: `${label}-${index}`, after: { index, label: `£${label} – é` } });
    }
  });
const chainRows = async () =>
  (await db.dataSource.query(`SELECT id, chain_position, row_hash FROM audit_event ORDER BY chain_position NULLS LAST, id`)) as { id: string; chain_position: string | null; row_hash: Buffer | null }[];
/** Runs SQL as the owner with the append-only trigger off, as an attacker with those rights would. */
const tamper = (sql: string, params: unknown[] = []) =>
  db.ownerDataSource.transaction(async (manager) => {
    await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete`);
    await manager.query(sql, params);
    await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete`);
  });
const verify = () => verifyAuditChain(db.dataSource.manager);
/** Empties the trail as the owner (triggers off) and writes six fresh, chained events. */
async function freshTrail() {
  await db.ownerDataSource.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_truncate`);
  await db.ownerDataSource.query(`TRUNCATE audit_event RESTART IDENTITY`);
  await db.ownerDataSource.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_truncate`);
  await writeEvents(6, 'b');
}

describe('the audit hash chain', () => {
  it('numbers rows 1, 2, 3 ... and hashes each as sha256(previous hash || canonical text), including rows written in one statement', async () => {
    await writeEvents(3, 'a');
    await db.dataSource.query(
      `INSERT INTO audit_event (action, entity_type, entity_id) SELECT 'CHAIN_TEST', 'thing', 'bulk-' || n FROM generate_series(1, 3) AS n`,
    );
    const rows = await chainRows();
    expect(rows.map((row) => row.chain_position)).toEqual(rows.map((_row, index) => String(index + 1)));
    // Recomputed outside the database from the canonical text, with Node's own sha256.
    const texts = (await db.dataSource.query(`SELECT audit_event_canonical(a) AS text FROM audit_event a ORDER BY chain_position`)) as { text: string }[];
    let previous = Buffer.alloc(0);
    for (const [index, row] of rows.entries()) {
      previous = createHash('sha256').update(Buffer.concat([previous, Buffer.from(texts[index].text, 'utf8')])).digest();
      expect(row.row_hash?.equals(previous)).toBe(true);
    }
  });

  it('ignores a position and hash the writer supplies: the trigger sets both', async () => {
    await db.dataSource.query(`INSERT INTO audit_event (action, entity_type, entity_id, chain_position, row_hash) VALUES ('CHAIN_TEST', 'thing', 'forged', 1, '\\x00')`);
    const rows = await chainRows();
    const last = rows[rows.length - 1];
    expect(last.chain_position).toBe(String(rows.length));
    expect(last.row_hash?.length).toBe(32);
  });

  it('verifies an intact chain and reports its head', async () => {
    const result = await verify();
    const rows = await chainRows();
    expect(result).toEqual({
      intact: true,
      rowsChecked: String(rows.length),
      headPosition: String(rows.length),
      headHash: rows[rows.length - 1].row_hash?.toString('hex'),
      firstBreak: null,
    });
  });

  it('names an altered row at its own position, and nothing before it', async () => {
    const target = (await chainRows())[2];
    await tamper(`UPDATE audit_event SET after = '{"index": 99}' WHERE id = $1`, [target.id]);
    expect(await verify()).toMatchObject({
      intact: false,
      firstBreak: { kind: 'ALTERED', position: '3', eventId: target.id, message: expect.stringContaining(`event ${target.id} at position 3`) },
    });
  });
});

describe('the audit hash chain, tampered', () => {
  // Each case on a fresh trail: the table is rebuilt by the superuser between cases.
  beforeEach(async () => {
    await freshTrail();
    expect((await verify()).intact).toBe(true);
  });

  it('stays one unbroken chain when many transactions write audit rows at once', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, writer) => writeEvents(3, `writer-${writer}`)));
    const rows = await chainRows();
    expect(rows.map((row) => row.chain_position)).toEqual(rows.map((_row, index) => String(index + 1)));
    expect(await verify()).toMatchObject({ intact: true, rowsChecked: '36' });
  });

  it('names a deleted row: the position missing and the event after the gap', async () => {
    const rows = await chainRows();
    await tamper(`DELETE FROM audit_event WHERE id = $1`, [rows[3].id]);
    expect((await verify()).firstBreak).toEqual({
      kind: 'DELETED',
      position: '4',
      eventId: rows[4].id,
      message: `Deleted: position 4 is missing before event ${rows[4].id} (position 5).`,
    });
  });

  it('names the first of several deleted rows, and a deleted first row', async () => {
    const rows = await chainRows();
    await tamper(`DELETE FROM audit_event WHERE id = ANY($1)`, [[rows[0].id, rows[4].id]]);
    expect((await verify()).firstBreak).toMatchObject({ kind: 'DELETED', position: '1', eventId: rows[1].id });
  });

  it('names a row forged with the triggers off (session_replication_role = replica) as inserted out of chain', async () => {
    const forged = await db.ownerDataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      const [row] = await manager.query(`INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('SIGN_IN', 'session', 'forged') RETURNING id`);
      return row.id as string;
    });
    await writeEvents(1, 'after-forgery');
    expect((await verify()).firstBreak).toMatchObject({ kind: 'INSERTED_OUT_OF_CHAIN', position: null, eventId: forged });
  });

  it('names a row forged with a position and a made-up hash at that position', async () => {
    const rows = await chainRows();
    const forged = await db.ownerDataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain`);
      const [row] = await manager.query(
        `INSERT INTO audit_event (action, entity_type, entity_id, chain_position, row_hash) VALUES ('SIGN_IN', 'session', 'forged', 7, $1) RETURNING id`,
        [rows[5].row_hash],
      );
      await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain`);
      return row.id as string;
    });
    expect((await verify()).firstBreak).toMatchObject({ kind: 'ALTERED', position: '7', eventId: forged });
  });

  it("detects a row whose hash was recomputed after an edit at the next row's link", async () => {
    const rows = await chainRows();
    await tamper(`UPDATE audit_event SET entity_id = 'rewritten' WHERE id = $1`, [rows[1].id]);
    await tamper(`UPDATE audit_event a SET row_hash = sha256($2::bytea || convert_to(audit_event_canonical(a), 'UTF8')) WHERE id = $1`, [rows[1].id, rows[0].row_hash]);
    expect((await verify()).firstBreak).toMatchObject({ kind: 'ALTERED', position: '3', eventId: rows[2].id });
  });
});

describe('auditChainVerification over GraphQL', () => {
  it('answers an administrator, naming the first broken link, and refuses anyone else', async () => {
    await insertOrganisation(db.dataSource, 'X24', 'NHS ENGLAND');
    const adminId = await insertUser(db.dataSource, 'chain-admin', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
    const analystId = await insertUser(db.dataSource, 'chain-analyst', [{ role: Role.ANALYST, organisationCode: 'X24' }]);
    const execute = await graphqlExecutor(db.dataSource);
    const query = `{ auditChainVerification { intact rowsChecked headPosition headHash firstBreak { kind position eventId message } } }`;
    const admin = { userId: adminId, username: 'chain-admin', displayName: 'Admin', roles: [{ role: Role.ADMIN, organisationCode: 'X24' }] };
    const analyst = { userId: analystId, username: 'chain-analyst', displayName: 'Analyst', roles: [{ role: Role.ANALYST, organisationCode: 'X24' }] };

    await freshTrail();
    const intact = await execute(query, {}, admin);
    expect(intact).toEqual({
      data: { auditChainVerification: { intact: true, rowsChecked: 6, headPosition: '6', headHash: expect.stringMatching(/^[0-9a-f]{64}$/), firstBreak: null } },
    });
    const rows = await chainRows();
    await tamper(`DELETE FROM audit_event WHERE id = $1`, [rows[2].id]);
    const broken = await execute(query, {}, admin);
    expect(broken.errors).toBeUndefined();
    expect(broken.data?.auditChainVerification).toMatchObject({
      intact: false,
      rowsChecked: 5,
      firstBreak: { kind: 'DELETED', position: '3', eventId: rows[3].id, message: `Deleted: position 3 is missing before event ${rows[3].id} (position 4).` },
    });

    // Without HTTP there is no formatError: the thrown AppError is the original error.
    const codeOf = (result: { errors?: readonly { originalError?: Error }[] }) => (result.errors?.[0].originalError as AppError | undefined)?.code;
    expect(codeOf(await execute(query, {}, analyst))).toBe('FORBIDDEN');
    expect(codeOf(await execute(query, {}, null))).toBe('UNAUTHENTICATED');
  });
});

describe('the migration that adds the chain', () => {
  it('chains the rows already in the trail, in id order, so a migrated database verifies', async () => {
    const owner = db.ownerDataSource;
    const chainMigration = 'SignInThrottleAuditChain1763800008000';
    const applied = async () => ((await owner.query(`SELECT name FROM migrations`)) as { name: string }[]).map((row) => row.name);
    while ((await applied()).includes(chainMigration)) await owner.undoLastMigration({ transaction: 'each' });
    await owner.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_truncate`);
    await owner.query(`TRUNCATE audit_event RESTART IDENTITY`);
    await owner.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_truncate`);
    await owner.query(
      `INSERT INTO audit_event (action, entity_type, entity_id, after) SELECT 'BEFORE_THE_CHAIN', 'thing', 'old-' || n, jsonb_build_object('n', n) FROM generate_series(1, 4) AS n`,
    );

    await migrate(owner);

    const rows = await chainRows();
    expect(rows.map((row) => [row.id, row.chain_position])).toEqual([['1', '1'], ['2', '2'], ['3', '3'], ['4', '4']]);
    await writeEvents(1, 'after-the-migration');
    expect(await verify()).toMatchObject({ intact: true, rowsChecked: '5', headPosition: '5' });
  });
});

describe('npm run audit:verify', () => {
  const runCli = (databaseUrl: string) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const root = path.resolve(__dirname, '../../../..');
      execFile(
        path.join(root, 'node_modules/.bin/tsx'),
        ['--tsconfig', 'apps/api/tsconfig.app.json', 'apps/api/src/audit/verify-audit-cli.ts'],
        { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } },
        (error, stdout) => resolve({ status: error ? (error as { code?: number }).code ?? null : 0, stdout }),
      );
    });

  it('exits 0 on an intact chain and 1 naming the first broken link, reading as the API role', async () => {
    await freshTrail();
    const intact = await runCli(db.url);
    expect(intact).toEqual({ status: 0, stdout: expect.stringMatching(/^Audit chain intact: 6 row\(s\) checked; head at position 6, hash [0-9a-f]{64}\.\n$/) });
    const rows = await chainRows();
    await tamper(`UPDATE audit_event SET actor_username = 'someone else' WHERE id = $1`, [rows[1].id]);
    const broken = await runCli(db.url);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`First broken link: ALTERED at position 2, event ${rows[1].id}.`);
  });
});
