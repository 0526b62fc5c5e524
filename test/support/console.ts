// Fails a test that logs through console.error (as Epic Stack does): an error nobody asserted on is a bug.
import { format } from 'node:util';

const logged: string[] = [];
const allowed: RegExp[] = [];
const original = console.error.bind(console);

/** Starts recording console.error; called once per test file by the setup file. */
export function installConsoleErrorGuard(): void {
  console.error = (...args: unknown[]) => {
    const message = format(...args);
    if (!allowed.some((pattern) => pattern.test(message))) logged.push(message);
    original(...args);
  };
}

/** Lets the current test log errors matching `pattern` (all errors if omitted), e.g. when it provokes one on purpose. */
export function allowConsoleError(pattern: RegExp = /[\s\S]*/): void {
  allowed.push(pattern);
}

/** Throws if anything unexpected was logged since the last check; resets the allowances. */
export function assertNoConsoleErrors(when: string): void {
  const messages = logged.splice(0);
  allowed.length = 0;
  if (messages.length) {
    const list = messages.map((m) => `  - ${m.split('\n').slice(0, 8).join('\n    ')}`).join('\n');
    throw new Error(`console.error wurde ${when} aufgerufen. Fehler beheben oder im Test allowConsoleError(/…/) aufrufen:\n${list}`);
  }
}
