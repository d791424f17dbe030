// SPC benchmark (issue 19): `analyseSpc` over every real A&E series, in process, as the stored scores call it.
// Usage: node tools/bench/spc-bench.mjs [batches, default 500]
//
// The series are built from the bundled A&E return exactly as the import and the stored scores build them
// (apps/api/src/imports/kinds/ae-attendances.queries.ts, apps/api/src/scores): AE_4HR_ALL counts every department
// type and AE_4HR_TYPE1 type 1 only; per organisation and month numerator = attendances − breaches and
// denominator = attendances, months with no attendances dropped; value = round(numerator × 100 / denominator, 10)
// half away from zero (PostgreSQL numeric) read as a double (`value::float8`), periods the first of each month.
// Each series is analysed as `scoreSeries` (apps/api/src/scores/score-series.ts) analyses it: the standard's
// polarity as improvement direction, each point's target the standard's version in force at its period, no rebase,
// no baseline. The data has 414 series with at least one month; 394 of them have 12 months or more (the fewest a
// baseline may be fixed after), and those 394 are the headline batch (issue 19's measure); all 414 are timed too.
//
// A batch is one `analyseSpc` call per series. After a warm-up the batches are timed one by one (median, p95).
// The digest (SHA-256 of every analysis as JSON) shows that a change to the code did not change a result.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { root } from '../run.mjs';

const batches = Number(process.argv[2] ?? 500);
if (!Number.isInteger(batches) || batches < 20 || batches > 100_000) {
  console.error('usage: spc-bench.mjs [batches: 20 to 100000]');
  process.exit(1);
}
const WARM_UP_BATCHES = Math.max(50, Math.round(batches / 5));

// The domain library compiled as the API's production bundle compiles it (apps/api/esbuild.options.cjs, decision
// 0013): one bundled file, so the timings are those of the code the API runs.
const require = createRequire(import.meta.url);
// The options file by path, as libs/domain/jest.config.js hands it to the tests' transform.
const { nodeCompileOptions } = require(path.join(root, 'apps/api/esbuild.options.cjs'));
const bundle = path.join(await mkdtemp(path.join(os.tmpdir(), 'spc-bench-')), 'domain.cjs');
// SPC_BENCH_DOMAIN_SRC: another copy of libs/domain/src (say, an older commit's) to time instead.
const domainSource = path.resolve(process.env.SPC_BENCH_DOMAIN_SRC ?? path.join(root, 'libs/domain/src'));
await build({ ...nodeCompileOptions, entryPoints: [path.join(domainSource, 'index.ts')], outfile: bundle, bundle: true, packages: 'external' });
const domain = require(bundle);
await rm(path.dirname(bundle), { recursive: true, force: true });
const { analyseSpc, PROVIDER_STANDARDS, targetsAtPeriods } = domain;

// The data folder the API reads (apps/api/src/config.ts: SHARED_DATA_DIR, else ../shared/data beside the project).
const dataDir = path.resolve(root, process.env.SHARED_DATA_DIR ?? '../shared/data');
const AE_INDICATORS = [
  { code: 'AE_4HR_ALL', departmentTypes: new Set(['1', '2', 'other']) },
  { code: 'AE_4HR_TYPE1', departmentTypes: new Set(['1']) },
];

/** indicator code → organisation code → period → [numerator, denominator] (exact integers). */
function sumAeCounts(rows) {
  const sums = new Map(AE_INDICATORS.map(({ code }) => [code, new Map()]));
  for (const row of rows) {
    for (const { code, departmentTypes } of AE_INDICATORS) {
      if (!departmentTypes.has(row.type)) continue;
      const byOrganisation = sums.get(code);
      if (!byOrganisation.has(row.org_code)) byOrganisation.set(row.org_code, new Map());
      const byPeriod = byOrganisation.get(row.org_code);
      const counts = byPeriod.get(row.period) ?? [0n, 0n];
      counts[0] += BigInt(row.attendances) - BigInt(row.breaches);
      counts[1] += BigInt(row.attendances);
      byPeriod.set(row.period, counts);
    }
  }
  return sums;
}

