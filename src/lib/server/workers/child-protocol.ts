// What a child process of ./child-process.ts and its entry (./child-entry.task.ts) say to each other. Kept apart
// so that the child's built entry imports these few lines, not the server code around the parent.

/** What the parent sends to the child's entry. */
export interface ChildRequest {
  task: string;
  input: unknown;
  memoryBytes: number;
}

/** What the child's entry answers; `loaded` false when the task module itself could not be loaded (no fault of the input). */
export type ChildAnswer = { ok: true; value: unknown } | { ok: false; message: string; loaded: boolean };

/** Set in the child's environment, so that the entry runs only there (a server forked by a process manager has IPC too). */
export const CHILD_FLAG = 'RATSFADEN_CHILD_TASK';

/** Written to stderr by the child's watchdog before it stops the process for its memory. */
export const MEMORY_MARKER = 'ratsfaden: Speichergrenze überschritten';
