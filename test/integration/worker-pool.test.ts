// The worker pool (src/lib/server/workers/pool.ts) on a real task module in real worker threads: a task answers,
// a task that throws or runs past its time limit gives the reader's German message (and the pool keeps working),
// a full queue refuses at once. The search tests (search.test.ts) run the search task through the same pool.
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerTaskError } from '@/lib/server/workers/pool';
import type { SampleInput } from '../fixtures/workers/sample.task';

const SAMPLE = new URL('../fixtures/workers/sample.task.ts', import.meta.url);
const pool = createWorkerPool({ threads: 1, timeoutMs: 60_000, maxQueue: 1 });
const run = (input: SampleInput, options?: { timeoutMs?: number }) => pool.run(SAMPLE, input, options);

afterAll(() => pool.close());

/** The error a run rejected with. */
async function failure(promise: Promise<unknown>): Promise<WorkerTaskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkerTaskError);
  return error as WorkerTaskError;
}

describe('worker pool', () => {
  it('runs a task in a worker thread and returns its answer, with the project’s path aliases', async () => {
    expect(await run({ do: 'echo', value: { text: 'Haushaltssatzung', list: [1, 2] } })).toEqual({ echoed: { text: 'Haushaltssatzung', list: [1, 2] }, inWorker: true });
    expect(await run({ do: 'alias' })).toBe(10);
  });

  it('turns a task that throws into a 503 with a German message, keeping the cause, and keeps working', async () => {
    const error = await failure(run({ do: 'throw' }));
    expect(error.reason).toBe('failed');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/^Die Anfrage konnte auf dem Server nicht bearbeitet werden\. Bitte versuchen Sie es/);
    expect(String((error.cause as Error).message)).toContain('sample task failed on purpose');
    expect(await run({ do: 'alias' })).toBe(10);
  });

  it('stops a task that runs past its time limit, says so in German, and answers the next task on a fresh thread', async () => {
    const error = await failure(run({ do: 'spin' }, { timeoutMs: 300 }));
    expect(error.reason).toBe('timeout');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/zu lange gedauert/);
    expect(await run({ do: 'echo', value: 'weiter' })).toEqual({ echoed: 'weiter', inWorker: true });
  });

  it('refuses a task at once when the queue is full, with a German message', async () => {
    // One thread busy, one task waiting: the next is refused.
    const busy = run({ do: 'spin' }, { timeoutMs: 3_000 });
    const waiting = run({ do: 'echo', value: 1 }, { timeoutMs: 60_000 });
    await expect.poll(async () => (await failure(run({ do: 'echo', value: 2 }))).reason).toBe('busy');
    expect((await failure(run({ do: 'echo', value: 3 }))).message).toMatch(/stark ausgelastet/);
    expect((await failure(busy)).reason).toBe('timeout');
    // The task that waited behind the stopped one still runs (on a new thread).
    expect(await waiting).toEqual({ echoed: 1, inWorker: true });
  });
});
