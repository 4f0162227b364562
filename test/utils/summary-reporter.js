/**
 * Ends a run with one plain line, `N passed, N failed, N skipped`, that any CI log reader
 * understands. Written at process exit so it comes after Jest's own summary. A suite that could
 * not run (an error outside any test, e.g. in `beforeAll`) is named and counted as failed too.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites, testResults } = results;
    const broken = testResults.filter((suite) => suite.testExecError || (suite.failureMessage && suite.numFailingTests === 0));
    const suites = broken.length > 0 ? ` (${broken.length} suite${broken.length > 1 ? 's' : ''} failed outside a test)` : '';
    const failed = numFailedTests + Math.max(broken.length, numRuntimeErrorTestSuites);
    const line = `${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped${suites}\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
