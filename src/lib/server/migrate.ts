// Applies the committed drizzle migrations; safe to run on every start.
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './db';
import { migrationsDir } from './config';

/** Brings the schema of `db` up to the newest committed migration. */
export async function applyMigrations(db: Database, folder = migrationsDir()): Promise<void> {
  try {
    await migrate(db, { migrationsFolder: folder });
  } catch (error) {
    throw new Error(`Die Datenbank konnte nicht migriert werden (${folder}). Prüfen Sie DATABASE_URL und die Schreibrechte.`, { cause: error });
  }
}
