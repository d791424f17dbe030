// SPA weight benchmark (issue 19 point 5): what a first visit to a page of the app moves over the network, and how
// much JavaScript it loads. Starts the built API serving the built web app (`npx nx run-many -t build -p api web`
// first) on a throwaway embedded PostgreSQL, on 127.0.0.1 only, and opens each page in a fresh Chromium context
// (nothing cached, not signed in) that asks for compressed answers as a browser does over HTTPS.
// Usage: node tools/bench/spa-bench.mjs [paths, default /providers/RR8] (comma-separated)
//        WEB_DIST_DIR=<a built web app> to measure another build than dist/apps/web (an earlier commit's, say)
//
// Measured per page, from Chromium's own network log (CDP `Network.loadingFinished.encodedDataLength`: the bytes
// received for each response, headers and encoded body):
//   - bytes transferred: the sum over every response of the visit, until the network has been idle for 500 ms;
//   - JavaScript on first load: the scripts the visit loaded, as sent (their transfer), and the size of each as
//     raw, gzip and brotli, read from the build's precompressed copies beside it.
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from '../run.mjs';
import { cpuModel, freePort, startBuiltApi, startThrowawayPostgres } from './bench-kit.mjs';

const paths = (process.argv[2] ?? '/providers/RR8').split(',').filter(Boolean);
if (!paths.every((p) => p.startsWith('/'))) {
  console.error('usage: spa-bench.mjs [paths, comma-separated, each starting with /]');
  process.exit(1);
}
/** What Chromium sends over HTTPS (over plain HTTP it leaves brotli out; a deployment serves HTTPS). */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const TARGET_FIRST_VISIT_BYTES = 250_000;
const TARGET_JS_GZIP_BYTES = 150_000;
const START_TIMEOUT_MS = 10 * 60_000;
const main = path.join(root, 'dist/apps/api/main.js');
const webDist = path.resolve(root, process.env.WEB_DIST_DIR ?? 'dist/apps/web');
for (const file of [main, path.join(webDist, 'index.html')]) {
  if (!existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run \`npx nx run-many -t build -p api web\` first.`);
    process.exit(1);
  }
}
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromiumPath) {
  console.error('Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)');
  process.exit(1);
}

const startApi = (databaseUrl, port, logFile) => startBuiltApi({ main, databaseUrl, port, logFile, env: { WEB_DIST_DIR: webDist }, timeoutMs: START_TIMEOUT_MS });

const sizeOf = (file) => (existsSync(file) ? statSync(file).size : NaN);

/** One first visit: every response's transfer, by Chromium's network log. */
async function visit(browser, origin, pagePath) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'Accept-Encoding': ACCEPT_ENCODING } });
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const responses = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    responses.set(requestId, { url: response.url, type, status: response.status, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? 'none', bytes: 0, done: false });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const response = responses.get(requestId);
    if (response) Object.assign(response, { bytes: encodedDataLength, done: true });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
  // Settled as the accessibility test has it: a heading, nothing still "Loading…", and the network quiet after that
  // (on a busy machine the network can idle while a large script is still being run, before it asks for data).
  await page.locator('h1').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((node) => /Loading/.test(node.textContent ?? '')), undefined, { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const heading = (await page.locator('h1').first().textContent())?.trim();
  await context.close();
  const all = [...responses.values()].filter((r) => !r.url.startsWith('data:'));
  const scripts = all.filter((r) => r.type === 'Script').map((r) => {
    const file = path.join(webDist, new URL(r.url).pathname);
    return { ...r, raw: sizeOf(file), gzip: sizeOf(`${file}.gz`) || sizeOf(file), brotli: sizeOf(`${file}.br`) || sizeOf(file) };
  });
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  return {
    pagePath,
    heading,
    foreign,
    unfinished: all.filter((r) => !r.done).length,
    responses: all,
    bytes: sum(all, 'bytes'),
    scripts,
    js: { count: scripts.length, sent: sum(scripts, 'bytes'), raw: sum(scripts, 'raw'), gzip: sum(scripts, 'gzip'), brotli: sum(scripts, 'brotli') },
  };
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ');
const dir = await mkdtemp(path.join('/tmp', 'ccg-spa-bench-'));
await chmod(dir, 0o755);
const { cluster, port: pgPort, password } = await startThrowawayPostgres(dir);
let api;
let browser;
const results = [];
try {
  await cluster.createDatabase('bench');
  const apiPort = await freePort();
  console.log('Starting the built API serving the built web app (migrations and the bundled data load on first start)...');
  api = await startApi(`postgres://postgres:${password}@127.0.0.1:${pgPort}/bench`, apiPort, path.join(dir, 'api.log'));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const origin = `http://127.0.0.1:${apiPort}`;
  for (const pagePath of paths) {
    const result = await visit(browser, origin, pagePath);
    results.push(result);
    console.log(`\n${pagePath} ("${result.heading}"): ${result.responses.length} responses, ${result.bytes.toLocaleString('en-GB')} bytes${result.foreign.length ? `; refused off-origin: ${result.foreign.join(', ')}` : ''}${result.unfinished ? `; ${result.unfinished} unfinished` : ''}`);
    for (const r of [...result.responses].sort((a, b) => b.bytes - a.bytes)) {
      console.log(`  ${String(r.bytes).padStart(9)}  ${r.type.padEnd(10)} ${r.encoding.padEnd(5)} ${r.status} ${new URL(r.url).pathname}`);
    }
  }
  const machine = `${os.cpus().length} cores (${cpuModel()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Chromium ${browser.version()}`;
  console.log(`\nMachine: ${machine}`);
  console.log(`Load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log(`Date: ${new Date().toISOString()}; Accept-Encoding sent: ${ACCEPT_ENCODING}\n`);
  const kB = (bytes) => (bytes / 1000).toFixed(1);
  console.log('| first visit to | responses | bytes transferred | target | scripts | JS as sent | JS raw | JS gzip | JS brotli | gzip target |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const visitMet = r.bytes < TARGET_FIRST_VISIT_BYTES ? 'met' : 'missed';
    const jsMet = r.js.gzip < TARGET_JS_GZIP_BYTES ? 'met' : 'missed';
    console.log(
      `| ${r.pagePath} | ${r.responses.length} | ${r.bytes.toLocaleString('en-GB')} | under ${TARGET_FIRST_VISIT_BYTES.toLocaleString('en-GB')}: ${visitMet} | ${r.js.count} | ${kB(r.js.sent)} kB | ${kB(r.js.raw)} kB | ${kB(r.js.gzip)} kB | ${kB(r.js.brotli)} kB | under ${kB(TARGET_JS_GZIP_BYTES)} kB: ${jsMet} |`,
    );
  }
  if (results.some((r) => r.foreign.length || r.unfinished)) process.exitCode = 1;
} finally {
  await browser?.close();
  await api?.stop();
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
