// For http and e2e tests: absolute URLs on the server that test/support/server.ts started.
import { inject } from 'vitest';

/** The absolute URL of `pathname` (e.g. "/vorlagen?jahr=2014") on the test server. */
export function serverUrl(pathname = '/'): string {
  return new URL(pathname, inject('baseUrl')).href;
}
