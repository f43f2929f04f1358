// Adds each jest run's totals to the file named by CASEFLOW_TEST_TALLY (if set),
// so that `npm test` can close with one "N passed, N failed" line for all projects.
const { appendFileSync } = require('node:fs');

class TallyReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.CASEFLOW_TEST_TALLY;
    if (!file) return;
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    appendFileSync(file, JSON.stringify(line) + '\n');
  }
}

module.exports = TallyReporter;
