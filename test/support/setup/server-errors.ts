// setupFiles entry of the http and e2e projects: every request this test file sends to the test server names the
// file (header), and a test fails if the server logged an error while handling one of them.
import { afterAll, afterEach, inject } from 'vitest';
import { assertNoServerErrors, TEST_FILE_HEADER } from '../server-errors';
import { currentTestFile } from '../test-file';

const file = currentTestFile();
const origin = new URL(inject('baseUrl')).origin;

// Node's fetch, kept across test files that run in the same worker so that the wrapper is never wrapped again.
const ORIGINAL_FETCH = Symbol.for('ratsfaden.test.originalFetch');
const state = globalThis as typeof globalThis & { [ORIGINAL_FETCH]?: typeof fetch };
const originalFetch = (state[ORIGINAL_FETCH] ??= globalThis.fetch);

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (new URL(url).origin !== origin) return originalFetch(input, init);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set(TEST_FILE_HEADER, encodeURIComponent(file));
  return originalFetch(input, { ...init, headers });
};

afterEach(() => assertNoServerErrors(file, 'während dieses Tests'));
afterAll(() => assertNoServerErrors(file, 'für diese Testdatei (in beforeAll/afterAll oder im Hintergrund nach dem letzten Test)'));
