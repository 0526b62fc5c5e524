// Test projects: unit (pure functions), integration (lib/server on a real migrated, seeded libsql file per worker),
// http and e2e (the built server from dist/, started once by test/support/server.ts, the latter with Chromium).
import { defineConfig } from 'vitest/config';

// Every project fails a test that logs through console.error.
const consoleGuard = 'test/support/setup/console-errors.ts';

export default defineConfig({
  // '@/…' and '@db/…' as in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
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
          setupFiles: [consoleGuard],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/server.ts'],
          setupFiles: [consoleGuard],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
