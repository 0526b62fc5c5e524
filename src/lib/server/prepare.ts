// Start-up preparation: migrate the schema, and import the seed corpus into an empty database; once, under a lock in
// the database, however many instances start at the same time.
import { count } from 'drizzle-orm';
import { body } from '@db/schema';
import { configureFileDatabase, type Database } from './db';
import { applyMigrations } from './migrate';
import { withDatabaseLock } from './db-lock';
import { importContent } from '@/lib/server/seed/import';
import { contentDir, databaseUrl } from './config';

/** Migrates `db`; imports content/ when the database holds no body yet. Returns whether it imported. */
export async function prepareDatabase(db: Database, options: { seedIfEmpty?: boolean; url?: string } = {}): Promise<{ seeded: boolean }> {
  await configureFileDatabase(db, options.url ?? databaseUrl());
  return withDatabaseLock(db, 'prepare', async () => {
    await applyMigrations(db);
    if (options.seedIfEmpty === false) return { seeded: false };
    const [row] = await db.select({ n: count() }).from(body);
    if ((row?.n ?? 0) > 0) return { seeded: false };
    await importContent(db, contentDir());
    return { seeded: true };
  });
}
