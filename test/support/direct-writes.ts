// For http/e2e tests that write rows straight into the server's database: the app's saves log every change, these
// writes do not, so the server would go on serving its cached pages. Log one change touching everything and wait
// until the server has applied it (it reads the log about once a second; /healthz says how far it got).
import { vi } from 'vitest';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { serverUrl } from './base-url';

/** Makes the test server drop everything it cached and derived, as after a save; resolves once it has. */
export async function announceDirectWrites(db: Database): Promise<void> {
  const [row] = await db.insert(t.contentChange).values({ tags: '*', createdAt: Date.now() }).returning({ id: t.contentChange.id });
  // vi.waitFor, not expect.poll: this also runs in beforeAll. The timeout only stops a hang.
  await vi.waitFor(async () => {
    const health = (await (await fetch(serverUrl('/healthz'))).json()) as { changes: { applied: number | null } };
    if ((health.changes.applied ?? 0) < row!.id) throw new Error(`Der Testserver hat die Änderung ${row!.id} noch nicht übernommen (bisher ${health.changes.applied}).`);
  }, { interval: 100, timeout: 60_000 });
}
