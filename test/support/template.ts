// Builds the template database (migrated + content/ imported) and copies it for workers and servers.
import fs from 'node:fs';
import path from 'node:path';
import { configureFileDatabase, openDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrate';
import { importContent } from '@/lib/server/seed/import';
import { contentRoot, fileUrl, migrationsRoot, templateDbPath, tmpDir } from './paths';

// Global setups of several projects run in the same Vitest process: build the template once per run.
const BUILT = Symbol.for('ratsfaden.test.templateBuilt');
const state = globalThis as typeof globalThis & { [BUILT]?: Promise<string> };

/** The files SQLite keeps beside a database in WAL mode. */
function companions(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/** Deletes a database file and its WAL/SHM companions, if present. */
export function removeDatabase(file: string): void {
  for (const f of companions(file)) fs.rmSync(f, { force: true });
}

async function build(): Promise<string> {
  fs.mkdirSync(tmpDir, { recursive: true });
  // Build under a private name and rename, so a concurrent reader never sees a half-written template.
  const scratch = path.join(tmpDir, `template-${process.pid}-${Date.now()}.db`);
  removeDatabase(scratch);
  const url = fileUrl(scratch);
  const db = openDatabase(url);
  try {
    await configureFileDatabase(db, url);
    await applyMigrations(db, migrationsRoot);
    await importContent(db, contentRoot);
    // Fold the WAL into the main file, so copying the one file copies everything.
    await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch (error) {
    throw new Error('Die Test-Vorlagendatenbank konnte nicht erstellt werden (Migrationen oder content/ fehlerhaft).', { cause: error });
  } finally {
    db.$client.close();
  }
  for (const f of companions(scratch).slice(1)) fs.rmSync(f, { force: true });
  removeDatabase(templateDbPath);
  fs.renameSync(scratch, templateDbPath);
  return templateDbPath;
}

/** Builds test/.tmp/template.db once per Vitest process and returns its path. */
export function ensureTemplateDb(): Promise<string> {
  state[BUILT] ??= build();
  return state[BUILT];
}

/** Replaces `target` (and its WAL/SHM files) with a fresh copy of the template. */
export function copyTemplateTo(target: string): string {
  if (!fs.existsSync(templateDbPath)) {
    throw new Error(`${templateDbPath} fehlt: die globalSetup-Datei des Projekts hat die Vorlage nicht erstellt.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeDatabase(target);
  fs.copyFileSync(templateDbPath, target);
  return target;
}
