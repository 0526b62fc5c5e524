// The one database handle of the process: drizzle on libsql, embedded file or server.
import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from '@db/schema';
import { databaseAuthToken, databaseUrl } from './config';
import { gateWrites } from './write-gate';

/** The drizzle database type with our schema. */
export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

/** What a write needs: a transaction or the database itself. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

let shared: Database | null = null;

/**
 * How long a statement on an embedded file waits while another process holds the write lock (other processes hold
 * it for single statements, milliseconds). Without a wait libsql answers SQLITE_BUSY at once, and a connection that
 * got it may keep later writes uncommitted (measured: acknowledged inserts of two processes lost).
 */
const BUSY_TIMEOUT_MS = 5_000;

/** Opens a database for a libsql URL; a file database gets its folder created. */
export function openDatabase(url = databaseUrl()): Database {
  const isFile = url.startsWith('file:');
  if (isFile) fs.mkdirSync(path.dirname(path.resolve(url.slice('file:'.length))), { recursive: true });
  const client = createClient({ url, authToken: isFile ? undefined : databaseAuthToken(), timeout: isFile ? BUSY_TIMEOUT_MS : undefined });
  return drizzle(isFile ? gateWrites(client) : client, { schema });
}

/**
 * Switches a file database to WAL, so readers go on while a clerk saves. The mode is stored in the
 * file, so start-up does this once; libsql turns foreign keys on for every connection by default.
 */
export async function configureFileDatabase(db: Database, url = databaseUrl()): Promise<void> {
  if (!url.startsWith('file:')) return;
  await db.$client.execute('PRAGMA journal_mode = WAL');
  const fk = await db.$client.execute('PRAGMA foreign_keys');
  if (Number(fk.rows[0]?.[0]) !== 1) throw new Error('Fremdschlüsselprüfung ist in libsql abgeschaltet; bitte die libsql-Version prüfen.');
}

/** The process-wide database handle, opened on first use. */
export function getDb(): Database {
  shared ??= openDatabase();
  return shared;
}

/** Closes the process-wide handle (CLI commands and tests call this before exiting). */
export function closeDb(): void {
  shared?.$client.close();
  shared = null;
}
