import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { APP_GROUP_ROLE } from './app-role';

/** The rights the API's code needs on each table; every other table needs the common set. */
const READ_WRITE = ['DELETE', 'INSERT', 'SELECT', 'UPDATE'];
const EXCEPTIONS: Record<string, string[]> = {
  // Append-only: the API writes and reads its audit trail, never changes it.
  audit_event: ['INSERT', 'SELECT'],
  // TypeORM reads the history to see that nothing is pending; only the owner migrates.
  migrations: ['SELECT'],
  // Stored scores (decision 0021): rewritten by imports and the start-up recompute, so the common set, granted in its migration.
  series_score: READ_WRITE,
  // Contracts (issue 15, decision 0022): written by the contract services and the after-import check; granted in 1763800013000-contracts.ts.
  ...Object.fromEntries(['contract', 'contract_associate', 'contract_indicator', 'contract_management_terms', 'contract_breach_proposal', 'contract_notice',
    'contract_notice_event', 'remedial_action_plan', 'remedial_action', 'recovery_trajectory_point', 'trajectory_miss'].map((table) => [table, READ_WRITE])),
  // Sanctions and fine income (issue 15, decision 0023): schedule rows, ledger entries and their history; granted in 1763800014000-sanctions.ts.
  ...Object.fromEntries(['sanction_schedule', 'sanction_ledger_entry', 'sanction_ledger_event'].map((table) => [table, READ_WRITE])),
  // Boards and escalation (issue 16, decision 0024); granted in 1763800015000-escalation.ts. An item's history and a meeting's
  // decisions are insert-only: nothing of them can be changed or lost through the API.
  ...Object.fromEntries(['board', 'board_member', 'escalation_route', 'escalation_item', 'board_meeting', 'escalation_action'].map((table) => [table, READ_WRITE])),
  escalation_item_event: ['INSERT', 'SELECT'],
  board_meeting_decision: ['INSERT', 'SELECT'],
  // The signed monthly performance report (issue 17, decision 0029); granted in 1763800016000-performance-reports.ts. A report's
  // history is insert-only.
  ...Object.fromEntries(['performance_report', 'performance_report_section', 'series_annotation', 'report_action'].map((table) => [table, READ_WRITE])),
  performance_report_event: ['INSERT', 'SELECT'],
  // Standards, local targets, trajectories and baselines (issue 18, decision 0030); granted in 1763800017000-targets-and-baselines.ts.
  ...Object.fromEntries(['standard_version', 'local_target', 'trajectory_month', 'series_baseline', 'series_rebase'].map((table) => [table, READ_WRITE])),
};

describe('the application database role (least privilege)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is neither a superuser nor the owner of any table, and takes its rights from the group role', async () => {
    const [role] = await db.dataSource.query(
      `SELECT r.rolsuper AS super, r.rolcreaterole AS "createRole", r.rolcreatedb AS "createDb", r.rolbypassrls AS "bypassRls",
              pg_has_role(current_user, $1, 'MEMBER') AS member
         FROM pg_roles r WHERE r.rolname = current_user`,
      [APP_GROUP_ROLE],
    );
    expect(role).toEqual({ super: false, createRole: false, createDb: false, bypassRls: false, member: true });
    const owned = await db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned).toEqual([]);
  });

  it('has exactly the rights the code needs on every table of the schema (a new table without grants fails here)', async () => {
    const tables: { name: string }[] = await db.ownerDataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const grants: { table: string; privilege: string }[] = await db.ownerDataSource.query(
      `SELECT table_name AS table, privilege_type AS privilege FROM information_schema.role_table_grants
        WHERE grantee = $1 AND table_schema = 'public' ORDER BY 1, 2`,
      [APP_GROUP_ROLE],
    );
    const actual = Object.fromEntries(tables.map(({ name }) => [name, grants.filter((grant) => grant.table === name).map((grant) => grant.privilege)]));
    const expected = Object.fromEntries(tables.map(({ name }) => [name, EXCEPTIONS[name] ?? READ_WRITE]));
    expect(tables.length).toBeGreaterThan(10);
    expect(actual).toEqual(expected);
  });

  it('may use every sequence of the schema', async () => {
    const missing = await db.dataSource.query(
      `SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' AND NOT has_sequence_privilege(sequence_schema || '.' || sequence_name, 'USAGE')`,
    );
    expect(missing).toEqual([]);
  });

  it('can insert and read audit_event', async () => {
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('ROLE_TEST', 'test', '1')`);
    });
    expect(await db.dataSource.query(`SELECT action FROM audit_event WHERE action = 'ROLE_TEST'`)).toEqual([{ action: 'ROLE_TEST' }]);
  });

  it.each([
    ['UPDATE audit_event', `UPDATE audit_event SET action = 'TAMPERED'`],
    ['DELETE FROM audit_event', `DELETE FROM audit_event`],
    ['TRUNCATE audit_event', `TRUNCATE audit_event`],
    ['ALTER TABLE audit_event DISABLE TRIGGER', `ALTER TABLE audit_event DISABLE TRIGGER USER`],
    ['SET session_replication_role = replica', `SET session_replication_role = replica`],
    ['DROP TABLE audit_event', `DROP TABLE audit_event`],
    ['CREATE ROLE', `CREATE ROLE intruder SUPERUSER`],
  ])('is refused %s', async (_name, sql) => {
    await expect(db.dataSource.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser/);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'ROLE_TEST'`)).toEqual([{ n: 1 }]);
  });

  it('may create, fill and analyse a temporary table, as the import staging does', async () => {
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE staging_test (line int) ON COMMIT DROP`);
      await manager.query(`INSERT INTO staging_test VALUES (1)`);
      await manager.query(`ANALYZE staging_test`);
    });
  });
});
