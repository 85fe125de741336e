import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, after every run, how many tests ran on each database, so a run that skipped PostgreSQL
 * cannot pass for one that exercised it.
 */
export default class DatabaseReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = {
      sqlite: { passed: 0, failed: 0, skipped: 0 },
      postgres: { passed: 0, failed: 0, skipped: 0 },
    };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const dialect = test.fullName.includes('[postgres]')
          ? 'postgres'
          : test.fullName.includes('[sqlite]')
            ? 'sqlite'
            : null;
        if (!dialect) continue;
        const state = test.result().state;
        if (state === 'passed') counts[dialect].passed++;
        else if (state === 'failed') counts[dialect].failed++;
        else counts[dialect].skipped++;
      }
    }
    for (const [name, count] of [
      ['SQLite', counts.sqlite],
      ['PostgreSQL', counts.postgres],
    ] as const) {
      console.log(`${name} suites: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
    }
  }
}
