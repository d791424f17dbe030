const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'domain',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/../../tools/jest/summary-reporter.cjs', { name: 'domain' }]],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Compiled as the production bundle compiles it: esbuild with the API bundle's options, so no decorator
  // metadata (docs/decisions/0013-tests-compiled-like-the-bundle.md).
  transform: { '^.+\\.ts$': ['<rootDir>/../../tools/jest/esbuild-transform.cjs', { compileOptions: path.join(__dirname, '../../apps/api/esbuild.options.cjs') }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/jest.setup.js'],
  collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/**/*.spec.ts', '!<rootDir>/src/testing/**', '!<rootDir>/src/index.ts'],
  coverageDirectory: '<rootDir>/../../coverage/libs/domain',
  coverageReporters: ['text-summary', 'lcov'],
  // Issue 3: line coverage of libs/domain must stay at or above 95%, enforced by the test command.
  coverageThreshold: { global: { lines: 95 } },
};

