// Request benchmark (issue 19 point 6): latency and throughput over HTTP of four read queries on the real data, at
// a number of concurrent clients, for each combination of API_WORKERS and RESPONSE_CACHE asked for. Starts the built
// API (`npx nx run-many -t build -p api web` first) on a throwaway embedded PostgreSQL, on 127.0.0.1 only; the first
// start loads the bundled data, later starts (other settings) reuse it.
// Usage: node tools/bench/request-bench.mjs [seconds per case, default 10] [clients, default 8] [workers, default 1,2] [cache, default off,on]
// API_MAIN=<path to a built main.js> measures another build (for a before/after comparison).
// Besides latency and throughput, which depend on whatever else the machine runs, each case reports the CPU time the
// API's processes and PostgreSQL's processes spent per answer (from /proc): a measure of work that other load on the
// machine does not change much, from which an idle machine's capacity can be estimated (cores x 1000 / ms an answer).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { root } from '../run.mjs';
import { cpuModel, freePort, percentile, startBuiltApi, startThrowawayPostgres } from './bench-kit.mjs';

const seconds = Number(process.argv[2] ?? 10);
const clients = Number(process.argv[3] ?? 8);
const workerCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const cacheSettings = (process.argv[5] ?? 'off,on').split(',');
if (
  !(seconds >= 1 && seconds <= 300) ||
  !Number.isInteger(clients) || clients < 1 || clients > 64 ||
  !workerCounts.every((n) => Number.isInteger(n) && n >= 1 && n <= 8) ||
  !cacheSettings.every((c) => c === 'on' || c === 'off')
) {
  console.error('usage: request-bench.mjs [seconds: 1 to 300] [clients: 1 to 64] [workers: a list of 1 to 8] [cache: a list of on, off]');
  process.exit(1);
}
const main = path.resolve(root, process.env.API_MAIN ?? 'dist/apps/api/main.js');
if (!existsSync(main)) {
  console.error(`${main} is missing: run \`npx nx run-many -t build -p api web\` first.`);
  process.exit(1);
}
const REQUEST_TIMEOUT_MS = 60_000;

const GRID = `query($first: Int) { scorecardSummary(first: $first) { asOf totalCount indicators { code name }
  pageInfo { hasNextPage endCursor } edges { cursor node { provider { code name } cells { indicator { code } period value threshold rag variationType assuranceType } } } } }`;
const SCORECARD = `query($code: String!) { providerScorecard(code: $code) { asOf provider { code name }
  indicators { indicator { code name } latestPeriod { startDate label } latestValue standard { code threshold } rag improvementDirection target
    series { period value mean lowerProcessLimit upperProcessLimit closeToLimits specialCauseType pointType rebaseGroup }
    variationType assuranceType shortGroupWarning } } }`;
// The two plain data queries of the PostGraphile comparison (issue 19 point 6).
const VALUES = `query($code: String!) { indicatorValues(indicator: "AE_4HR_ALL", organisations: [$code]) {
  organisation { code } period { startDate } numerator denominator value } }`;
const ORGANISATIONS = `query($after: String) { organisations(first: 100, after: $after) { edges { cursor node { code name type } } pageInfo { hasNextPage endCursor } } }`;

const startApi = (databaseUrl, port, logFile, env) => startBuiltApi({ main, databaseUrl, port, logFile, env });

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
    return { ms, error: body.errors ? String(body.errors[0].extensions?.code ?? body.errors[0].message) : null, cache: response.headers.get('x-response-cache') };
  } catch (error) {
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, error: error.name === 'TimeoutError' ? 'timeout' : error.message, cache: null };
  }
}

/** CPU time (ms, user and system) of a process and all its descendants, living or exited, from /proc. */
function treeCpuMs(rootPid) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, with cutime and cstime: the time of children that have exited (a closed connection's backend).
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { ppid }] of stats) {
      if (inTree.has(pid) || !inTree.has(ppid)) continue;
      inTree.add(pid);
      grew = true;
    }
  }
  let ticks = 0;
  for (const pid of inTree) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** `clients` concurrent clients for `seconds` (each waits for its answer before asking again), after a short warm-up. */
