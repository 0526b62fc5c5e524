// The entry of a child process started by ./child-process.ts: receives one task module's URL and input over IPC,
// runs the module's default export once, answers and exits. A watchdog thread checks the resident memory of the
// whole process (ArrayBuffers included) every few milliseconds and stops the process when it passes the limit, or
// when the server that started it is gone; it runs beside the task, so a task that never yields is stopped too.
import { Worker } from 'node:worker_threads';
import { CHILD_FLAG, MEMORY_MARKER, type ChildAnswer, type ChildRequest } from './child-protocol';

/** The watchdog: plain CommonJS, evaluated as a worker thread (no file to build or find). */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
setInterval(() => {
  if (process.memoryUsage.rss() > workerData.memoryBytes) {
    fs.writeSync(2, workerData.marker + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
  if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
}, 10);
`;

/** Starts the watchdog and resolves once it runs. */
function startWatchdog(memoryBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const watchdog = new Worker(WATCHDOG, { eval: true, workerData: { memoryBytes, marker: MEMORY_MARKER, parent: process.ppid }, resourceLimits: { maxOldGenerationSizeMb: 16 } });
    watchdog.once('online', () => resolve());
    watchdog.once('error', reject);
    watchdog.unref();
  });
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

async function answer(request: ChildRequest): Promise<ChildAnswer> {
  let run: (input: unknown) => unknown;
  try {
    await startWatchdog(request.memoryBytes);
    run = ((await import(request.task)) as { default: (input: unknown) => unknown }).default;
  } catch (error) {
    return { ok: false, message: describe(error), loaded: false };
  }
  try {
    return { ok: true, value: await run(request.input) };
  } catch (error) {
    return { ok: false, message: describe(error), loaded: true };
  }
}

if (process.env[CHILD_FLAG] === '1' && process.send) {
  // The parent closed the channel (it stopped or died): nothing is waiting for the answer any more.
  process.once('disconnect', () => process.exit(1));
  process.once('message', (request: ChildRequest) => {
    void answer(request).then((result) => process.send!(result, () => process.exit(0)));
  });
}
