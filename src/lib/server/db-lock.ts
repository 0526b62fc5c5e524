// A lease in the database that several instances of a deployment respect: whoever holds the named lock does the
// work (migrating, the first import), the others wait and then find it done. A lease, not a lock for ever: if its
// holder dies, it expires; while the work runs, the holder renews it.
import { randomUUID } from 'node:crypto';
import type { Database } from './db';

/** How long a lease lasts unless renewed; its holder renews it every LEASE_MS / 3. */
const LEASE_MS = 60_000;
/** How often a waiting instance asks again. */
const RETRY_MS = 250;

const CREATE = `CREATE TABLE IF NOT EXISTS _ratsfaden_lock (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`;
const ACQUIRE = `INSERT INTO _ratsfaden_lock (name, holder, expires_at) VALUES (?, ?, ?)
  ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE _ratsfaden_lock.expires_at < ?`;

/** Runs `work` while holding the lock `name`; waits up to `waitMs` for another holder to finish first. */
export async function withDatabaseLock<T>(db: Database, name: string, work: () => Promise<T>, waitMs = 15 * 60_000): Promise<T> {
  const client = db.$client;
  const holder = randomUUID();
  await client.execute(CREATE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = Date.now();
    const taken = await client.execute({ sql: ACQUIRE, args: [name, holder, now + LEASE_MS, now] });
    if (taken.rowsAffected === 1) break;
    if (now > deadline) throw new Error(`Eine andere Instanz hält die Sperre „${name}“ seit über ${Math.round(waitMs / 60_000)} Minuten. Prüfen Sie, ob dort ein Start hängt; die Sperre verfällt ${LEASE_MS / 1000} s nach dem Ende dieser Instanz.`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  const renew = setInterval(() => {
    void client.execute({ sql: 'UPDATE _ratsfaden_lock SET expires_at = ? WHERE name = ? AND holder = ?', args: [Date.now() + LEASE_MS, name, holder] }).catch(() => undefined);
  }, LEASE_MS / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await client.execute({ sql: 'DELETE FROM _ratsfaden_lock WHERE name = ? AND holder = ?', args: [name, holder] });
  }
}
