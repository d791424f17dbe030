/**
 * Checks of the workspace itself (not of an app): that what the README promises about installing holds.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'tools',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/jest/summary-reporter.cjs', { name: 'tools' }]],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/checks/**/*.spec.cjs'],
  transform: {},
  moduleFileExtensions: ['cjs', 'js', 'json'],
};
