// Scorecard benchmark (issue 5): p50 and p95 over HTTP of `providerScorecard` and the England
// `scorecardSummary` grid, at 1 and 8 concurrent clients, on the real data and on generated data at 10
// and 100 times its volume. Starts the built API (`npx nx run-many -t build -p api web` first) on a
// throwaway embedded PostgreSQL, on 127.0.0.1 only.
// Usage: node tools/bench/scorecard-bench.mjs [requests, default 200] [volumes, default 1,10,100]
//
// Generated data is synthetic and marked so: each copy k of every organisation with values gets the code
// `Z<kk><code>` (for example Z07RR8), the name "SYNTHETIC <k> <name>", the same type, and the same series
// with its numerators shifted by a few (deterministic) counts. It lives only in the throwaway database.
// The copies are written behind the running API, so they have no stored scores: the bench restarts the API, whose
// start-up scores every series out of step with its values (`ScoresService.refreshOutOfStep`), and times that.
// Each grid case is also timed with a document that differs on every request (an alias `g<n>:`), so that any
// response cache keyed by the request is bypassed: both figures are reported.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { root } from '../run.mjs';
import { cpuModel, freePort, percentile, startBuiltApi, startThrowawayPostgres } from './bench-kit.mjs';

const requestsPerRun = Number(process.argv[2] ?? 200);
const volumes = (process.argv[3] ?? '1,10,100').split(',').map(Number);
if (!Number.isInteger(requestsPerRun) || requestsPerRun < 10 || requestsPerRun > 10_000 || !volumes.every((v) => [1, 10, 100].includes(v))) {
  console.error('usage: scorecard-bench.mjs [requests: 10 to 10000] [volumes: a list of 1, 10, 100]');
  process.exit(1);
}
const WARM_UP = 3;
const REQUEST_TIMEOUT_MS = 60_000;
/** Start-up scores every series out of step: at 100 times the data that takes minutes. */
const START_TIMEOUT_MS = 30 * 60_000;
const main = path.join(root, 'dist/apps/api/main.js');
if (!existsSync(main)) {
  console.error('dist/apps/api/main.js is missing: run `npx nx run-many -t build -p api web` first.');
  process.exit(1);
}

const SCORECARD = `query($code: String!) { providerScorecard(code: $code) { asOf provider { code name }
  indicators { indicator { code name } latestPeriod { startDate label } latestValue standard { code threshold } rag improvementDirection target
    series { period value mean lowerProcessLimit upperProcessLimit closeToLimits specialCauseType pointType rebaseGroup }
    variationType assuranceType shortGroupWarning } } }`;
const gridOf = (alias) => `query($first: Int, $filter: ScorecardFilter) { ${alias}scorecardSummary(first: $first, filter: $filter) { asOf totalCount indicators { code name }
  pageInfo { hasNextPage endCursor } edges { cursor node { provider { code name } cells { indicator { code } period value threshold rag variationType assuranceType } } } } }`;
const GRID = gridOf('');
/** The same grid under an alias that changes with every request: no response cache can answer it. */
const uncachedGrid = (i) => gridOf(`g${i}: `);

const startApi = (databaseUrl, port, logFile) => startBuiltApi({ main, databaseUrl, port, logFile, timeoutMs: START_TIMEOUT_MS });

/** One request; `error` names what went wrong instead of throwing, so a slow case is reported, not fatal. */
async function graphql(port, query, variables) {
  const started = process.hrtime.bigint();
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.json();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, error: body.errors ? String(body.errors[0].extensions?.code ?? body.errors[0].message) : null };
  } catch (error) {
    const cause = error.cause ? ` (${error.cause.code ?? error.cause.message})` : '';
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, error: error.name === 'TimeoutError' ? `timeout ${REQUEST_TIMEOUT_MS / 1000} s` : `${error.message}${cause}` };
  }
}

/** Numbers every request of the run, so an "uncached" case's alias is never one an earlier case or run has used. */
let serial = 0;

