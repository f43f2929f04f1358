// Adds each jest run's totals to the file named by CASEFLOW_TEST_TALLY (if set),
// so that `npm test` can close with one "N passed, N failed" line for all projects.
const { appendFileSync } = require('node:fs');
const { relative } = require('node:path');

/** A failure's first lines, without colour, on one line. */
const gist = (messages) =>
  (messages[0] ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
    .slice(0, 4)
    .join(' / ')
    .slice(0, 400);

class TallyReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.CASEFLOW_TEST_TALLY;
    if (!file) return;
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      // Suites that failed with no failing test of their own (they could not run, or failed outside a test):
      // a suite whose tests failed is already counted by its tests.
      suitesFailed: results.testResults.filter((suite) => suite.testExecError || (suite.numFailingTests === 0 && suite.failureMessage))
        .length,
    };
    // The failures by name, so that the closing lines of `npm test` say which (a long log is often read from its end).
    line.failures = results.testResults.flatMap((suite) => {
      const where = relative(process.cwd(), suite.testFilePath);
      const tests = suite.testResults
        .filter((t) => t.status === 'failed')
        .map((t) => `${where} › ${t.fullName}: ${gist(t.failureMessages)}`);
      return tests.length || !(suite.testExecError || suite.failureMessage) ? tests : [`${where} (could not run)`];
    });
    appendFileSync(file, JSON.stringify(line) + '\n');
  }
}

module.exports = TallyReporter;
