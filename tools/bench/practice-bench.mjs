// Practice benchmark (issue 19 point 4): a CCG's GP practices at national practice scale. Starts the built API
// (`npx nx run api:build` first) on a throwaway embedded PostgreSQL (127.0.0.1 only), generates the SYNTHETIC
// practice data of practice-data.mjs behind it (about 7,000 practices x 20 indicators x 120 months: 17 million
// values), stores the scores of one CCG's practices with the API's own scoring code (recomputeSeriesScores, bundled
// from apps/api/src with the API's esbuild options), times it and extrapolates to every series, then times over HTTP
// `scorecardSummary` of that CCG's practices (first 200; all and FAILING) and the attention view of them, at 1 and 8
// clients, p50 and p95, each also with a document that changes on every request (an alias), so no response cache
// can answer it. Also times the read paths the partitioning decision (0035) rests on, straight in SQL.
// Usage: node tools/bench/practice-bench.mjs [requests, default 100] [practices, default all] [months, default 120]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import pg from 'pg';
import { root } from '../run.mjs';
import { cpuModel, freePort, percentile, startBuiltApi, startThrowawayPostgres } from './bench-kit.mjs';
import { generatePracticeData } from './practice-data.mjs';

const require = createRequire(import.meta.url);
const requestsPerRun = Number(process.argv[2] ?? 100);
const practiceLimit = process.argv[3] && process.argv[3] !== 'all' ? Number(process.argv[3]) : undefined;
const months = Number(process.argv[4] ?? 120);
if (!Number.isInteger(requestsPerRun) || requestsPerRun < 10 || requestsPerRun > 10_000 || !Number.isInteger(months) || months < 12 || months > 120) {
  console.error('usage: practice-bench.mjs [requests: 10 to 10000] [practices: a number or all] [months: 12 to 120]');
  process.exit(1);
}
const WARM_UP = 3;
const REQUEST_TIMEOUT_MS = 60_000;
const START_TIMEOUT_MS = 10 * 60_000;
const main = path.join(root, 'dist/apps/api/main.js');
if (!existsSync(main)) {
  console.error('dist/apps/api/main.js is missing: run `npx nx run api:build` first.');
  process.exit(1);
}
const sharedDataDir = path.resolve(root, process.env.SHARED_DATA_DIR ?? '../shared/data');

const gridOf = (alias) => `query($first: Int, $filter: ScorecardFilter) { ${alias}scorecardSummary(first: $first, filter: $filter) { asOf totalCount indicators { code name }
  pageInfo { hasNextPage endCursor } edges { cursor node { provider { code name } cells { indicator { code } period value threshold rag variationType assuranceType } } } } }`;
const attentionOf = (alias) => `query($filter: AttentionFilterInput) { ${alias}attention(filter: $filter, first: 50) { asOf totalCount scope { kind organisationCode }
  edges { node { provider { code name } indicator { code } value target rag variationType assuranceType funnelPosition trend severity { score level } } } } }`;

/** The API's scoring, bundled for this run: stores the scores of one CCG's practices' series, printing what it did. */
const SCORER = `
import 'reflect-metadata';
import { createDataSource } from './apps/api/src/database/data-source';
import { recomputeSeriesScores } from './apps/api/src/scores/scores.service';
async function run(): Promise<void> {
  const [url, ccg] = process.argv.slice(2);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  const series: { indicatorCode: string; organisationCode: string }[] = await dataSource.query(
    \`SELECT DISTINCT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode" FROM indicator_value v
     JOIN organisation_relationship r ON r.organisation_code = v.organisation_code AND r.kind = 'IN_CCG' AND r.related_code = $1 ORDER BY 1, 2\`, [ccg]);
  const started = process.hrtime.bigint();
  const result = await dataSource.transaction((manager) => recomputeSeriesScores(manager, series.map((s) => ({ ...s, from: null }))));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, ...result, peakRssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
  await dataSource.destroy();
}
run().catch((error) => { console.error(error); process.exit(1); });
`;

