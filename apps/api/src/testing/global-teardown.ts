import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { __ccgTestDatabase?: { stop(): Promise<void>; dataDir: string } }).__ccgTestDatabase;
  if (!database) return;
  await database.stop();
  await rm(database.dataDir, { recursive: true, force: true });
}
