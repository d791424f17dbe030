// How the API's TypeScript is compiled, in one place: the production bundle (apps/api/esbuild.mjs) and
// the Jest transform of the API and domain tests (tools/jest/esbuild-transform.cjs) both use these very
// options, so a test runs the code production runs (docs/decisions/0013-tests-compiled-like-the-bundle.md).
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');

/**
 * Code generation: what every file compiles to. esbuild emits no decorator metadata, so every
 * decorator names its type (docs/decisions/0002-explicit-decorator-types.md). keepNames: bundling renames
 * clashing top-level names (a class AssuranceFramework became AssuranceFramework2), and type-graphql and
 * TypeORM name types and entities after `Class.name`.
 */
const nodeCompileOptions = {
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  keepNames: true,
  tsconfig: path.join(workspaceRoot, 'apps/api/tsconfig.app.json'),
  absWorkingDir: workspaceRoot,
  logLevel: 'warning',
};

/** The production bundle of the API: dist/apps/api/main.js, its packages left to node_modules. */
const apiBundleOptions = {
  ...nodeCompileOptions,
  entryPoints: [path.join(workspaceRoot, 'apps/api/src/main.ts')],
  outfile: path.join(workspaceRoot, 'dist/apps/api/main.js'),
  bundle: true,
  packages: 'external',
  sourcemap: true,
};

module.exports = { workspaceRoot, nodeCompileOptions, apiBundleOptions };
