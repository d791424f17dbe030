import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { sqlStatement, type TypedStatement } from '../database/typed-sql';

// Each import kind stages a file's rows in a temporary table of its own, declared here once: its DDL, the
// `COPY ... FROM STDIN` that fills it (decision 0033), and the typed statement that finds repeated keys. The kinds'
// set-based statements read the table by its name and declare its DDL as `setup`, so the schema check can
// prepare them (decision 0009). The DDL, COPY and ANALYZE of these tables are the only untyped SQL of the imports:
// PostgreSQL cannot prepare them, and they return nothing.

/** The most bad rows one import reports. */
export const MAX_REPORTED_ERRORS = 1000;

/** One staging column: its name and its type in the table. */
export interface StagingColumn {
  name: string;
  sqlType: string;
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
  /** Fills the table from the import's connection: each row its line number, then the columns in order (COPY's text format). */
  copy: string;
  /** Lines repeating an earlier line's unique key, with that line; the first MAX_REPORTED_ERRORS + 1. */
  duplicates: TypedStatement<readonly [], { readonly line: 'int4'; readonly first: 'int4' }>;
}

/** Declares a staging table and its two statements (call it at the top level of a `*.queries.ts` file). */
export function stagingTable(definition: { table: string; columns: readonly StagingColumn[]; uniqueKey: readonly string[] }): StagingTable {
  const { table, columns, uniqueKey } = definition;
  const ddl = `CREATE TEMP TABLE ${table} (line integer NOT NULL, ${columns.map((c) => `${c.name} ${c.sqlType}`).join(', ')}) ON COMMIT DROP`;
  const copy = `COPY ${table} (line, ${columns.map((c) => c.name).join(', ')}) FROM STDIN`;
  const keys = uniqueKey.join(', ');
  const duplicates = sqlStatement({
    name: `import-duplicates-${table}`,
    params: [] as const,
    columns: { line: 'int4', first: 'int4' } as const,
    text: `SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY ${keys}) AS first FROM ${table}) d
           WHERE line <> first ORDER BY line LIMIT ${MAX_REPORTED_ERRORS + 1}`,
    setup: [ddl],
  });
  return { table, columns, uniqueKey, ddl, copy, duplicates };
}

/** Declares a work table of an import kind's merge (`columns` as in CREATE TABLE), dropped at commit. */
export function temporaryTable(table: string, columns: string): TemporaryTable {
  return { table, ddl: `CREATE TEMP TABLE ${table} (${columns}) ON COMMIT DROP` };
}

/** Creates the table in the import's transaction. */
export async function createTemporaryTable(manager: EntityManager, table: TemporaryTable): Promise<void> {
  await manager.query(table.ddl);
}

/** Starts the COPY that fills the staging table, on the import's connection (StagingCopy writes to it). */
export function startStagingCopy(client: PoolClient, staging: StagingTable): CopyStreamQuery {
  return client.query(copyFrom(staging.copy));
}

/** Gives the planner the table's statistics before a set-based merge reads it. */
export async function analyseTemporaryTable(manager: EntityManager, table: TemporaryTable): Promise<void> {
  await manager.query(`ANALYZE ${table.table}`);
}
