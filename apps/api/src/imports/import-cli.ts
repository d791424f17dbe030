// npm run import -- <kind> <file>
// Imports one national data file into the database named by DATABASE_URL, or the embedded one.
import 'reflect-metadata';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { readConfig } from '../config';
import { openDatabase } from '../database/open-database';
import { createLogger } from '../server/logger';
import { runImport } from './import.service';
import { importKinds } from './kinds';

const usage = `Usage: npm run import -- <kind> <file.csv>
Kinds:
${Object.values(importKinds)
  .map((kind) => `  ${kind.name.padEnd(18)} ${kind.description}`)
  .join('\n')}`;

async function main(): Promise<number> {
  const [kindName, file] = process.argv.slice(2);
  if (!kindName || !file || !importKinds[kindName]) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const filePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(filePath)) {
    process.stderr.write(`No such file: ${filePath}\n`);
    return 2;
  }
  const config = readConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // As the API does: migrated as the owner, imported as the least-privilege login.
  const loadedSeconds = process.uptime();
  const { dataSource, embedded } = await openDatabase(config, logger, { applicationName: 'ccg-assure-import' });
  const openedSeconds = process.uptime() - loadedSeconds;
  try {
    const totalBytes = statSync(filePath).size;
    const started = Date.now();
    const report = await runImport(dataSource, {
      kind: importKinds[kindName],
      fileName: path.basename(filePath),
      stream: createReadStream(filePath, { highWaterMark: 256 * 1024 }),
      actor: { userId: null, username: `cli:${userInfo().username}`, requestId: `cli-${process.pid}` },
      onProgress: ({ rowsRead, bytesRead }) => drawProgress(bytesRead / Math.max(totalBytes, 1), rowsRead, started),
    });
    process.stderr.write('\n');
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${report.outcome}: ${report.rowsRead} rows read in ${seconds.toFixed(1)} s (${Math.round(report.rowsRead / Math.max(seconds, 0.001))} rows/s); ` +
        `inserted ${report.counts.inserted}, updated ${report.counts.updated}, deleted ${report.counts.deleted} (import batch ${report.batchId}); ` +
        `peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
    );
    // Where the time went, step by step (npm run bench:import prints it).
    process.stdout.write(`Steps: process start ${loadedSeconds.toFixed(2)} s; open and migrate the database ${openedSeconds.toFixed(2)} s; ${Object.entries(report.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(2)} s`).join('; ')}\n`);
    if (report.outcome === 'REJECTED') {
      process.stdout.write(`Nothing was saved: ${report.rowsRejected} bad row(s).\n`);
      for (const error of report.errors) process.stdout.write(`  line ${error.line}: ${error.reason}\n`);
      if (report.rowsRejected > report.errors.length) process.stdout.write(`  ... and ${report.rowsRejected - report.errors.length} more\n`);
      return 1;
    }
    return 0;
  } finally {
    await dataSource.destroy();
    if (embedded) await embedded.stop();
  }
}

function drawProgress(fraction: number, rows: number, started: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round(Math.min(fraction, 1) * width);
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${rows} rows  ${seconds.toFixed(1)} s`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const details = error as { message?: string; extensions?: unknown; details?: unknown };
    process.stderr.write(`\nImport failed: ${details.message ?? String(error)}\n`);
    process.exit(1);
  },
);
