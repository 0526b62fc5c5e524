// What /healthz reports: the database answers, its migrations are current, the search index is there and follows the
// saves, and how far this instance has followed the change log. Figures and states only, never secrets.
import fs from 'node:fs';
import path from 'node:path';
import { getDb } from '@/lib/server/db';
import { migrationsDir } from '@/lib/server/config';
import { appliedChangeId } from '@/lib/server/changes/sync';
import { readManifest } from '@/lib/server/search/store';

/** How long the index may trail the newest save before it counts as stale (a reindex takes seconds). */
const SEARCH_LAG_MS = 5 * 60_000;

/** The report; `status` is `ok`, `eingeschränkt` (search missing or stale) or `gestört` (database or schema). */
export interface Health {
  status: 'ok' | 'eingeschränkt' | 'gestört';
  database: 'ok' | 'nicht erreichbar';
  migrations: 'aktuell' | 'ausstehend' | 'unbekannt';
  search: { state: 'aktuell' | 'veraltet' | 'fehlt'; updatedAt: string | null };
  changes: { applied: number | null };
}

let committed: number | null = null;

/** How many migrations the code ships (read once: they do not change while the process runs). */
function committedMigrations(): number {
  committed ??= (JSON.parse(fs.readFileSync(path.join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  return committed;
}

/** Checks this instance; never throws. */
export async function checkHealth(): Promise<Health> {
  const client = getDb().$client;
  let database: Health['database'] = 'ok';
  let migrations: Health['migrations'] = 'unbekannt';
  let newestSave: number | null = null;
  try {
    const applied = await client.execute('SELECT count(*) FROM __drizzle_migrations');
    migrations = Number(applied.rows[0]?.[0]) >= committedMigrations() ? 'aktuell' : 'ausstehend';
    const newest = await client.execute("SELECT max(created_at) FROM content_change WHERE tags <> 'search'");
    newestSave = newest.rows[0]?.[0] === null ? null : Number(newest.rows[0]?.[0]);
  } catch {
    database = 'nicht erreichbar';
  }
  const manifest = readManifest();
  const indexedAt = manifest ? Date.parse(manifest.updatedAt) : null;
  const searchState = indexedAt === null ? 'fehlt' : newestSave !== null && newestSave - indexedAt > SEARCH_LAG_MS ? 'veraltet' : 'aktuell';
  const status = database !== 'ok' || migrations !== 'aktuell' ? 'gestört' : searchState !== 'aktuell' ? 'eingeschränkt' : 'ok';
  return { status, database, migrations, search: { state: searchState, updatedAt: manifest?.updatedAt ?? null }, changes: { applied: appliedChangeId() } };
}
