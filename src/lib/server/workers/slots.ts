// A fixed number of slots for expensive work, with a bounded line of waiters: beyond it, work is refused at once
// instead of piling up (each waiter holds its input in memory). Per process, like the work it bounds.

/** Thrown by `run` when every slot is taken and the line is full. */
export class SlotsFullError extends Error {
  constructor() {
    super('Alle Plätze sind belegt und die Warteschlange ist voll.');
    this.name = 'SlotsFullError';
  }
}

/** Slots for at most `running` tasks at once, with at most `waiting` more in line. */
export interface Slots {
  /** Runs `work` in a free slot, after waiting in line if need be; throws SlotsFullError when the line is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly running: number;
  /** Tasks waiting now. */
  readonly waiting: number;
}

/** Creates slots for `running` tasks at once and `waiting` in line. */
export function createSlots(running: number, waiting: number): Slots {
  let active = 0;
  const line: (() => void)[] = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active >= running) {
        if (line.length >= waiting) throw new SlotsFullError();
        await new Promise<void>((resolve) => line.push(resolve));
      } else {
        active++;
      }
      try {
        return await work();
      } finally {
        // The slot passes straight to the next in line (active stays), or is freed.
        const next = line.shift();
        if (next) next();
        else active--;
      }
    },
    get running() {
      return active;
    },
    get waiting() {
      return line.length;
    },
  };
}
