// `npm test`: every test, through Nx (so each task is cached against its inputs and only what changed runs
// again): lint and dead code (knip), type checks, unit and integration tests (against a real, embedded PostgreSQL), the API and
// web builds, the built bundle's schema, and the browser journeys in Debian's Chromium after the builds.
// Ends with one line "tests: N passed, N failed" and a non-zero exit code on any failure.
// Extra arguments go to Nx, e.g. `npm test -- --skip-nx-cache`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, elapsed, root, run } from './run.mjs';

const reports = path.join(root, '.reports');
const startedAt = Date.now();
const problems = [];

/** Debian's Chromium for the browser tests: installed with apt-get when it can be. */
async function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return true;
  if (existsSync('/usr/bin/chromium')) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error('Chromium is needed for the browser tests: install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH), then run npm test again.');
    return false;
  }
  console.log('Installing Debian chromium for the browser tests (apt-get)...');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0) return false;
  return (await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env })) === 0 && existsSync('/usr/bin/chromium');
}

// Each test task writes (or, from the cache, restores) its Jest JSON report here; stale ones must not count.
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const targets = ['lint', 'knip', 'typecheck', 'test', 'build'];
if (await ensureChromium()) targets.push('e2e');
else problems.push('browser tests: Chromium is missing');

const code = await run(bin('nx'), ['run-many', '-t', ...targets, '--outputStyle=static', ...process.argv.slice(2)]);
if (code !== 0) problems.push(`nx run-many -t ${targets.join(' ')} (exit ${code}; see the failed tasks above)`);

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const name of readdirSync(reports).filter((file) => file.endsWith('.json')).sort()) {
  const result = JSON.parse(readFileSync(path.join(reports, name), 'utf8'));
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  if (result.numFailedTests || result.numFailedTestSuites || result.numRuntimeErrorTestSuites) problems.push(`tests: ${path.basename(name, '.json')}`);
}

console.log(`\nFinished in ${elapsed(startedAt)}.`);
if (problems.length) console.log(`Failed: ${problems.join('; ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(problems.length || totals.failed ? 1 : 0);
