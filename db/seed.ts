// `npm run db:seed`: migrates the database and imports content/ (idempotent: a second run changes nothing).
import { closeDb, configureFileDatabase, getDb } from '../src/lib/server/db';
import { applyMigrations } from '../src/lib/server/migrate';
import { importContent } from '../src/lib/server/seed/import';
import { contentDir, databaseUrl } from '../src/lib/server/config';

const db = getDb();
try {
  await configureFileDatabase(db);
  await applyMigrations(db);
  const stats = await importContent(db, contentDir());
  console.log(`Inhalte importiert nach ${databaseUrl()}: ${stats.created} neu, ${stats.updated} geändert, ${stats.unchanged} unverändert.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  closeDb();
}