/** round(numerator × 100 / denominator, 10), half away from zero, as PostgreSQL's numeric gives it, then as a double. */
function percentageAsStored(numerator, denominator) {
  const scale = 10n ** 10n;
  const scaled = numerator * 100n * scale;
  let quotient = scaled / denominator;
  if ((scaled % denominator) * 2n >= denominator) quotient += 1n;
  return Number(`${quotient / scale}.${String(quotient % scale).padStart(10, '0')}`);
}

function directionOf(polarity) {
  return polarity === 'HIGHER_IS_BETTER' ? 'INCREASE' : polarity === 'LOWER_IS_BETTER' ? 'DECREASE' : 'NEUTRAL';
}

function loadSeries() {
  const rows = parse(readFileSync(path.join(dataDir, 'ae_attendances.csv')), { columns: true, skip_empty_lines: true });
  const targets = { standards: PROVIDER_STANDARDS, localTargets: [], trajectory: [] };
  const series = [];
  for (const [indicatorCode, byOrganisation] of sumAeCounts(rows)) {
    const standards = PROVIDER_STANDARDS.filter((standard) => standard.code === indicatorCode);
    const improvementDirection = directionOf(standards[standards.length - 1].polarity);
    for (const [organisationCode, byPeriod] of byOrganisation) {
      const months = [...byPeriod].filter(([, [, denominator]]) => denominator > 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (months.length === 0) continue;
      const periods = months.map(([period]) => period);
      const inForce = targetsAtPeriods(indicatorCode, periods, targets);
      series.push({
        indicatorCode,
        organisationCode,
        input: {
          points: months.map(([period, [numerator, denominator]], i) => ({ period, value: percentageAsStored(numerator, denominator), target: inForce[i]?.value ?? null })),
          improvementDirection,
          rebaseDates: [],
          fixAfterNPoints: null,
        },
      });
    }
  }
  return series;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function timeBatches(inputs) {
  let sink = 0;
  const runBatch = () => {
    for (const input of inputs) sink += analyseSpc(input).points.length;
  };
  for (let i = 0; i < WARM_UP_BATCHES; i++) runBatch();
  const durations = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < batches; i++) {
    const started = process.hrtime.bigint();
    runBatch();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const cpu = process.cpuUsage(cpuBefore);
  durations.sort((a, b) => a - b);
  // CPU time per batch (user + system, this process): less disturbed than wall time when other work shares the cores.
  const cpuPerBatch = (cpu.user + cpu.system) / 1000 / batches;
  return { median: percentile(durations, 50), p95: percentile(durations, 95), min: durations[0], cpuPerBatch, sink };
}

function digestOf(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(JSON.stringify(analyseSpc(input)));
  return hash.digest('hex').slice(0, 16);
}

const series = loadSeries();
const headline = series.filter(({ input }) => input.points.length >= 12);
const pointsIn = (list) => list.reduce((total, { input }) => total + input.points.length, 0);
const loadBefore = os.loadavg();
const cases = [
  { label: `${headline.length} series with 12 months or more`, list: headline },
  { label: `all ${series.length} series`, list: series },
];
const results = cases.map(({ label, list }) => {
  const inputs = list.map(({ input }) => input);
  return { label, points: pointsIn(list), digest: digestOf(inputs), ...timeBatches(inputs) };
});
const loadAfter = os.loadavg();

const cpus = os.cpus();
console.log(`SPC benchmark: analyseSpc over the real A&E series, ${batches} timed batches after ${WARM_UP_BATCHES} warm-up`);
console.log(`domain: ${path.relative(root, domainSource) || '.'}`);
console.log(`machine: nproc ${os.availableParallelism()}, ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`load average (1, 5, 15 min): before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
console.log(`date: ${new Date().toISOString()}`);
console.log('| batch | points | median ms | p95 ms | min ms | CPU ms per batch | digest |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of results) {
  console.log(`| ${r.label} | ${r.points} | ${r.median.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.min.toFixed(2)} | ${r.cpuPerBatch.toFixed(2)} | ${r.digest} |`);
}
