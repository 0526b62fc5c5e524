// For http and e2e tests: absolute URLs on the server that test/support/server.ts started, and its database.
import { inject } from 'vitest';
import { openDatabase, type Database } from '@/lib/server/db';

/** The absolute URL of `pathname` (e.g. "/vorlagen?jahr=2014") on the test server. */
export function serverUrl(pathname = '/'): string {
  return new URL(pathname, inject('baseUrl')).href;
}

/** The test server's own database, for arranging rows its pages should (not) show; close it in afterAll. */
export function openServerDatabase(): Database {
  return openDatabase(inject('serverDatabaseUrl'));
}
