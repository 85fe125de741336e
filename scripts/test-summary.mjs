#!/usr/bin/env node
// Prints one line, `N passed, N failed` (plus `, N skipped` when any were), from a Vitest JSON report.
// Usage: node scripts/test-summary.mjs reports/vitest.json
// Exits 1 when the report is missing or unreadable, or when it records any failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`test-summary: cannot read ${file}: ${error instanceof Error ? error.message : error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const count = (value) => (Number.isFinite(value) ? value : 0);
const passed = count(report.numPassedTests);
let failed = count(report.numFailedTests);
const skipped = count(report.numPendingTests) + count(report.numTodoTests);

// A test file that fails before any test runs (syntax error, failing import, failing beforeAll outside a
// test) has no failed assertion: count each such file as one failure so that it cannot read as green.
const files = Array.isArray(report.testResults) ? report.testResults : [];
for (const result of files) {
  const assertions = Array.isArray(result.assertionResults) ? result.assertionResults : [];
  if (result.status === 'failed' && !assertions.some((a) => a.status === 'failed')) failed += 1;
}
// Errors outside any test (unhandled rejections, a failing global setup) only show in `success`.
if (report.success === false && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
