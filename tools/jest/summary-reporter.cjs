// Jest reporter: writes the run's counts to .reports/<project>.json, which Nx keeps as the test task's output
// (so a cache hit restores it) and tools/test.mjs adds up into "tests: N passed, N failed".
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const reports = path.resolve(__dirname, '../../.reports');

module.exports = class SummaryReporter {
  constructor(globalConfig, options) {
    this.name = options.name;
  }

  onRunComplete(_contexts, results) {
    mkdirSync(reports, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numTotalTestSuites, numFailedTestSuites, numRuntimeErrorTestSuites } = results;
    const summary = { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numTotalTestSuites, numFailedTestSuites, numRuntimeErrorTestSuites };
    writeFileSync(path.join(reports, `${this.name}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  }
};
