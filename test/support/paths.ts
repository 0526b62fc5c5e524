// File locations shared by the test harness; everything generated lives under test/.tmp (git-ignored).
import path from 'node:path';

/** The project root (where package.json lives). */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Scratch folder for databases and server data of test runs. */
export const tmpDir = path.join(projectRoot, 'test/.tmp');

/** The migrated, seeded database every test database is copied from. */
export const templateDbPath = path.join(tmpDir, 'template.db');

/** The seed corpus imported into the template. */
export const contentRoot = path.join(projectRoot, 'content');

/** The committed SQL migrations. */
export const migrationsRoot = path.join(projectRoot, 'db/migrations');

/** libsql URL of a database file. */
export function fileUrl(file: string): string {
  return `file:${file}`;
}
