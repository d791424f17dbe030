const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/../../tools/jest/summary-reporter.cjs', { name: 'api' }]],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Compiled as the production bundle compiles it: esbuild with the API bundle's options, so no decorator
  // metadata (docs/decisions/0013-tests-compiled-like-the-bundle.md).
  transform: { '^.+\\.ts$': ['<rootDir>/../../tools/jest/esbuild-transform.cjs', { compileOptions: path.join(__dirname, '../../apps/api/esbuild.options.cjs') }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@ccg-assure/domain$': '<rootDir>/../../libs/domain/src/index.ts' },
  // One embedded PostgreSQL cluster for the run; each suite creates its own database in it.
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 30_000,
};

