// What a backup folder holds (docs/decisions/0011-search-reconciliation-and-backups.md): the database as one SQLite
// file, the attachments (files/, content-addressed as in DATA_DIR), the search index (search/: manifest.json and the
// bundles it names) and backup.json, which says when it was made and what it holds.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@libsql/client';
import { formatBytes, formatCount } from '@/lib/format';

export const DATABASE_FILE = 'ratsfaden.db';
export const FILES_DIR = 'files';
export const SEARCH_DIR = 'search';
export const MANIFEST_FILE = 'backup.json';

/** Tables counted into backup.json, with the German label the commands print. */
export const countedTables: [table: string, label: string][] = [
  ['body', 'Körperschaften'], ['organization', 'Gremien und Ämter'], ['person', 'Personen'], ['paper', 'Vorlagen'],
  ['meeting', 'Sitzungen'], ['agenda_item', 'Tagesordnungspunkte'], ['demand', 'Forderungen'], ['follow_up', 'Sachstände'],
  ['file', 'Anlagen'], ['revision', 'Revisionen'], ['user', 'Konten'],
];

/** backup.json. */
export interface BackupManifest {
  version: 1;
  /** When the database was copied (ISO 8601). */
  createdAt: string;
  /** Applied migrations, and the tag of the newest. */
  migrations: { applied: number; latest: string | null };
  /** Rows per table of the copied database. */
  counts: Record<string, number>;
  /** The database was copied (embedded file) or must be restored by the libsql server's own means. */
  database: 'enthalten' | 'libsql-Server: nicht enthalten';
  files: { count: number; bytes: number };
  search: { partitions: number; records: number; reconciledTo: number | null } | null;
}

/** A folder name for a backup made at `date`: Berlin wall time, `YYYY-MM-DD-HHmmss`. */
export function backupName(date: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
  return parts.replace(' ', '-').replaceAll(':', '');
}

/** Row counts and migration level of a database. */
export async function describeDatabase(client: Client): Promise<Pick<BackupManifest, 'counts' | 'migrations'>> {
  const counts: Record<string, number> = {};
  for (const [table] of countedTables) {
    try {
      counts[table] = Number((await client.execute(`SELECT count(*) FROM "${table}"`)).rows[0]?.[0] ?? 0);
    } catch {
      // A table an older schema lacks.
    }
  }
  let applied = 0;
  try {
    applied = Number((await client.execute('SELECT count(*) FROM __drizzle_migrations')).rows[0]?.[0] ?? 0);
  } catch {
    // Never migrated.
  }
  return { counts, migrations: { applied, latest: migrationTag(applied) } };
}

/** The tag of the `applied`-th committed migration (e.g. "0006_paper_title_search"), if the journal is at hand. */
function migrationTag(applied: number): string | null {
  try {
    const journal = JSON.parse(fs.readFileSync(path.resolve(process.env.MIGRATIONS_DIR ?? 'db/migrations', 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    return journal.entries[applied - 1]?.tag ?? null;
  } catch {
    return null;
  }
}

/** Reads backup.json of a backup folder; throws with a German message when it is not one. */
export function readBackupManifest(folder: string): BackupManifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new Error(`${folder} ist keine vollständige Sicherung (${MANIFEST_FILE} fehlt oder ist unlesbar). Bitte geben Sie einen Ordner an, den \`npm run backup\` geschrieben hat.`, { cause: error });
  }
}

/** German lines describing a backup's content, for the commands' output. */
export function describeBackup(manifest: BackupManifest): string[] {
  const counts = countedTables.filter(([table]) => table in manifest.counts).map(([table, label]) => `${label} ${formatCount(manifest.counts[table]!)}`);
  return [
    `  Datenbank: ${manifest.database}; Migrationsstand ${manifest.migrations.applied}${manifest.migrations.latest ? ` (${manifest.migrations.latest})` : ''}`,
    `  ${counts.join(', ')}`,
    `  Anlagen: ${formatCount(manifest.files.count)} Dateien, ${formatBytes(manifest.files.bytes)}`,
    manifest.search
      ? `  Suchindex: ${formatCount(manifest.search.partitions)} Teile, ${formatCount(manifest.search.records)} Dokumente${manifest.search.reconciledTo !== null ? ` (Stand: Änderung Nr. ${manifest.search.reconciledTo})` : ''}`
      : '  Suchindex: keiner vorhanden (wird nach der Wiederherstellung mit `npm run search:index` aufgebaut)',
  ];
}
