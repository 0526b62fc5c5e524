// Runtime configuration from the environment, with the defaults README.md documents.
import path from 'node:path';

/** Folder for everything a deployment keeps: database file, uploaded files, search index. */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

/** libsql URL of the database: an embedded file by default, `libsql://…` for a server. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), 'ratsfaden.db')}`;
}

/** Auth token for a libsql server, if one is used. */
export function databaseAuthToken(): string | undefined {
  return process.env.DATABASE_AUTH_TOKEN || undefined;
}

/** Folder of the committed SQL migrations, resolved from the project root. */
export function migrationsDir(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? 'db/migrations');
}

/** Folder of the seed corpus (Markdown + YAML). */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}
