// Jest transform for code that runs on Node (the API and libs/domain): esbuild with the options of the
// production bundle, one file at a time. Each jest.config.js names the module of those options
// (`{ compileOptions: '.../apps/api/esbuild.options.cjs' }`, its `nodeCompileOptions`). What a per-file transform
// cannot show (how bundling renames things) the bundle-schema test checks on the built bundle.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const loaders = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

/** The tsconfig chain (extends) of the options, whose compiler options change the output. */
function tsconfigChain(file, seen = []) {
  const text = readFileSync(file, 'utf8');
  const parent = /"extends"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  seen.push(text);
  return parent ? tsconfigChain(path.resolve(path.dirname(file), parent), seen) : seen;
}

/** The esbuild options a jest.config.js names, and a cache key covering everything that changes the output. */
const configs = new Map();
function configOf(transformerConfig) {
  const file = transformerConfig?.compileOptions;
  if (!file) throw new Error('tools/jest/esbuild-transform.cjs needs { compileOptions: <path of a module exporting nodeCompileOptions> }');
  if (!configs.has(file)) {
    const { nodeCompileOptions } = require(file);
    const key = createHash('sha256')
      .update(esbuild.version)
      .update(JSON.stringify(nodeCompileOptions))
      .update(readFileSync(__filename))
      .update(readFileSync(file))
      .update(tsconfigChain(nodeCompileOptions.tsconfig).join('\n'))
      .digest('hex');
    configs.set(file, { options: nodeCompileOptions, key });
  }
  return configs.get(file);
}

module.exports = {
  canInstrument: false,
  // Jest instruments the output for coverage after this transform and caches the instrumented code under this key,
  // so the key must say whether it instruments: otherwise a coverage run reuses uninstrumented code (and reports
  // files as uncovered), or a plain run reuses instrumented code.
  getCacheKey(source, filename, { transformerConfig, instrument }) {
    return createHash('sha256')
      .update(configOf(transformerConfig).key)
      .update(instrument ? 'instrumented' : 'plain')
      .update(filename)
      .update(source)
      .digest('hex');
  },
  process(source, filename, { transformerConfig }) {
    // esbuild does not hoist jest.mock() above imports as babel-jest and ts-jest do: refuse rather than mislead.
    if (/\bjest\.mock\(/.test(source)) throw new Error(`${filename}: jest.mock() is not hoisted by the esbuild transform; inject the dependency instead`);
    const result = esbuild.buildSync({
      ...configOf(transformerConfig).options,
      stdin: { contents: source, sourcefile: filename, loader: loaders[path.extname(filename)] ?? 'ts', resolveDir: path.dirname(filename) },
      bundle: false,
      write: false,
      sourcemap: 'external',
      outfile: `${filename}.js`,
    });
    // The output is esbuild's, unchanged: a module's exports are read-only getters, as in the bundle, so a test
    // cannot jest.spyOn() a module's function. Make the failure real instead (for example a database trigger).
    const code = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
    const map = result.outputFiles.find((file) => file.path.endsWith('.map'))?.text;
    return { code, map };
  },
};
