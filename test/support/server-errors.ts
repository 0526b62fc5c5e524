// Errors the test server logged (recorded by server-preload.ts), and the checks that fail a test on them, as
// console.error in a test does. Every request of an http or e2e test file carries the file's name in a header
// (setup/server-errors.ts for fetch, browser.ts for Chromium), so an error is reported by the file that caused it,
// even while other files run in parallel; errors no file reported fail the run in the server's teardown.
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './paths';

/** The request header naming the test file a request comes from. */
export const TEST_FILE_HEADER = 'x-test-file';

/** Where the test server records its errors: one JSON line per error. */
export const serverErrorLog = path.join(tmpDir, 'server-errors.jsonl');
/** Ids of the errors a test file has already reported or allowed, one per line. */
const handledLog = path.join(tmpDir, 'server-errors-handled.log');

/** One error the server logged: which test file's request it happened in (null: none), and what it said. */
export interface ServerError {
  id: string;
  at: string;
  file: string | null;
  message: string;
}

/** Empties both logs; called by the server setup before the server starts. */
export function resetServerErrors(): void {
  fs.mkdirSync(tmpDir, { recursive: true });
  fs.writeFileSync(serverErrorLog, '');
  fs.writeFileSync(handledLog, '');
}

function completeLines(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  // A line still being written has no newline yet; it is read on the next check.
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
}

/** Every error the server has logged so far in this run. */
export function readServerErrors(): ServerError[] {
  return completeLines(serverErrorLog).map((line) => JSON.parse(line) as ServerError);
}

/** Formats errors for a failure message: where they happened and the first lines of each. */
export function describeServerErrors(errors: ServerError[]): string {
  return errors
    .map((e) => `  - ${e.file ? `bei einer Anfrage aus ${e.file}` : 'ohne Anfrage einer Testdatei'}: ${e.message.split('\n').slice(0, 12).join('\n    ')}`)
    .join('\n');
}

const allowed: RegExp[] = [];
const handled = new Set<string>();

/**
 * Lets the current test provoke server errors matching `pattern` (all if omitted), e.g. a test that checks the
 * page a failure shows. Only this test file's requests are covered; the allowance ends after the next check.
 */
export function allowServerError(pattern: RegExp = /[\s\S]*/): void {
  allowed.push(pattern);
}

/** Throws with the server's messages if it logged errors for `file`'s requests since the last check. */
export function assertNoServerErrors(file: string, when: string): void {
  const fresh = readServerErrors().filter((e) => e.file === file && !handled.has(e.id));
  const unexpected = fresh.filter((e) => !allowed.some((pattern) => pattern.test(e.message)));
  allowed.length = 0;
  if (!fresh.length) return;
  for (const e of fresh) handled.add(e.id);
  fs.appendFileSync(handledLog, fresh.map((e) => `${e.id}\n`).join(''));
  if (unexpected.length) {
    throw new Error(`Der Testserver hat ${when} einen Fehler protokolliert (Protokoll: ${path.relative(process.cwd(), serverErrorLog)}). Fehler beheben oder im Test allowServerError(/…/) aufrufen:\n${describeServerErrors(unexpected)}`);
  }
}

/** Errors no test file has reported or allowed: those of requests from no test file, or logged after its last check. */
export function unreportedServerErrors(): ServerError[] {
  const seen = new Set(completeLines(handledLog));
  return readServerErrors().filter((e) => !seen.has(e.id));
}
