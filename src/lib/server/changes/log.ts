// The change log in the database: how every instance learns of every other's saves (docs/decisions/0008-page-cache.md).
import type { Client } from '@libsql/client';
import { and, asc, gt, lt, max } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';

/** One logged change: its id (increasing) and the page-cache tags it touched. */
export interface LoggedChange {
  id: number;
  tags: string[];
}

/** The tag a change carries when everything may have changed (an import, a restore of a backup). */
export const EVERYTHING = '*';

/** Appends a change touching `tags`; returns its id. */
export async function recordChange(tags: string[]): Promise<number> {
  const [row] = await getDb().insert(t.contentChange).values({ tags: tags.join(','), createdAt: Date.now() }).returning({ id: t.contentChange.id });
  if (!row) throw new Error('Die Änderung wurde nicht ins Änderungsprotokoll geschrieben.');
  return row.id;
}

/**
 * Logs a change through a bare libsql client (the search indexer has no drizzle handle): the search index swapped
 * its manifest, so cached search pages must go. Never throws; an old database without the log only gets a warning.
 */
export async function recordChangeWith(client: Client, tags: string[]): Promise<void> {
  try {
    await client.execute({ sql: 'INSERT INTO content_change (tags, created_at) VALUES (?, ?)', args: [tags.join(','), Date.now()] });
  } catch (error) {
    console.warn('Die Änderung des Suchindex konnte nicht ins Änderungsprotokoll geschrieben werden:', error instanceof Error ? error.message : error);
  }
}

/** The id of the newest logged change (0 when there is none). */
export async function latestChangeId(): Promise<number> {
  const [row] = await getDb().select({ id: max(t.contentChange.id) }).from(t.contentChange);
  return row?.id ?? 0;
}

/** Changes after `afterId`, oldest first, at most `limit`. */
export async function changesSince(afterId: number, limit: number): Promise<LoggedChange[]> {
  const rows = await getDb().select().from(t.contentChange).where(gt(t.contentChange.id, afterId)).orderBy(asc(t.contentChange.id)).limit(limit);
  return rows.map((row) => ({ id: row.id, tags: row.tags.split(',').filter(Boolean) }));
}

/** Deletes changes older than `maxAgeMs` except the newest, which keeps the id sequence's position. */
export async function pruneChanges(maxAgeMs: number): Promise<void> {
  const newest = await latestChangeId();
  await getDb().delete(t.contentChange).where(and(lt(t.contentChange.createdAt, Date.now() - maxAgeMs), lt(t.contentChange.id, newest)));
}
