/**
 * Browser journeys: the built API (production mode, serving the built SPA) on its own embedded
 * PostgreSQL, driven through Debian's Chromium by playwright-core. Build first (npm test does).
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/../../tools/jest/summary-reporter.cjs', { name: 'web-e2e' }]],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
};
