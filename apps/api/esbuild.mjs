// Bundles the API for production. esbuild emits no decorator metadata, so every TypeORM and
// type-graphql decorator in apps/api names its type explicitly (see docs/decisions/0002-explicit-decorator-types.md).
import { build } from 'esbuild';

await build({
  entryPoints: ['apps/api/src/main.ts'],
  outfile: 'dist/apps/api/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  tsconfig: 'apps/api/tsconfig.app.json',
  logLevel: 'warning',
});
console.log('built dist/apps/api/main.js');
