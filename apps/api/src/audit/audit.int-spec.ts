import { recordAudit } from './audit.service';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

describe('the audit trail in PostgreSQL', () => {
  let db: TestDatabase;
  const actor = { userId: null, username: 'tester', requestId: 'req-1' };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const count = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM audit_event`))[0].n);

  it('records actor, action, entity, before and after, UTC time and request id', async () => {
    await db.dataSource.transaction((manager) =>
      recordAudit(manager, actor, { action: 'TEST_CHANGE', entityType: 'thing', entityId: '42', before: { a: 1 }, after: { a: 2 } }),
    );
    const [row] = await db.dataSource.query(`SELECT * FROM audit_event WHERE action = 'TEST_CHANGE'`);
    expect(row).toMatchObject({ actor_username: 'tester', entity_type: 'thing', entity_id: '42', before: { a: 1 }, after: { a: 2 }, request_id: 'req-1' });
    expect(row.occurred_at).toBeInstanceOf(Date);
  });

  it('refuses to write an audit row outside a transaction', async () => {
    await expect(recordAudit(db.dataSource.manager, actor, { action: 'X', entityType: 'thing', entityId: '1' })).rejects.toThrow(/inside the transaction/);
  });

  it('rolls the audit row back with the change it describes', async () => {
    const before = await count();
    await expect(
      db.dataSource.transaction(async (manager) => {
        await recordAudit(manager, actor, { action: 'ROLLED_BACK', entityType: 'thing', entityId: '1' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'TAMPERED'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('refuses %s of audit rows, even by the table owner', async (_op, sql) => {
    // The API's own role has no UPDATE, DELETE or TRUNCATE right at all (database/app-role.int-spec.ts): the owner shows the triggers hold.
    const owner = db.ownerDataSource;
    const before = await owner.query(`SELECT id, action FROM audit_event ORDER BY id`);
    expect(before.length).toBeGreaterThan(0);
    await expect(owner.query(sql)).rejects.toThrow(/audit_event is append-only/);
    expect(await owner.query(`SELECT id, action FROM audit_event ORDER BY id`)).toEqual(before);
  });
});
