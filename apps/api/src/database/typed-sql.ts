import { QueryFailedError, type EntityManager } from 'typeorm';

// Typed SQL statements: the one place raw SQL is allowed outside migrations (decision 0009).
// A statement declares the PostgreSQL types of its parameters and of its result columns, in order;
// its TypeScript row type is derived from that declaration, and `typed-sql.int-spec.ts` prepares
// every statement against the migrated schema and checks both lists against what PostgreSQL reports.

/** The PostgreSQL types a statement may take or return, with the value `pg` gives for each (see data-source.ts). */
export interface PgValues {
  text: string;
  varchar: string;
  bpchar: string;
  uuid: string;
  int2: number;
  int4: number;
  /** pg returns bigint as text, so no precision is lost. */
  int8: string;
  /** Money and rates: the numeric's exact text, read with Money.parse / Percentage.parse, never parseFloat. */
  numeric: string;
  float8: number;
  bool: boolean;
  /** ISO calendar date text ('yyyy-mm-dd'): the DATE parser is set in data-source.ts. */
  date: string;
  timestamptz: Date;
  jsonb: unknown;
  'text[]': string[];
  'varchar[]': string[];
  'uuid[]': string[];
  'int4[]': number[];
  'numeric[]': string[];
  'date[]': string[];
  'timestamptz[]': Date[];
  'bool[]': boolean[];
}

export type PgType = keyof PgValues;
/** A type, or a type that may be NULL (`'date?'`). */
export type PgDeclaration = PgType | `${PgType}?`;

type ValueOf<D> = D extends `${infer T extends PgType}?` ? PgValues[T] | null : D extends PgType ? PgValues[D] : never;

export type ColumnsDeclaration = Readonly<Record<string, PgDeclaration>>;
/** The row a statement returns, derived from its column declaration. */
export type RowOf<C extends ColumnsDeclaration> = { -readonly [K in keyof C]: ValueOf<C[K]> };
/** The parameters a statement takes, derived from its parameter declaration. */
export type ParamsOf<P extends readonly PgDeclaration[]> = { -readonly [I in keyof P]: ValueOf<P[I]> };

export interface StatementDefinition<P extends readonly PgDeclaration[], C extends ColumnsDeclaration> {
  /** A unique, kebab-case name, shown by the schema check and in errors. */
  readonly name: string;
  /** Parameter types, `$1` first. */
  readonly params: P;
  /** Result columns in SELECT order (empty for a statement that returns nothing). */
  readonly columns: C;
  /** Constant SQL text: optional filters are written `($1::text IS NULL OR ...)`, never concatenated. */
  readonly text: string;
  /**
   * DDL the statement needs in its own session, such as the CREATE TEMP TABLE of an import's staging table:
   * the schema check runs it (and rolls it back) before preparing the statement. The code that runs the
   * statement creates those tables itself.
   */
  readonly setup?: readonly string[];
}

/** A named, typed SQL statement. */
export class TypedStatement<P extends readonly PgDeclaration[], C extends ColumnsDeclaration> {
  readonly columnNames: readonly string[];
  /** The name of the prepared statement on each connection: the statement's own name (unique, checked by sqlStatement). */
  readonly preparedName: string;

  constructor(readonly definition: StatementDefinition<P, C>) {
    this.columnNames = Object.keys(definition.columns);
    this.preparedName = definition.name;
  }

  get name(): string {
    return this.definition.name;
  }

  /** Runs the statement and returns its rows (the column names are checked on every call that returns rows). */
  async rows(manager: EntityManager, params: ParamsOf<P>): Promise<RowOf<C>[]> {
    const { records } = await this.execute(manager, params);
    if (records.length > 0) this.checkColumnNames(Object.keys(records[0] as object));
    return records as RowOf<C>[];
  }

  /** The first row, or null when there is none. */
  async first(manager: EntityManager, params: ParamsOf<P>): Promise<RowOf<C> | null> {
    const rows = await this.rows(manager, params);
    return rows[0] ?? null;
  }

  /** The single row a statement always returns (an aggregate, an INSERT ... RETURNING). */
  async one(manager: EntityManager, params: ParamsOf<P>): Promise<RowOf<C>> {
    const row = await this.first(manager, params);
    if (row === null) throw new Error(`SQL statement ${this.name} returned no row`);
    return row;
  }

  /** Runs a statement for its effect; returns how many rows it changed. */
  async run(manager: EntityManager, params: ParamsOf<P>): Promise<number> {
    const { affected } = await this.execute(manager, params);
    return affected ?? 0;
  }

  /**
   * Runs the statement on the caller's query runner (so inside its transaction), or on a pooled connection of its
   * own, as a named prepared statement (decision 0036): each connection parses and analyses it once, on first use,
   * and then only binds and executes it. TypeORM hands the query on to node-postgres unchanged, and node-postgres
   * takes a `{ name, text }` query config in place of the text; a fresh object each time, since it adds the values.
   */
  private async execute(manager: EntityManager, params: ParamsOf<P>): Promise<{ records: unknown[]; affected?: number }> {
    const shared = manager.queryRunner && !manager.queryRunner.isReleased ? manager.queryRunner : null;
    const ownRunner = shared === null;
    const runner = shared ?? manager.connection.createQueryRunner();
    try {
      const prepared: PreparedQuery = { name: this.preparedName, text: this.definition.text };
      const result = await runner.query(prepared as unknown as string, params as unknown[], true);
      return { records: result.records ?? [], affected: result.affected };
    } catch (error) {
      // Errors name the statement's text, as they did before statements were prepared.
      if (error instanceof QueryFailedError) Object.assign(error, { query: this.definition.text });
      throw error;
    } finally {
      if (ownRunner) await runner.release();
    }
  }

  private checkColumnNames(actual: readonly string[]): void {
    const expected = this.columnNames;
    if (actual.length !== expected.length || actual.some((name, index) => name !== expected[index])) {
      throw new Error(`SQL statement ${this.name} returned columns (${actual.join(', ')}) but declares (${expected.join(', ')})`);
    }
  }
}

/** A named query as node-postgres takes it: prepared once per connection under `name`. */
interface PreparedQuery {
  name: string;
  text: string;
}

/** PostgreSQL's NAMEDATALEN less one: the longest name a prepared statement keeps whole. */
const MAX_NAME_BYTES = 63;

const registry = new Map<string, TypedStatement<readonly PgDeclaration[], ColumnsDeclaration>>();

/**
 * Declares a typed statement. Write it in the area's `*.queries.ts` file, as a module-level constant,
 * so that the schema check finds it.
 */
export function sqlStatement<const P extends readonly PgDeclaration[], const C extends ColumnsDeclaration>(
  definition: StatementDefinition<P, C>,
): TypedStatement<P, C> {
  if (registry.has(definition.name)) throw new Error(`Two SQL statements are named ${definition.name}`);
  // PostgreSQL cuts prepared statements' names at 63 bytes: two longer names could meet on one connection.
  if (Buffer.byteLength(definition.name) > MAX_NAME_BYTES) throw new Error(`SQL statement name ${definition.name} is longer than ${MAX_NAME_BYTES} bytes`);
  const statement = new TypedStatement(definition);
  registry.set(definition.name, statement as unknown as TypedStatement<readonly PgDeclaration[], ColumnsDeclaration>);
  return statement;
}

/** Every statement declared so far (the schema check loads every `*.queries.ts` first). */
export function declaredStatements(): readonly TypedStatement<readonly PgDeclaration[], ColumnsDeclaration>[] {
  return [...registry.values()];
}
