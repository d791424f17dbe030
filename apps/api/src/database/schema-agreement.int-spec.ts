import path from 'node:path';
import { checkEntities, checkStatement, loadQueryModules } from '../testing/schema-checks';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { declaredStatements, sqlStatement } from './typed-sql';

// Decision 0009: the code's idea of the database is checked against the migrated schema.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const files = loadQueryModules(path.join(__dirname, '..'));
  expect(files.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await db.drop();
});

describe('typed SQL statements agree with the migrated schema', () => {
  it('every statement in a *.queries.ts file declares the parameter and column types PostgreSQL reports', async () => {
    const problems: string[] = [];
    for (const statement of declaredStatements().filter((s) => !s.name.startsWith('schema-check-'))) {
      problems.push(...(await checkStatement(db.dataSource, statement)));
    }
    expect(problems).toEqual([]);
  });

  it('reports a column declared with the wrong type, a wrong parameter and SQL that does not prepare', async () => {
    const wrongColumn = sqlStatement({
      name: 'schema-check-wrong-column',
      params: ['text'],
      columns: { code: 'varchar', openDate: 'timestamptz?' },
      text: `SELECT code, open_date AS "openDate" FROM organisation WHERE code = $1`,
    });
    const wrongParam = sqlStatement({
      name: 'schema-check-wrong-param',
      params: ['int4'],
      columns: { code: 'text' },
      text: `SELECT code FROM organisation WHERE name = $1`,
    });
    const broken = sqlStatement({ name: 'schema-check-broken', params: [], columns: {}, text: `SELECT no_such_column FROM organisation` });
    expect(await checkStatement(db.dataSource, wrongColumn)).toEqual([
      'schema-check-wrong-column: columns are (text, date) but declared (code text, openDate timestamptz)',
    ]);
    expect(await checkStatement(db.dataSource, wrongParam)).toEqual(['schema-check-wrong-param: parameters are (text) but declared (int4)']);
    expect((await checkStatement(db.dataSource, broken))[0]).toMatch(/^schema-check-broken: does not prepare: column "no_such_column" does not exist/);
  });

  it('refuses rows whose column names differ from the declaration when it runs', async () => {
    const misnamed = sqlStatement({ name: 'schema-check-misnamed', params: [], columns: { openDate: 'date?' }, text: `SELECT open_date AS open_date FROM organisation LIMIT 1` });
    await db.dataSource.query(`INSERT INTO organisation (code, name, type) VALUES ('X1', 'Test', 'CCG')`);
    await expect(misnamed.rows(db.dataSource.manager, [])).rejects.toThrow('returned columns (open_date) but declares (openDate)');
  });
});

describe('entities agree with the migrated schema', () => {
  it('every table has an entity and every entity column has the table column’s name, type and nullability', async () => {
    expect(await checkEntities(db.dataSource)).toEqual([]);
  });
});