const startApi = (databaseUrl, port, logFile) => startBuiltApi({ main, databaseUrl, port, logFile, timeoutMs: START_TIMEOUT_MS });

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
    return { ms, body, error: body.errors ? String(body.errors[0].extensions?.code ?? body.errors[0].message) : null };
  } catch (error) {
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, body: null, error: error.name === 'TimeoutError' ? `timeout ${REQUEST_TIMEOUT_MS / 1000} s` : error.message };
  }
}

/** Numbers every request of the run, so an "uncached" case's alias is never one an earlier case or run has used. */
let serial = 0;

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

/** Median of `runs` timings of one SQL statement, in ms (after one warm-up). */
async function timeSql(client, text, params, runs = 7) {
  await client.query(text, params);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await client.query(text, params);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ');
const dir = await mkdtemp(path.join('/tmp', 'ccg-practice-bench-'));
await chmod(dir, 0o755);
const { cluster, port: pgPort, password } = await startThrowawayPostgres(dir, ['-c', 'max_wal_size=8GB', '-c', 'checkpoint_timeout=30min', '-c', 'maintenance_work_mem=512MB']);
const lines = [];
const say = (line) => (console.log(line), lines.push(line));
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

  console.log('Generating the SYNTHETIC practice data...');
  const generated = await generatePracticeData(client, sharedDataDir, { practices: practiceLimit, months });
  const generationSeconds = Object.values(generated.timings).reduce((a, b) => a + b, 0);
  say(
    `Generated ${generated.values.toLocaleString('en-GB')} values (${generated.practices.toLocaleString('en-GB')} practices, ${generated.skipped} skipped without their CCG; ` +
      `${generated.indicators} indicators x ${generated.months} months) in ${generationSeconds.toFixed(1)} s: ` +
      Object.entries(generated.timings).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', '),
  );

  // The CCG with the median number of practices.
  const ccgs = (
    await client.query(
      `SELECT r.related_code AS code, count(*)::int AS practices FROM organisation_relationship r WHERE r.kind = 'IN_CCG' GROUP BY 1 ORDER BY 2, 1`,
    )
  ).rows;
  const ccg = ccgs[Math.floor(ccgs.length / 2)];
  const largest = ccgs[ccgs.length - 1];
  say(`CCGs with practices: ${ccgs.length}; benched CCG ${ccg.code} with ${ccg.practices} practices (median; the largest, ${largest.code}, has ${largest.practices})`);

  console.log(`Scoring ${ccg.code}'s practices with the API's scoring code...`);
  // Beside the API's bundle, so its packages resolve from node_modules.
  const scorer = path.join(root, 'dist/tools/bench/practice-scorer.cjs');
  // The API's own compile options (apps/api/esbuild.options.cjs), so the scorer compiles as the API does.
  const { nodeCompileOptions } = require(path.join(root, 'apps/api/esbuild.options.cjs'));
  await esbuild.build({ ...nodeCompileOptions, stdin: { contents: SCORER, resolveDir: root, loader: 'ts', sourcefile: 'practice-scorer.ts' }, bundle: true, packages: 'external', outfile: scorer });
  const scored = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [scorer, url, ccg.code], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the scorer exited with code ${code}`))));
  });
  const allSeries = generated.practices * generated.indicators;
  const perSeries = scored.seconds / scored.series;
  say(
    `Scored ${scored.series.toLocaleString('en-GB')} series (${scored.rows.toLocaleString('en-GB')} stored scores, one a month, points on the latest only) in ${scored.seconds.toFixed(1)} s ` +
      `(${(scored.rows / scored.seconds).toFixed(0)} rows/s; scorer peak RSS ${scored.peakRssMb} MB). At that rate all ${allSeries.toLocaleString('en-GB')} series would take ` +
      `${((perSeries * allSeries) / 3600).toFixed(1)} hours and ${(scored.rows / scored.series * allSeries).toLocaleString('en-GB')} rows`,
  );
  const scoreBytes = (await client.query(`SELECT pg_total_relation_size('series_score')::float8 AS bytes, (SELECT count(*) FROM series_score)::int AS n`)).rows[0];
  say(`series_score: ${scoreBytes.n.toLocaleString('en-GB')} rows, ${(scoreBytes.bytes / 2 ** 20).toFixed(0)} MiB (with the real A&E data's)`);
  await client.query('VACUUM ANALYZE series_score');

  // The read paths of decision 0035, straight in SQL on the 17 million values.
  const [{ code: practice }] = (await client.query(`SELECT organisation_code AS code FROM organisation_relationship WHERE kind = 'IN_CCG' AND related_code = $1 ORDER BY 1 LIMIT 1`, [ccg.code])).rows;
  const [{ id: lastPeriod }] = (await client.query(`SELECT id FROM period WHERE type = 'MONTH' AND start_date = '2019-03-01'`)).rows;
  const sqlCases = [
    ['one series (an organisation and indicator), every month', `SELECT v.* FROM indicator_value v WHERE v.indicator_code = 'SYN07' AND v.organisation_code = $1`, [practice]],
    ['one organisation, every indicator and month', `SELECT v.* FROM indicator_value v WHERE v.organisation_code = $1`, [practice]],
    ['one indicator, one month, every practice (a comparison, the funnel peers)', `SELECT v.* FROM indicator_value v WHERE v.indicator_code = 'SYN07' AND v.period_id = $1`, [lastPeriod]],
    ['one month, every indicator and practice', `SELECT count(*) FROM indicator_value v WHERE v.period_id = $1`, [lastPeriod]],
    ['the latest period with data (every grid request without asOf), from the stored scores', `SELECT max(latest.as_of) FROM indicator i CROSS JOIN LATERAL (SELECT max(s.as_of) AS as_of FROM series_score s WHERE s.indicator_code = i.code) latest`, []],
    ['the latest period with data, from the values (as before)', `SELECT max(p.start_date) FROM period p WHERE EXISTS (SELECT 1 FROM indicator_value v WHERE v.period_id = p.id)`, []],
  ];
  for (const [name, text, params] of sqlCases) say(`SQL, ${name}: median ${(await timeSql(client, text, params)).toFixed(2)} ms`);

  const results = [];
  const filter = { organisationType: 'GP_PRACTICE', ccg: ccg.code };
  const probe = await graphql(apiPort, gridOf(''), { first: 200, filter });
  if (probe.error) throw new Error(`the practice grid failed: ${probe.error}`);
  say(`The grid of ${ccg.code}'s practices: ${probe.body.data.scorecardSummary.totalCount} practices by ${probe.body.data.scorecardSummary.indicators.length} indicators as at ${probe.body.data.scorecardSummary.asOf}`);
  const cases = [
    ["scorecardSummary, a CCG's practices, first 200", () => [gridOf(''), { first: 200, filter }]],
    ["scorecardSummary, a CCG's practices, first 200, uncached", (i) => [gridOf(`g${i + 10}: `), { first: 200, filter }]],
    ["scorecardSummary, a CCG's practices, FAILING", () => [gridOf(''), { first: 200, filter: { ...filter, status: 'FAILING' } }]],
    ["scorecardSummary, a CCG's practices, FAILING, uncached", (i) => [gridOf(`g${i + 10}: `), { first: 200, filter: { ...filter, status: 'FAILING' } }]],
    ["attention, a CCG's practices, first 50", () => [attentionOf(''), { filter }]],
    ["attention, a CCG's practices, first 50, uncached", (i) => [attentionOf(`a${i + 10}: `), { filter }]],
  ];
  for (const [name, request] of cases) {
    for (const clients of [1, 8]) {
      const result = await measure(apiPort, clients, requestsPerRun, request);
      results.push({ name, clients, total: requestsPerRun, ...result });
      console.log(`${name}, ${clients} client(s): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms${result.failed ? `; failed: ${result.failed}` : ''}`);
    }
  }
  say(`Machine: ${os.cpus().length} cores (${cpuModel()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  say(`Load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  say('| query | clients | requests | p50 ms | p95 ms | answers/s | failed |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ms = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(1));
    say(`| ${r.name} | ${r.clients} | ${r.total} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.perSecond.toFixed(1)} | ${r.failed || 'none'} |`);
  }
} finally {
  await client?.end();
  await api?.stop();
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
