// npm run audit:verify
// Recomputes the audit trail's hash chain in the database named by DATABASE_URL, or the embedded one, and names
// the first broken link (decision 0015). Reads only: it needs SELECT on audit_event, nothing more.
// Exit status: 0 when the chain is intact, 1 when it is broken, 2 when it could not be checked.
import 'reflect-metadata';
import { readConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../database/embedded-database';
import { createLogger } from '../server/logger';
import { verifyAuditChain } from './audit.service';

async function main(): Promise<number> {
  const config = readConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, logger);
  const dataSource = createDataSource(config.databaseUrl ?? (embedded as EmbeddedDatabase).url, { poolSize: 1, applicationName: 'ccg-assure-audit-verify' });
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain(dataSource.manager);
    const head = result.headPosition === null ? 'the trail is empty' : `head at position ${result.headPosition}, hash ${result.headHash}`;
    if (result.intact) {
      process.stdout.write(`Audit chain intact: ${result.rowsChecked} row(s) checked; ${head}.\n`);
      return 0;
    }
    const broken = result.firstBreak;
    process.stdout.write(`Audit chain BROKEN: ${result.rowsChecked} row(s) checked; ${head}.\n`);
    if (broken) process.stdout.write(`First broken link: ${broken.kind} at position ${broken.position ?? '(none)'}, event ${broken.eventId}. ${broken.message}\n`);
    return 1;
  } catch (error) {
    // 42883: audit_event_canonical does not exist, so the database has not been migrated to the chain yet.
    if ((error as { code?: string }).code === '42883') {
      process.stderr.write('This database has no audit hash chain yet: start the API once (npm start) so its migrations run.\n');
      return 2;
    }
    throw error;
  } finally {
    await dataSource.destroy();
    if (embedded) await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Audit verification failed: ${(error as { message?: string }).message ?? String(error)}\n`);
    process.exit(2);
  },
);
