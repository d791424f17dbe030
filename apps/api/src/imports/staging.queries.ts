import type { EntityManager } from 'typeorm';
import { sqlStatement, type ParamsOf, type PgDeclaration, type PgType, type TypedStatement } from '../database/typed-sql';

// Each import kind stages a file's rows in a temporary table of its own, declared here once: its DDL, the
// typed statement that fills it from one array per column, and the one that finds repeated keys. The kinds'
// set-based statements read the table by its name and declare its DDL as `setup`, so the schema check can
// prepare them (decision 0009). The DDL and ANALYZE of these tables are the only untyped SQL of the imports:
// PostgreSQL cannot prepare them, and they return nothing.

/** The most bad rows one import reports. */
export const MAX_REPORTED_ERRORS = 1000;

/** One staging column: its name, its type in the table, and the type of the array that fills it. */
export interface StagingColumn {
  name: string;
  sqlType: string;
  arrayOf: Extract<PgType, 'varchar' | 'text' | 'date' | 'int4' | 'numeric'>;
}

/** A table that lives as long as the import's transaction. */
export interface TemporaryTable {
  table: string;
  /** CREATE TEMP TABLE ... ON COMMIT DROP. */
  ddl: string;
}

export interface StagingTable extends TemporaryTable {
  columns: readonly StagingColumn[];
  /** Columns that must be unique within one file (a repeat is a row error). */
  uniqueKey: readonly string[];
  /** Adds rows: the line numbers, then one array per column, all of the same length. */
  insert: TypedStatement<readonly PgDeclaration[], Record<string, never>>;
  /** Lines repeating an earlier line's unique key, with that line; the first MAX_REPORTED_ERRORS + 1. */
  duplicates: TypedStatement<readonly [], { readonly line: 'int4'; readonly first: 'int4' }>;
}

/** Declares a staging table and its two statements (call it at the top level of a `*.queries.ts` file). */
export function stagingTable(definition: { table: string; columns: readonly StagingColumn[]; uniqueKey: readonly string[] }): StagingTable {
  const { table, columns, uniqueKey } = definition;
  const ddl = `CREATE TEMP TABLE ${table} (line integer NOT NULL, ${columns.map((c) => `${c.name} ${c.sqlType}`).join(', ')}) ON COMMIT DROP`;
  const arrays = columns.map((column, index) => `$${index + 2}::${column.arrayOf}[]`).join(', ');
  const insert = sqlStatement({
    name: `import-stage-${table}`,
    params: ['int4[]', ...columns.map((column) => `${column.arrayOf}[]` as const)] as readonly PgDeclaration[],
    columns: {},
    text: `INSERT INTO ${table} (line, ${columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest($1::int4[], ${arrays})`,
    setup: [ddl],
  });
  const keys = uniqueKey.join(', ');
  const duplicates = sqlStatement({
    name: `import-duplicates-${table}`,
    params: [] as const,
    columns: { line: 'int4', first: 'int4' } as const,
    text: `SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY ${keys}) AS first FROM ${table}) d
           WHERE line <> first ORDER BY line LIMIT ${MAX_REPORTED_ERRORS + 1}`,
    setup: [ddl],
  });
  return { table, columns, uniqueKey, ddl, insert, duplicates };
}

/** Declares a work table of an import kind's merge (`columns` as in CREATE TABLE), dropped at commit. */
export function temporaryTable(table: string, columns: string): TemporaryTable {
  return { table, ddl: `CREATE TEMP TABLE ${table} (${columns}) ON COMMIT DROP` };
}

/** Creates the table in the import's transaction. */
export async function createTemporaryTable(manager: EntityManager, table: TemporaryTable): Promise<void> {
  await manager.query(table.ddl);
}

/** Adds staged rows: [line, ...values in column order] each. */
export async function stageRows(manager: EntityManager, staging: StagingTable, rows: readonly (readonly unknown[])[]): Promise<void> {
  const arrays = Array.from({ length: staging.columns.length + 1 }, (_column, index) => rows.map((row) => row[index]));
  await staging.insert.run(manager, arrays as unknown as ParamsOf<readonly PgDeclaration[]>);
}

/** Gives the planner the table's statistics before a set-based merge reads it. */
export async function analyseTemporaryTable(manager: EntityManager, table: TemporaryTable): Promise<void> {
  await manager.query(`ANALYZE ${table.table}`);
}
