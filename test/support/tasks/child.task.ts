// A task module for tests of src/lib/server/workers/child-process.ts: answers, throws, runs forever or grows its
// memory outside V8's heap (ArrayBuffers), as asked.
/** What the test asks the child to do. */
export type ChildTestTask = { op: 'echo'; value: unknown } | { op: 'throw'; message: string } | { op: 'spin' } | { op: 'grow' };

/** Runs one test task. */
export default async function childTestTask(task: ChildTestTask): Promise<unknown> {
  switch (task.op) {
    case 'echo':
      return task.value;
    case 'throw':
      throw new Error(task.message);
    case 'spin':
      for (;;);
    case 'grow': {
      // Touched, so the pages are resident; kept, so nothing can be collected.
      const kept: Buffer[] = [];
      for (;;) kept.push(Buffer.alloc(16 * 1024 * 1024, 1));
    }
  }
}
