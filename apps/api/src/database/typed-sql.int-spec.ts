import { QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { sqlStatement } from './typed-sql';

// Typed statements run as named prepared statements, inside the caller's transaction (decision 0036).

const organisationName = sqlStatement({
  name: 'typed-sql-test-organisation-name',
  params: ['varchar'],
  columns: { name: 'text' },
  text: `SELECT name FROM organisation WHERE code = $1`,
});
const renameOrganisation = sqlStatement({
  name: 'typed-sql-test-rename-organisation',
  params: ['varchar', 'text'],
  columns: {},
  text: `UPDATE organisation SET name = $2 WHERE code = $1`,
});
const preparedHere = sqlStatement({
  name: 'typed-sql-test-prepared-here',
  params: ['text'],
  columns: { prepared: 'bool' },
  text: `SELECT EXISTS (SELECT 1 FROM pg_prepared_statements WHERE name = $1) AS prepared`,
});
const failing = sqlStatement({
  name: 'typed-sql-test-failing',
  params: ['varchar'],
  columns: {},
  text: `INSERT INTO organisation (code, name, type) VALUES ($1, 'Duplicate', 'CCG')`,
});

describe('typed SQL statements', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`INSERT INTO organisation (code, name, type) VALUES ('X1', 'First name', 'CCG')`);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('run as named prepared statements on the connection that runs them, and again on it without a second parse', async () => {
    await db.dataSource.transaction(async (manager) => {
      expect((await preparedHere.one(manager, [organisationName.preparedName])).prepared).toBe(false);
      expect(await organisationName.one(manager, ['X1'])).toEqual({ name: 'First name' });
      expect((await preparedHere.one(manager, [organisationName.preparedName])).prepared).toBe(true);
      // The second run binds the prepared statement: the same answer, no error for a name already taken.
      expect(await organisationName.one(manager, ['X1'])).toEqual({ name: 'First name' });
    });
  });

  it("run inside the caller's transaction: they see its uncommitted writes, and a rollback undoes theirs", async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        expect(await renameOrganisation.run(manager, ['X1', 'Second name'])).toBe(1);
        expect(await organisationName.one(manager, ['X1'])).toEqual({ name: 'Second name' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await organisationName.one(db.dataSource.manager, ['X1'])).toEqual({ name: 'First name' });
  });

  it('fail as TypeORM query errors naming their SQL and carrying the driver error, and the connection goes on working', async () => {
    const error = await failing.run(db.dataSource.manager, ['X1']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).query).toBe(failing.definition.text);
    expect((error as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
    for (let i = 0; i < 12; i++) expect(await organisationName.one(db.dataSource.manager, ['X1'])).toEqual({ name: 'First name' });
  });

  it('refuse a name PostgreSQL would cut short', () => {
    expect(() => sqlStatement({ name: `typed-sql-test-${'x'.repeat(60)}`, params: [], columns: {}, text: 'SELECT 1' })).toThrow('longer than 63 bytes');
  });
});
