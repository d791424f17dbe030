/**
 * Component tests of the web app in jsdom, compiled by swc.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  reporters: ['default', ['<rootDir>/../../tools/jest/summary-reporter.cjs', { name: 'web' }]],
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  // d3-scale and the d3 packages it uses ship only ES modules, which Jest's CommonJS runtime cannot run:
  // swc compiles them (and our code) to require().
  transformIgnorePatterns: ['/node_modules/(?!(d3-[a-z-]+|internmap)/)'],
  transform: {
    '^.+\\.(c|m)?(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@ccg-assure/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '\\.(css|scss)$': '<rootDir>/src/testing/style-stub.js',
  },
  setupFiles: ['<rootDir>/src/testing/polyfills.js'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
  testEnvironmentOptions: { customExportConditions: ['require', 'default'] },
};
