import { rm } from 'node:fs/promises';
import type { ServerProcess } from './server-process';

export default async function globalTeardown(): Promise<void> {
  const e2e = (globalThis as { __ccgE2e?: { server: ServerProcess; dataDir: string } }).__ccgE2e;
  if (!e2e) return;
  await e2e.server.stop();
  await rm(e2e.dataDir, { recursive: true, force: true });
}
