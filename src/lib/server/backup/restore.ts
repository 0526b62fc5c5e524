// `npm run restore -- <folder>`: brings a backup back into DATA_DIR while no server runs. What is there is never
// deleted: with --force it is moved aside into DATA_DIR/vor-wiederherstellung-<time>/ first.
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { dataDir, databaseUrl } from '@/lib/server/config';
import { copyImmutable } from './copy';
import { backupName, DATABASE_FILE, FILES_DIR, readBackupManifest, SEARCH_DIR, type BackupManifest } from './layout';

/** The result: what was restored, and where the data found in DATA_DIR was put. */
export interface RestoreResult {
  manifest: BackupManifest;
  /** Folder holding what DATA_DIR held before (null when it held nothing). */
  setAside: string | null;
  /** The database is on a libsql server: restored by the operator with the server's means. */
  databaseLeftToServer: boolean;
}

/** A refusal the command reports as its message (German, with what to do). */
export class RestoreRefused extends Error {}

/** The embedded database file of DATABASE_URL, or null for a libsql server. */
function databaseFile(): string | null {
  const url = databaseUrl();
  return url.startsWith('file:') ? path.resolve(url.slice('file:'.length)) : null;
}

/** Whether a server of this deployment answers at HOST:PORT (as `npm start` would listen). */
async function serverAnswers(): Promise<string | null> {
  const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
  const address = `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT ?? 4321}`;
  try {
    await fetch(`${address}/healthz`, { signal: AbortSignal.timeout(1500) });
    return address;
  } catch {
    return null;
  }
}

/**
 * Whether another process has the database file open (a running server): leaving WAL mode needs the only
 * connection. Run before this process opens it otherwise. Leaves the file in rollback mode; `npm start` turns WAL on.
 */
async function databaseInUse(file: string): Promise<boolean> {
  if (!fs.existsSync(file)) return false;
  const client = createClient({ url: `file:${file}` });
  try {
    const mode = (await client.execute('PRAGMA journal_mode = DELETE')).rows[0]?.[0];
    return String(mode).toLowerCase() === 'wal';
  } catch {
    return true;
  } finally {
    client.close();
  }
}

function hasContent(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory() ? fs.readdirSync(target).length > 0 : true;
  } catch {
    return false;
  }
}

/** Moves `from` to `to` (copying when they are on different file systems); nothing is deleted that was not copied. */
function moveAside(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

function copyTree(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    // Attachments and bundles never change once written: a hard link is as good as a copy, and instant. The search
    // manifest is replaced on every swap: a copy of its own.
    if (entry.name === 'manifest.json') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
    } else copyLinked(source, target);
  }
}

function copyLinked(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    copyImmutable(from, to);
  }
}

/** Restores the backup in `folder` into the configured DATA_DIR (and database file); refuses with RestoreRefused. */
export async function restoreBackup(folder: string, options: { force?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  const source = path.resolve(folder);
  const manifest = readBackupManifest(source);
  const data = dataDir();
  const dbFile = databaseFile();
  const backupDb = path.join(source, DATABASE_FILE);
  if (dbFile && !fs.existsSync(backupDb)) {
    throw new RestoreRefused(`Die Sicherung ${source} enthält keine Datenbank (${DATABASE_FILE}); sie stammt wohl von einer Installation mit libsql-Server. Stellen Sie die Datenbank dort wieder her oder setzen Sie DATABASE_URL auf diesen Server.`);
  }
  const running = await serverAnswers();
  if (running) throw new RestoreRefused(`Unter ${running} antwortet noch ein Ratsfaden-Server. Bitte beenden Sie alle Server dieser Installation und rufen Sie den Befehl dann erneut auf.`);
  if (dbFile && (await databaseInUse(dbFile))) throw new RestoreRefused(`Die Datenbank ${dbFile} ist noch geöffnet, vermutlich von einem laufenden Server. Bitte beenden Sie alle Server dieser Installation und rufen Sie den Befehl dann erneut auf.`);

  const targets = [
    ...(dbFile ? [dbFile, `${dbFile}-wal`, `${dbFile}-shm`] : []),
    path.join(data, FILES_DIR),
    path.join(data, SEARCH_DIR),
  ].filter(hasContent);
  let setAside: string | null = null;
  if (targets.length) {
    if (!options.force) {
      throw new RestoreRefused(`Im Zielverzeichnis liegen schon Daten (${targets.join(', ')}). Mit --force werden sie nicht gelöscht, sondern nach ${path.join(data, 'vor-wiederherstellung-…')} verschoben.`);
    }
    setAside = path.join(data, `vor-wiederherstellung-${backupName(options.now ?? new Date())}`);
    for (const target of targets) moveAside(target, path.join(setAside, path.basename(target)));
  }

  if (dbFile) {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    // The database changes once the server runs: a copy of its own, never a link to the backup.
    fs.copyFileSync(backupDb, dbFile);
  }
  copyTree(path.join(source, FILES_DIR), path.join(data, FILES_DIR));
  copyTree(path.join(source, SEARCH_DIR), path.join(data, SEARCH_DIR));
  return { manifest, setAside, databaseLeftToServer: !dbFile };
}
