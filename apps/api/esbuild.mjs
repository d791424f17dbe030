// Bundles the API for production with the options the API and domain tests are compiled with
// (esbuild.options.cjs; docs/decisions/0013-tests-compiled-like-the-bundle.md).
import { build } from 'esbuild';
import options from './esbuild.options.cjs';

await build(options.apiBundleOptions);
console.log('built dist/apps/api/main.js');
