import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// What production runs is the esbuild bundle, not these test modules: bundling renames clashing names
// (a class AssuranceFramework once became AssuranceFramework2), so the schema is checked on the bundle
// itself. `npx nx test api` builds it first (the target depends on api:build).
const workspace = path.resolve(__dirname, '../../../..');
const bundle = path.join(workspace, 'dist/apps/api/main.js');
const committedSchemaFile = path.join(workspace, 'apps/api/schema.graphql');

/** The newest source file the bundle is built from, so a stale bundle fails instead of misleading. */
function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(file));
    else if (/\.ts$/.test(entry.name) && !/\.(int-)?spec\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

describe('the built API bundle', () => {
  it('serves exactly the committed apps/api/schema.graphql (run `npm run schema:write` after a deliberate change)', () => {
    if (!existsSync(bundle)) throw new Error('dist/apps/api/main.js is missing: run `npx nx test api`, which builds it first, or `npx nx build api`');
    const sources = Math.max(newestSourceTime(path.join(workspace, 'apps/api/src')), newestSourceTime(path.join(workspace, 'libs/domain/src')));
    if (statSync(bundle).mtimeMs < sources) throw new Error('dist/apps/api/main.js is older than its sources: run `npx nx build api` (or `npx nx test api`)');
    const printed = execFileSync(process.execPath, [bundle, '--print-schema'], { encoding: 'utf8' });
    expect(printed).toBe(readFileSync(committedSchemaFile, 'utf8'));
  });
});
