// `npm test`: every test. Lint and type checks, then unit and integration tests (against a real,
// embedded PostgreSQL), then a build and the browser journeys in Debian's Chromium.
// Ends with one line "tests: N passed, N failed" and a non-zero exit code on any failure.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, elapsed, root, run } from './run.mjs';

const reports = path.join(root, '.reports');
mkdirSync(reports, { recursive: true });
const startedAt = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

async function step(name, command, args, options) {
  const at = Date.now();
  console.log(`\n=== ${name}`);
  const code = await run(command, args, options);
  console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${elapsed(at)}`);
  if (code !== 0) problems.push(name);
  return code;
}

async function jest(name, config, extra = []) {
  const report = path.join(reports, `${name}.json`);
  const code = await step(`tests: ${name}`, bin('jest'), ['-c', config, '--json', `--outputFile=${report}`, ...extra]);
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + (result.numTodoTests ?? 0);
    if (code !== 0 && result.numFailedTests === 0 && result.numRuntimeErrorTestSuites === 0 && !problems.includes(`tests: ${name}`)) problems.push(`tests: ${name}`);
  }
  return code;
}

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

const nx = bin('nx');
const staticOut = '--outputStyle=static';
await step('lint', nx, ['run-many', '-t', 'lint', staticOut]);
await step('type check', nx, ['run-many', '-t', 'typecheck', staticOut]);
await jest('domain', 'libs/domain/jest.config.js', ['--coverage']);
await jest('api', 'apps/api/jest.config.js');
await jest('web', 'apps/web/jest.config.js');
if ((await step('build', nx, ['run-many', '-t', 'build', '-p', 'api', 'web', staticOut])) === 0) {
  if (await ensureChromium()) await jest('web-e2e', 'apps/web-e2e/jest.config.js');
  else problems.push('browser tests: Chromium is missing');
}

console.log(`\nFinished in ${elapsed(startedAt)}.`);
if (problems.length) console.log(`Failed steps: ${problems.join('; ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(problems.length || totals.failed ? 1 : 0);
