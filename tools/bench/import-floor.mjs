// A floor under the time any importer needs to keep what ours keeps (issue 19 point 3): for each table that holds more
// than `minRows` rows after the import, its rows are written again by one `INSERT ... SELECT` from a temporary copy
// into a fresh (logged) table made `LIKE ... INCLUDING ALL` (the same columns, defaults, checks and indexes; without its foreign
// keys and triggers, which a real import also pays for), inside a transaction that is rolled back. No parsing,
// validation, staging, merging, audit or computing: PostgreSQL's own cost of storing and indexing those rows. The sum
// over the tables is therefore lower than what any importer keeping those rows in this schema can reach.

/** Tables (public schema, partitioned ones as one) with more than `minRows` rows, largest first. */
async function tablesWithRows(client, minRows, exclude) {
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const counted = [];
  for (const { name } of rows) {
    if (exclude.includes(name)) continue;
    const {
      rows: [{ n }],
    } = await client.query(`SELECT count(*)::bigint AS n FROM "${name}"`);
    if (Number(n) > minRows) counted.push({ name, rows: Number(n) });
  }
  return counted.sort((a, b) => b.rows - a.rows);
}

/** The columns an INSERT may name (not generated ones), quoted. */
async function insertableColumns(client, table) {
  const { rows } = await client.query(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [table],
  );
  return rows.map((row) => `"${row.name}"`).join(', ');
}

/** For each table over `minRows` rows: { table, rows, seconds }. Leaves the database as it found it. */
export async function measureWriteFloor(client, { minRows = 10_000, exclude = [] } = {}) {
  const results = [];
  for (const { name, rows } of await tablesWithRows(client, minRows, exclude)) {
    const columns = await insertableColumns(client, name);
    await client.query('BEGIN');
    try {
      await client.query(`CREATE TEMP TABLE floor_rows ON COMMIT DROP AS SELECT ${columns} FROM "${name}"`);
      await client.query(`CREATE TABLE floor_copy (LIKE "${name}" INCLUDING ALL)`);
      const started = process.hrtime.bigint();
      await client.query(`INSERT INTO floor_copy (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM floor_rows`);
      results.push({ table: name, rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    } finally {
      await client.query('ROLLBACK');
    }
  }
  return results;
}
