import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const summaryFile = fileURLToPath(new URL('../.test-summary.json', import.meta.url));

/**
 * A web-test-runner reporter that counts results for `run-browser-tests.mjs`, which prints `N passed, N failed` last.
 * A test file that fails to load counts as one failure, so a broken import can never look green.
 */
export function summaryReporter() {
  let passed = 0;
  let failed = 0;

  /** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
  function countSuite(suite) {
    if (!suite) return;
    for (const test of suite.tests) {
      if (test.skipped) continue;
      if (test.passed) passed += 1;
      else failed += 1;
    }
    for (const child of suite.suites) countSuite(child);
  }

  return {
    onTestRunFinished({ sessions }) {
      passed = 0;
      failed = 0;
      for (const session of sessions) {
        countSuite(session.testResults);
        const loadErrors = session.errors?.length ?? 0;
        if (loadErrors > 0 || (!session.passed && !session.testResults)) failed += Math.max(1, loadErrors);
      }
    },
    stop() {
      writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
    },
  };
}
