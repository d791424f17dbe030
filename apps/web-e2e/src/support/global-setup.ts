import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { startServerProcess } from './server-process';

/** One server for the browser journeys; its address goes to the tests in E2E_BASE_URL. */
export default async function globalSetup(): Promise<void> {
  // Under /tmp: the embedded cluster runs as user `postgres` when tests run as root.
  const dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-e2e-'));
  const server = await startServerProcess(dataDir);
  process.env.E2E_BASE_URL = server.baseUrl;
  (globalThis as { __ccgE2e?: unknown }).__ccgE2e = { server, dataDir };
}
