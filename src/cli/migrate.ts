// `npm run db:migrate`: applies the committed migrations to DATABASE_URL without importing content.
import { closeDb, getDb } from '@/lib/server/db';
import { prepareDatabase } from '@/lib/server/prepare';
import { databaseUrl } from '@/lib/server/config';

try {
  await prepareDatabase(getDb(), { seedIfEmpty: false });
  console.log(`Datenbank ${databaseUrl()} ist auf dem neuesten Stand.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  closeDb();
}
