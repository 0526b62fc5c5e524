// Names for the rows a test file creates on the shared test server. The http and e2e files run in parallel
// against one database, so a file asserts on its own rows (found by these names), never on global counts or on
// "the first item" of a list that other files add to.
import { testFileSlug } from './test-file';

let counter = 0;

/** A slug-safe token no other test file and no earlier call in this file returns, e.g. "http-tracker-3". */
export function uniqueToken(): string {
  counter += 1;
  return `${testFileSlug()}-${counter}`;
}

/** `label` made unique to this test file and call, e.g. "Antrag Radweg (http-tracker-3)": for titles and names. */
export function uniqueName(label: string): string {
  return `${label} (${uniqueToken()})`;
}

/** An e-mail address no other account on the test server has, e.g. "clerk.http-tracker-3@ratsfaden.test". */
export function uniqueEmail(local = 'konto'): string {
  return `${local}.${uniqueToken()}@ratsfaden.test`;
}
