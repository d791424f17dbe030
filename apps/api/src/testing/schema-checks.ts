import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import type { ColumnsDeclaration, PgDeclaration, TypedStatement } from '../database/typed-sql';

// Checks that the code's idea of the database matches the migrated schema (decision 0009):
// every typed SQL statement's declared parameter and column types, and every entity's columns.

/** Types pg hands back as the same JavaScript string, compared as one. */
const TEXT_FAMILY = new Set(['text', 'varchar', 'bpchar', 'name']);
const family = (type: string) => (TEXT_FAMILY.has(type) ? 'text' : type);
const declaredType = (declaration: PgDeclaration) => family(declaration.replace(/\?$/, '').replace(/\[\]$/, '')) + (declaration.replace(/\?$/, '').endsWith('[]') ? '[]' : '');

/** Every `*.queries.ts` module under `root`, loaded so that their statements are declared. */
export function loadQueryModules(root: string): string[] {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.queries.ts')).map((file) => path.join(root, file));
  // Jest runs the tests as CommonJS; a dynamic import() would need its experimental VM modules.
  for (const file of files) require(file);
  return files;
}

async function typeNames(manager: EntityManager, oids: readonly number[]): Promise<string[]> {
  if (oids.length === 0) return [];
  const rows: { oid: number; name: string }[] = await manager.query(
    `SELECT t.oid::int AS oid, CASE WHEN t.typelem <> 0 AND t.typname LIKE '\\_%' THEN e.typname || '[]' ELSE t.typname END AS name
       FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem WHERE t.oid = ANY($1::oid[])`,
    [oids],
  );
  const byOid = new Map(rows.map((row) => [row.oid, row.name]));
  return oids.map((oid) => {
    const name = byOid.get(oid) ?? `oid ${oid}`;
    return name.endsWith('[]') ? `${family(name.slice(0, -2))}[]` : family(name);
  });
}

/**
 * Prepares the statement on the database and compares PostgreSQL's parameter and result types
 * (pg_prepared_statements, PostgreSQL 16+) with the declaration. Returns the differences, if any.
 */
export async function checkStatement(dataSource: DataSource, statement: TypedStatement<readonly PgDeclaration[], ColumnsDeclaration>): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  const problems: string[] = [];
  try {
    await runner.connect();
    await runner.startTransaction();
    try {
      for (const setup of statement.definition.setup ?? []) await runner.query(setup);
      await runner.query(`PREPARE ccg_schema_check AS ${statement.definition.text}`);
    } catch (error) {
      return [`${statement.name}: does not prepare: ${(error as Error).message}`];
    }
    const [prepared]: { params: number[] | null; results: number[] | null }[] = await runner.query(
      `SELECT parameter_types::oid[]::int[] AS params, result_types::oid[]::int[] AS results FROM pg_prepared_statements WHERE name = 'ccg_schema_check'`,
    );
    await runner.query('DEALLOCATE ccg_schema_check');
    const actualParams = await typeNames(runner.manager, prepared.params ?? []);
    const actualColumns = await typeNames(runner.manager, prepared.results ?? []);
    const declaredParams = statement.definition.params.map(declaredType);
    const declaredColumns = Object.values(statement.definition.columns).map(declaredType);
    if (actualParams.join(',') !== declaredParams.join(',')) {
      problems.push(`${statement.name}: parameters are (${actualParams.join(', ')}) but declared (${declaredParams.join(', ')})`);
    }
    if (actualColumns.join(',') !== declaredColumns.join(',')) {
      problems.push(`${statement.name}: columns are (${actualColumns.join(', ')}) but declared (${statement.columnNames.map((name, i) => `${name} ${declaredColumns[i]}`).join(', ')})`);
    }
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
  return problems;
}

/** Tables of the migrated schema with no entity, entities with no table, and columns that differ (name, type, nullability). */
export async function checkEntities(dataSource: DataSource): Promise<string[]> {
  const problems: string[] = [];
  const columns: { table: string; column: string; type: string; nullable: boolean }[] = await dataSource.query(
    `SELECT c.table_name AS "table", c.column_name AS "column",
            CASE WHEN c.data_type = 'ARRAY' THEN substr(c.udt_name, 2) || '[]' ELSE c.udt_name END AS type,
            c.is_nullable = 'YES' AS nullable
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
        -- a partition (indicator_value's, decision 0035) is mapped through its partitioned table's entity
        AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = format('public.%I', c.table_name)::regclass)`,
  );
  const tables = new Map<string, Map<string, { type: string; nullable: boolean }>>();
  for (const row of columns) {
    const table = tables.get(row.table) ?? new Map<string, { type: string; nullable: boolean }>();
    table.set(row.column, { type: row.type, nullable: row.nullable });
    tables.set(row.table, table);
  }
  const mapped = new Set<string>();
  for (const metadata of dataSource.entityMetadatas) {
    const table = tables.get(metadata.tableName);
    mapped.add(metadata.tableName);
    if (!table) {
      problems.push(`entity ${metadata.name}: table ${metadata.tableName} does not exist`);
      continue;
    }
    const seen = new Set<string>();
    for (const column of metadata.columns) {
      seen.add(column.databaseName);
      const actual = table.get(column.databaseName);
      if (!actual) {
        problems.push(`entity ${metadata.name}: column ${metadata.tableName}.${column.databaseName} does not exist`);
        continue;
      }
      const normalised = dataSource.driver.normalizeType(column);
      const expected = pgUdtName(normalised) + (column.isArray ? '[]' : '');
      if (family(expected.replace(/\[\]$/, '')) !== family(actual.type.replace(/\[\]$/, '')) || expected.endsWith('[]') !== actual.type.endsWith('[]')) {
        problems.push(`entity ${metadata.name}: ${metadata.tableName}.${column.databaseName} is ${actual.type} but mapped as ${expected}`);
      }
      if (column.isNullable !== actual.nullable) {
        problems.push(`entity ${metadata.name}: ${metadata.tableName}.${column.databaseName} is ${actual.nullable ? 'nullable' : 'NOT NULL'} but mapped as ${column.isNullable ? 'nullable' : 'NOT NULL'}`);
      }
    }
    for (const name of table.keys()) {
      if (!seen.has(name)) problems.push(`entity ${metadata.name}: column ${metadata.tableName}.${name} is not mapped`);
    }
  }
  for (const table of tables.keys()) {
    if (!mapped.has(table)) problems.push(`table ${table} has no entity`);
  }
  return problems;
}

/** TypeORM's normalised PostgreSQL type name -> the catalogue's udt_name. */
function pgUdtName(type: string): string {
  const names: Record<string, string> = {
    'character varying': 'varchar',
    varchar: 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    text: 'text',
    uuid: 'uuid',
    integer: 'int4',
    int: 'int4',
    int4: 'int4',
    smallint: 'int2',
    bigint: 'int8',
    int8: 'int8',
    numeric: 'numeric',
    decimal: 'numeric',
    boolean: 'bool',
    bool: 'bool',
    date: 'date',
    'timestamp with time zone': 'timestamptz',
    timestamptz: 'timestamptz',
    'timestamp without time zone': 'timestamp',
    jsonb: 'jsonb',
    'double precision': 'float8',
  };
  return names[type] ?? type;
}
