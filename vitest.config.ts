// Test projects: unit (pure functions), integration (lib/server on a real migrated, seeded libsql file per worker),
// http and e2e (the built server from dist/, started once by test/support/server.ts, the latter with Chromium).
import { defineConfig } from 'vitest/config';

// Every project fails a test that logs through console.error.
const consoleGuard = 'test/support/setup/console-errors.ts';
// http and e2e fail a test when the server logs an error while handling one of the file's requests.
const serverErrorGuard = 'test/support/setup/server-errors.ts';

// Timeouts only stop a test that hangs; they are no speed requirement. The machine may be a loaded 2-core CI box
// running several suites at once, so they are generous: a test waits for conditions (expect.poll, waitForURL,
// waitForFunction), never for a fixed time, and a slow machine only makes the run longer.
const HANG_GUARD_MS = 120_000;

export default defineConfig({
  // '@/…' and '@db/…' as in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    testTimeout: HANG_GUARD_MS,
    hookTimeout: HANG_GUARD_MS,
    teardownTimeout: HANG_GUARD_MS,
    // expect.poll keeps asking until the condition holds; the timeout only ends the wait for one that never does.
    expect: { poll: { timeout: 60_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: [consoleGuard],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/setup/integration-global.ts'],
          // Order matters: the database copy must be in place before a test file imports lib/server.
          setupFiles: [consoleGuard, 'test/support/setup/integration-db.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'http',
          include: ['test/http/**/*.test.ts'],
          globalSetup: ['test/support/server.ts'],
          setupFiles: [consoleGuard, serverErrorGuard],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/server.ts'],
          setupFiles: [consoleGuard, serverErrorGuard],
          // A browser journey is many steps, each of which may wait up to BROWSER_STEP_TIMEOUT_MS (browser.ts).
          testTimeout: 300_000,
        },
      },
    ],
  },
});
