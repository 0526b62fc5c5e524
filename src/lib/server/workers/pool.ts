// Worker threads for CPU-heavy work on the request path (piscina): a request hands its task to the pool and awaits
// the answer, so the event loop keeps serving other requests meanwhile. A task is a module whose default export takes
// one structured-cloneable value and returns (a promise of) another; callers name it by URL,
// `new URL('./x.task.ts', import.meta.url)`, which the build turns into the emitted chunk (./vite-plugin.ts).
// Under Vitest and `astro dev` the URL names the TypeScript source, which the worker loads through tsx.
// Configuration: WORKER_THREADS, WORKER_IDLE_SECONDS, WORKER_TASK_TIMEOUT_MS, WORKER_QUEUE (README, decision 0009).
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/** Why a task gave no answer: it threw (or its worker died), it ran out of time, or the queue was full. */
export type WorkerFailure = 'failed' | 'timeout' | 'busy';

const MESSAGES: Record<WorkerFailure, string> = {
  failed: 'Die Anfrage konnte auf dem Server nicht bearbeitet werden. Bitte versuchen Sie es in einigen Augenblicken erneut.',
  timeout: 'Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte versuchen Sie es in einigen Augenblicken erneut.',
  busy: 'Der Server ist gerade stark ausgelastet. Bitte versuchen Sie es in einigen Augenblicken erneut.',
};

/** A task without an answer; `message` is German and fit for the reader, `status` the HTTP status to answer with. */
export class WorkerTaskError extends Error {
  readonly status = 503;
  /** Seconds a client should wait before asking again (`Retry-After`). */
  readonly retryAfter = 5;
  constructor(
    readonly reason: WorkerFailure,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[reason], options);
    this.name = 'WorkerTaskError';
  }
}

/** Settings of a pool; every one has a default from the environment. */
export interface PoolOptions {
  /** Most threads at once. */
  threads?: number;
  /** An idle thread exits after this long (its caches go with it). */
  idleMs?: number;
  /** A task not answered in this time (queueing included) is abandoned; a running one has its thread stopped. */
  timeoutMs?: number;
  /** Tasks waiting for a thread beyond this many are refused at once (`busy`). */
  maxQueue?: number;
}

/** A pool of worker threads running task modules. */
export interface WorkerPool {
  /** Runs the task module at `task` on `input`; rejects with a WorkerTaskError only. */
  run<T>(task: URL, input: unknown, options?: { timeoutMs?: number }): Promise<T>;
  /** Threads running now (for benchmarks and tests). */
  readonly threads: number;
  /** Stops all threads; running tasks fail. */
  close(): Promise<void>;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * The defaults: one thread per core but one (the event loop keeps a core; at least one thread, at most four),
 * idle threads exit after five minutes, a task has ten seconds, and up to 64 tasks wait per thread.
 */
export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<PoolOptions> {
  const threads = Math.floor(positive(env.WORKER_THREADS, Math.min(4, Math.max(1, os.availableParallelism() - 1))));
  return {
    threads,
    idleMs: positive(env.WORKER_IDLE_SECONDS, 300) * 1000,
    timeoutMs: positive(env.WORKER_TASK_TIMEOUT_MS, 10_000),
    maxQueue: Math.floor(positive(env.WORKER_QUEUE, 64 * threads)),
  };
}

/** A task given as TypeScript source (tests, `astro dev`) is loaded through tsx in the worker. */
const needsTsx = (task: URL) => task.pathname.endsWith('.ts');

const filename = (task: URL) => (task.protocol === 'file:' ? fileURLToPath(task) : task.href);

/**
 * Piscina stops the thread of a task that ran out of time, but with `minThreads: 0` starts no new one for the tasks
 * waiting behind it: they would wait until the next `run`. A task for a missing export starts a thread (the waiting
 * tasks run first, in order) and then fails quietly.
 */
function restartAfterAbort(pool: Piscina, task: URL): void {
  if (pool.queueSize > 0 && pool.threads.length < pool.options.maxThreads) {
    pool.run(null, { filename: filename(task), name: 'ratsfadenStartsThread' }).catch(() => undefined);
  }
}

/** Creates a pool; threads start on demand. */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const settings = { ...poolOptionsFromEnv(), ...options };
  const pools = new Map<boolean, Piscina>();
  // Two kinds of threads: plain ones for built chunks, tsx ones for sources (never both in one process in practice).
  const piscina = (tsx: boolean) => {
    let pool = pools.get(tsx);
    if (!pool) {
      pool = new Piscina({
        minThreads: 0,
        maxThreads: settings.threads,
        idleTimeout: settings.idleMs,
        maxQueue: settings.maxQueue,
        // Threads keep handles between tasks (an index watcher, timers): their event loop must run while idle.
        atomics: 'disabled',
        execArgv: tsx ? ['--import', 'tsx'] : [],
      });
      pools.set(tsx, pool);
    }
    return pool;
  };
  return {
    async run<T>(task: URL, input: unknown, runOptions: { timeoutMs?: number } = {}): Promise<T> {
      const pool = piscina(needsTsx(task));
      if (pool.queueSize >= settings.maxQueue) throw new WorkerTaskError('busy');
      const signal = AbortSignal.timeout(runOptions.timeoutMs ?? settings.timeoutMs);
      try {
        return (await pool.run(input, { filename: filename(task), signal })) as T;
      } catch (error) {
        if (signal.aborted) {
          restartAfterAbort(pool, task);
          throw new WorkerTaskError('timeout', { cause: error });
        }
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new WorkerTaskError('busy', { cause: error });
        throw new WorkerTaskError('failed', { cause: error });
      }
    },
    get threads() {
      return [...pools.values()].reduce((n, pool) => n + pool.threads.length, 0);
    },
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close({ force: true })));
      pools.clear();
    },
  };
}

let shared: WorkerPool | null = null;

/** The process's pool, configured from the environment. */
export function workerPool(): WorkerPool {
  shared ??= createWorkerPool();
  return shared;
}

/** Stops the process's pool, if one was started (shutdown). */
export async function closeWorkerPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
