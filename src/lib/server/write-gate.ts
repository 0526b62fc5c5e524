// One process, one writer at a time on an embedded database file. A write transaction holds the file's write lock on
// a connection of its own across awaits; a write on another connection of the same process meanwhile would wait in
// SQLite's busy handler, which sleeps on the event loop's thread: the process froze until the busy timeout and the
// write failed (measured: 5.5 s and SQLITE_BUSY). Such writes now wait, without blocking, until the transaction
// ends. Reads never wait (WAL lets them go on), nor does anything on a libsql server, whose locks are the server's.
import type { Client, InStatement, Transaction } from '@libsql/client';

/** Statements that only read (the first keyword is SELECT, or PRAGMA without an assignment). */
function onlyReads(statement: InStatement): boolean {
  const text = (typeof statement === 'string' ? statement : statement.sql).trimStart().slice(0, 64).toLowerCase();
  return text.startsWith('select') || (text.startsWith('pragma') && !text.includes('='));
}

/** The client, with this process's writes queued behind its open write transaction. */
export function gateWrites(client: Client): Client {
  // The client's own methods, taken now: whatever is later assigned on the gated client replaces the gated method.
  const raw = {
    execute: client.execute.bind(client) as (...a: unknown[]) => ReturnType<Client['execute']>,
    batch: client.batch.bind(client),
    migrate: client.migrate.bind(client),
    executeMultiple: client.executeMultiple.bind(client),
    transaction: client.transaction.bind(client),
  };
  let open: Promise<void> | null = null;
  const untilNoTransaction = async () => {
    while (open) await open;
  };
  const gated = {
    execute: async (statement: InStatement, ...rest: unknown[]) => {
      if (!onlyReads(statement)) await untilNoTransaction();
      return raw.execute(statement, ...rest);
    },
    batch: async (...args: Parameters<Client['batch']>) => {
      await untilNoTransaction();
      return raw.batch(...args);
    },
    migrate: async (...args: Parameters<Client['migrate']>) => {
      await untilNoTransaction();
      return raw.migrate(...args);
    },
    executeMultiple: async (sql: string) => {
      await untilNoTransaction();
      return raw.executeMultiple(sql);
    },
    transaction: async (...args: Parameters<Client['transaction']>): Promise<Transaction> => {
      await untilNoTransaction();
      let release!: () => void;
      open = new Promise<void>((resolve) => (release = resolve));
      const end = () => {
        open = null;
        release();
      };
      let tx: Transaction;
      try {
        tx = await raw.transaction(...args);
      } catch (error) {
        end();
        throw error;
      }
      const finish = <T>(step: () => Promise<T> | T) => async () => {
        try {
          return await step();
        } finally {
          end();
        }
      };
      const ends: Partial<Transaction> = {
        commit: finish(() => tx.commit()),
        rollback: finish(() => tx.rollback()),
        close: () => {
          tx.close();
          end();
        },
      };
      return bound(tx, ends);
    },
  };
  return bound(client, gated as Partial<Client>);
}

/**
 * `target` with some methods replaced; its own methods stay bound to it (libsql's classes use private fields). A
 * replaced method assigned anew (tests wrap `execute` to count statements) replaces the replacement.
 */
function bound<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in replaced) return replaced[property as keyof T];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === 'function' ? value.bind(object) : value;
    },
    set(object, property, value) {
      if (property in replaced) replaced[property as keyof T] = value as T[keyof T];
      else Reflect.set(object, property, value, object);
      return true;
    },
  });
}