/** `total` requests from `clients` concurrent clients (each waits for its answer before asking again). */
async function measure(port, clients, total, nextRequest) {
  for (let i = 0; i < WARM_UP; i++) await graphql(port, ...nextRequest(serial++));
  const latencies = [];
  const errors = new Map();
  let issued = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        issued++;
        const { ms, error } = await graphql(port, ...nextRequest(serial++));
        if (error) errors.set(error, (errors.get(error) ?? 0) + 1);
        else latencies.push(ms);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p95: latencies.length ? percentile(latencies, 95) : NaN,
    perSecond: latencies.length / seconds,
    failed: [...errors].map(([error, n]) => `${n} × ${error}`).join(', '),
  };
}

/** Adds synthetic copies 1..copies of every organisation with values (see the header), then analyses. */
async function generate(client, fromCopy, toCopy) {
  // One transaction, as an import is: no reader sees half the copies.
  await client.query('BEGIN');
  const [{ id }] = (
    await client.query(
      `INSERT INTO import_batch (kind, file_name, file_sha256, outcome, finished_at) VALUES ('synthetic-bench', 'scorecard-bench.mjs', repeat('0', 64), 'SUCCEEDED', now()) RETURNING id`,
    )
  ).rows;
  for (let copy = fromCopy; copy <= toCopy; copy++) {
    const prefix = `Z${String(copy).padStart(2, '0')}`;
    await client.query(
      `INSERT INTO organisation (code, name, type)
       SELECT $1 || o.code, 'SYNTHETIC ' || $2::int || ' ' || o.name, o.type FROM organisation o
       WHERE EXISTS (SELECT 1 FROM indicator_value v JOIN import_batch b ON b.id = v.import_batch_id WHERE v.organisation_code = o.code AND b.kind <> 'synthetic-bench')`,
      [prefix, copy],
    );
    await client.query(
      `INSERT INTO indicator_value (indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id)
       SELECT v.indicator_code, $1 || v.organisation_code, v.period_id, n.numerator, v.denominator, round(n.numerator * 100 / v.denominator, 10), $3
       FROM indicator_value v JOIN import_batch b ON b.id = v.import_batch_id AND b.kind <> 'synthetic-bench'
       CROSS JOIN LATERAL (SELECT least(v.denominator, greatest(0, v.numerator + (($2::int * 7919 + v.period_id * 104729 + length(v.organisation_code) * 31) % 41) - 20)) AS numerator) n
`,
      [prefix, copy, id],
    );
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

async function volume(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM indicator_value) AS "values",
            (SELECT count(DISTINCT v.organisation_code)::int FROM indicator_value v JOIN organisation o ON o.code = v.organisation_code WHERE o.type = 'NHS_TRUST') AS trusts`,
  );
  return rows[0];
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ');
const dir = await mkdtemp(path.join('/tmp', 'ccg-scorecard-bench-'));
await chmod(dir, 0o755);
const { cluster, port: pgPort, password } = await startThrowawayPostgres(dir);
const results = [];
const scoring = [];
let api;
let client;
const apiLog = path.join(dir, 'api.log');
try {
  await cluster.createDatabase('bench');
  const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/bench`;
  const apiPort = await freePort();
  console.log('Starting the built API (migrations and the bundled data load on first start)...');
  api = await startApi(url, apiPort, apiLog);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const base = await volume(client);
  const realTrusts = (await client.query(`SELECT DISTINCT organisation_code AS code FROM indicator_value v JOIN organisation o ON o.code = v.organisation_code WHERE o.type = 'NHS_TRUST' ORDER BY 1`)).rows.map((r) => r.code);

  let done = 0;
  const scales = [['real data', 0, 1], ['10 × volume (synthetic)', 9, 10], ['100 × volume (synthetic)', 99, 100]].filter(([, , volume]) => volumes.includes(volume));
  for (const [label, copies] of scales) {
    if (copies > done) {
      console.log(`Generating synthetic copies ${done + 1} to ${copies}...`);
      await generate(client, done + 1, copies);
      done = copies;
      // Restarting runs the start-up scoring of every series out of step: the copies' (see the header).
      await api.stop();
      const started = process.hrtime.bigint();
      api = await startApi(url, apiPort, apiLog);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const scored = (await client.query(`SELECT count(*)::int AS n FROM series_score`)).rows[0].n;
      // What autovacuum does after a bulk insert (PostgreSQL 13 on): the visibility map lets the grid's verdict reads
      // come from the covering index alone. Done here so the timings do not depend on when autovacuum wakes.
      await client.query('VACUUM ANALYZE series_score');
      scoring.push({ copies, seconds, scored });
      console.log(`Scored the copies on the API's restart in ${seconds.toFixed(1)} s (${scored.toLocaleString('en-GB')} stored scores in all)`);
    }
    const { values, trusts } = await volume(client);
    // Scorecards of trusts spread over the whole data: real and synthetic alike.
    const codes = copies === 0 ? realTrusts : realTrusts.flatMap((code, i) => [code, `Z${String((i % copies) + 1).padStart(2, '0')}${code}`]);
    // weight: how much heavier than one scorecard, to keep the slow cases' request counts bounded.
    const cases = [
      ['providerScorecard', 1, (i) => [SCORECARD, { code: codes[(i * 37) % codes.length] }]],
      ['scorecardSummary, England, first 200', 2, () => [GRID, { first: 200 }]],
      ['scorecardSummary, England, FAILING, first 200', 2, () => [GRID, { first: 200, filter: { status: 'FAILING' } }]],
      ['scorecardSummary, England, IMPROVING, first 200', 4, () => [GRID, { first: 200, filter: { status: 'IMPROVING' } }]],
      ['scorecardSummary, England, first 200, uncached', 2, (i) => [uncachedGrid(i), { first: 200 }]],
      ['scorecardSummary, England, FAILING, first 200, uncached', 2, (i) => [uncachedGrid(i), { first: 200, filter: { status: 'FAILING' } }]],
      ['scorecardSummary, England, IMPROVING, first 200, uncached', 4, (i) => [uncachedGrid(i), { first: 200, filter: { status: 'IMPROVING' } }]],
    ];
    for (const [name, weight, request] of cases) {
      for (const clients of [1, 8]) {
        const total = Math.max(10, Math.round(requestsPerRun / weight / (copies >= 99 ? 5 : 1)));
        const result = await measure(apiPort, clients, total, request);
        results.push({ label, copies, values, trusts, name, clients, total, ...result });
        console.log(`${label}: ${name}, ${clients} client(s): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms${result.failed ? `; failed: ${result.failed}` : ''}`);
      }
    }
  }
  console.log(`\nMachine: ${os.cpus().length} cores (${cpuModel()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; bundled data: ${base.values} values, ${base.trusts} NHS trusts`);
  const serverErrors = new Set(
    readFileSync(apiLog, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"unexpected error"'))
      .map((line) => String(JSON.parse(line).error?.message ?? line).slice(0, 200)),
  );
  for (const message of serverErrors) console.log(`Server error behind a failed request: ${message}`);
  console.log(`Load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  for (const { copies, seconds, scored } of scoring) console.log(`Scoring on restart after copies up to ${copies}: ${seconds.toFixed(1)} s (start-up included; ${scored.toLocaleString('en-GB')} stored scores)`);
  console.log('| data | values | NHS trusts | query | clients | requests | p50 ms | p95 ms | answers/s | failed |');
  console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ms = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(1));
    console.log(`| ${r.label} | ${r.values.toLocaleString('en-GB')} | ${r.trusts.toLocaleString('en-GB')} | ${r.name} | ${r.clients} | ${r.total} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.perSecond.toFixed(1)} | ${r.failed || 'none'} |`);
  }
} finally {
  await client?.end();
  await api?.stop();
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
