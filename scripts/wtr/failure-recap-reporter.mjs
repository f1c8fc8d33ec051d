// @ts-check
/**
 * Repeats every failure once the run ends. The default reporter prints a
 * failure when its file finishes, often hundreds of lines before the summary;
 * a CI log that keeps only its tail would show "1 failed" and not which.
 */
import { relative } from 'node:path';

/** @param {any} suite @param {string[]} path @param {string[]} out */
function collect(suite, path, out) {
  for (const test of suite?.tests ?? []) {
    if (!test.passed && !test.skipped) {
      const error = test.error ? `\n      ${String(test.error.message ?? test.error).split('\n')[0]}` : '';
      out.push(`  ❌ ${[...path, test.name].join(' > ')}${error}`);
    }
  }
  for (const child of suite?.suites ?? []) collect(child, [...path, child.name], out);
}

/** @returns {import('@web/test-runner').Reporter} */
export function failureRecapReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const lines = [];
      for (const session of sessions) {
        const failures = [];
        collect(session.testResults, [], failures);
        for (const error of session.errors ?? [])
          failures.push(`  ❌ ${String(error.message ?? error).split('\n')[0]}`);
        if (!failures.length && session.passed !== false) continue;
        if (!failures.length) failures.push('  ❌ the file did not pass (see its report above)');
        lines.push(`${relative(process.cwd(), session.testFile)} (${session.browser.name}):`, ...failures);
      }
      if (lines.length) console.log(`\nFailed tests, again:\n${lines.join('\n')}\n`);
    },
  };
}