async function measure(port, nextRequest, pids) {
  for (let i = 0; i < 20; i++) await graphql(port, ...nextRequest(i));
  const cpuBefore = pids.map(treeCpuMs);
  const latencies = [];
  const errors = new Map();
  let hits = 0;
  let issued = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const { ms, error, cache } = await graphql(port, ...nextRequest(issued++));
        if (error) errors.set(error, (errors.get(error) ?? 0) + 1);
        else latencies.push(ms);
        if (cache === 'HIT') hits += 1;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const [apiCpu, pgCpu] = pids.map((pid, i) => treeCpuMs(pid) - cpuBefore[i]);
  latencies.sort((a, b) => a - b);
  return {
    apiCpuMs: latencies.length ? apiCpu / latencies.length : NaN,
    pgCpuMs: latencies.length ? pgCpu / latencies.length : NaN,
    requests: latencies.length,
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p95: latencies.length ? percentile(latencies, 95) : NaN,
    perSecond: latencies.length / elapsed,
    hitRate: latencies.length ? hits / latencies.length : 0,
    failed: [...errors].map(([error, n]) => `${n} × ${error}`).join(', '),
  };
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ');
const dir = await mkdtemp(path.join('/tmp', 'ccg-request-bench-'));
await chmod(dir, 0o755);
const { cluster, port: pgPort, password } = await startThrowawayPostgres(dir);
const results = [];
let api;
try {
  await cluster.createDatabase('bench');
  const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/bench`;
  const apiPort = await freePort();
  const postmasterPid = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let trusts = null;
  let organisationCursors = null;
  for (const workers of workerCounts) {
    for (const cache of cacheSettings) {
      console.log(`Starting the built API with API_WORKERS=${workers} RESPONSE_CACHE=${cache}...`);
      api = await startApi(url, apiPort, path.join(dir, 'api.log'), { API_WORKERS: String(workers), RESPONSE_CACHE: cache });
      if (trusts === null) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        trusts = (await client.query(`SELECT DISTINCT organisation_code AS code FROM indicator_value v JOIN organisation o ON o.code = v.organisation_code WHERE o.type = 'NHS_TRUST' ORDER BY 1`)).rows.map((r) => r.code);
        const codes = (await client.query(`SELECT code FROM organisation ORDER BY code`)).rows.map((r) => r.code);
        // The cursors of the first ten pages of 100 (a cursor is the base64url of the last code before the page).
        organisationCursors = [null, ...Array.from({ length: 9 }, (_, i) => codes[(i + 1) * 100 - 1]).filter(Boolean).map((code) => Buffer.from(code, 'utf8').toString('base64url'))];
        await client.end();
      }
      const cases = [
        ['scorecardSummary, England, first 200', () => [GRID, { first: 200 }]],
        ['providerScorecard', (i) => [SCORECARD, { code: trusts[(i * 37) % trusts.length] }]],
        ["indicatorValues, one provider's values", (i) => [VALUES, { code: trusts[(i * 37) % trusts.length] }]],
        ['organisations, a page of 100', (i) => [ORGANISATIONS, { after: organisationCursors[i % organisationCursors.length] }]],
      ];
      for (const [name, request] of cases) {
        const result = await measure(apiPort, request, [api.pid, postmasterPid]);
        results.push({ workers, cache, name, ...result });
        console.log(`API_WORKERS=${workers} cache ${cache}: ${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, ${result.perSecond.toFixed(0)}/s, hits ${(result.hitRate * 100).toFixed(0)}%, CPU an answer: API ${result.apiCpuMs.toFixed(2)} ms, PostgreSQL ${result.pgCpuMs.toFixed(2)} ms${result.failed ? `; failed: ${result.failed}` : ''}`);
      }
      await api.stop();
      api = null;
    }
  }
  console.log(`\nMachine: ${os.cpus().length} cores (${cpuModel()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; API ${path.relative(root, main)}; ${clients} clients, ${seconds} s a case`);
  console.log(`Load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log('| API_WORKERS | cache | query | answers | p50 ms | p95 ms | answers/s | cache hits | API CPU ms an answer | PostgreSQL CPU ms an answer | failed |');
  console.log('| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ms = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(1));
    console.log(`| ${r.workers} | ${r.cache} | ${r.name} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.perSecond.toFixed(1)} | ${(r.hitRate * 100).toFixed(0)}% | ${r.apiCpuMs.toFixed(2)} | ${r.pgCpuMs.toFixed(2)} | ${r.failed || 'none'} |`);
  }
} finally {
  await api?.stop();
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
