// One task in a short-lived child process of its own, for work on hostile input that must be bounded harder than a
// worker thread can be: V8's heap limits (a worker's resourceLimits, --max-old-space-size) do not count ArrayBuffers,
// so a thread inflating a compressed stream grows the server's memory without limit. The child has a time limit
// (stopped with SIGKILL) and a memory limit on its whole resident set, watched from inside it by a thread of its own
// (./child-entry.task.ts), so neither a busy server nor a server that died in between leaves it running unbounded.
// A task is a module whose default export takes one structured-cloneable value, as in the worker pool (./pool.ts),
// named by `new URL('./x.task.ts', import.meta.url)`; its answer comes back over the IPC channel. Decision 0010.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHILD_FLAG, MEMORY_MARKER, type ChildAnswer, type ChildRequest } from './child-protocol';

/** Why a child gave no answer: the task threw, the process died without answering, it ran out of time or memory. */
export type ChildFailure = 'threw' | 'crashed' | 'timeout' | 'memory';

/** A task without an answer; `message` is the task's own error (threw) or what happened to the process. */
export class ChildTaskError extends Error {
  constructor(
    readonly reason: ChildFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChildTaskError';
  }
}

/** Limits of one child: wall-clock time from its start, and resident memory of the whole process. */
export interface ChildLimits {
  timeoutMs: number;
  memoryBytes: number;
}

/** Messages of V8 and pdf.js-like code when an allocation fails: a memory limit, however it was reached. */
const OUT_OF_MEMORY = /heap out of memory|Array buffer allocation failed|Invalid typed array length|allocation failed/i;

const entry = new URL('./child-entry.task.ts', import.meta.url);

/** Children running now; they are stopped when this process exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Environment of a child: only what Node and tsx need; no database URL, no tokens. */
function childEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'TMPDIR', 'LANG', 'NODE_ENV', 'TZ'];
  return { ...Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])), [CHILD_FLAG]: '1' };
}

/** Runs the task module at `task` on `input` in a new child process; rejects with a ChildTaskError only. */
export function runInChildProcess<T>(task: URL, input: unknown, limits: ChildLimits): Promise<T> {
  // Sources (Vitest, `astro dev`) run through tsx, as in the worker pool; the built chunks are plain JavaScript.
  const tsx = entry.pathname.endsWith('.ts') || task.pathname.endsWith('.ts');
  // The heap gets half the memory: the garbage collector then works before the resident set reaches the limit.
  const heapMb = Math.max(64, Math.floor(limits.memoryBytes / 2 / 1024 / 1024));
  return new Promise<T>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = fork(fileURLToPath(entry), [], {
        execArgv: [...(tsx ? ['--import', 'tsx'] : []), `--max-old-space-size=${heapMb}`, '--no-warnings'],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: childEnv(),
      });
    } catch (error) {
      reject(new ChildTaskError('crashed', 'Der Hilfsprozess konnte nicht gestartet werden.', { cause: error }));
      return;
    }
    running.add(child);
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => void (stderr = (stderr + chunk).slice(-16_384)));
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(child);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      outcome();
    };
    child.on('message', (answer: ChildAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.value as T);
        else if (!answer.loaded) reject(new ChildTaskError('crashed', `Die Aufgabe ${task.href} konnte nicht geladen werden: ${answer.message}`));
        else reject(new ChildTaskError(OUT_OF_MEMORY.test(answer.message) ? 'memory' : 'threw', answer.message));
      }),
    );
    child.on('error', (error) => settle(() => reject(new ChildTaskError('crashed', 'Der Hilfsprozess ist fehlgeschlagen.', { cause: error }))));
    // 'close', not 'exit': it comes after the IPC channel and stderr are drained, so an answer sent is never missed.
    child.on('close', (code, signal) =>
      settle(() => {
        if (timedOut) reject(new ChildTaskError('timeout', `Zeitgrenze von ${limits.timeoutMs} ms überschritten.`));
        else if (stderr.includes(MEMORY_MARKER) || OUT_OF_MEMORY.test(stderr)) reject(new ChildTaskError('memory', `Speichergrenze von ${Math.round(limits.memoryBytes / 1024 / 1024)} MB überschritten.`));
        else reject(new ChildTaskError('crashed', `Der Hilfsprozess endete ohne Antwort (${signal ?? `Code ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' ') || 'keine Ausgabe'}`));
      }),
    );
    const request: ChildRequest = { task: task.href, input, memoryBytes: limits.memoryBytes };
    child.send(request, (error) => {
      if (error) settle(() => reject(new ChildTaskError('crashed', 'Die Aufgabe konnte dem Hilfsprozess nicht übergeben werden.', { cause: error })));
    });
  });
}
