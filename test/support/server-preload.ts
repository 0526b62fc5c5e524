// Loaded into the test server process (`node --import`, by test/support/server.ts); never imported by tests or the
// app. Records every error the server reports, with the test file whose request caused it, as one JSON line in
// RATSFADEN_TEST_ERROR_LOG; test/support/server-errors.ts fails that file with the server's message. An error is:
// anything written to stderr (console.error, Astro's "[ERROR]" lines, stack traces), an uncaught exception or
// unhandled rejection, and any response with a 5xx status. Warnings are no errors: console.warn and Node's
// process warnings are written to stdout instead. Uses only Node built-ins: Node runs this file without a build step.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import http from 'node:http';
import { format } from 'node:util';

const errorLog = process.env.RATSFADEN_TEST_ERROR_LOG;
const header = process.env.RATSFADEN_TEST_FILE_HEADER;
if (!errorLog || !header) throw new Error('server-preload.ts braucht RATSFADEN_TEST_ERROR_LOG und RATSFADEN_TEST_FILE_HEADER (test/support/server.ts setzt beide).');

/** The test file whose request is being handled (from the request header), for everything that happens meanwhile. */
const requestFile = new AsyncLocalStorage<string | null>();
let sequence = 0;

function record(message: string, file: string | null = requestFile.getStore() ?? null): void {
  sequence += 1;
  const entry = { id: `${process.pid}-${sequence}`, at: new Date().toISOString(), file, message: message.trimEnd() };
  // Synchronous, so the line is on disk before the response that follows the error reaches the test.
  fs.appendFileSync(errorLog!, `${JSON.stringify(entry)}\n`);
}

const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  record(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  return (writeStderr as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stderr.write;

console.warn = (...args: unknown[]) => {
  process.stdout.write(`${format(...args)}\n`);
};
// Started with --no-warnings, so Node prints its warnings only here.
process.on('warning', (warning) => {
  process.stdout.write(`(node:${process.pid}) ${warning.name}: ${warning.message}\n`);
});
process.on('uncaughtExceptionMonitor', (error, origin) => {
  record(`${origin}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const emit = http.Server.prototype.emit as Emit;
http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event !== 'request') return emit.call(this, event, ...args);
  const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
  const tag = request.headers[header];
  const file = typeof tag === 'string' ? decodeURIComponent(tag) : null;
  response.once('finish', () => {
    if (response.statusCode >= 500) record(`HTTP ${response.statusCode} auf ${request.method} ${request.url}`, file);
  });
  return requestFile.run(file, () => emit.call(this, event, ...args));
} as typeof http.Server.prototype.emit;
