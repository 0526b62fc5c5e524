// `npm run backup`: a consistent, dated copy of a deployment while its servers run. The order makes it consistent:
// first the search index (as its manifest names it), then the database (`VACUUM INTO`: one transaction's snapshot),
// then the attachments. So every attachment row of the copied database has its file (a file is stored before its
// row is written), and the index is never newer than the database: after a restore, the start-up reconciliation
// indexes what was saved between the two copies (docs/decisions/0011-search-reconciliation-and-backups.md).
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { dataDir, databaseAuthToken, databaseUrl } from '@/lib/server/config';
import { copyAttachments, copySearchIndex } from './copy';
import { backupName, DATABASE_FILE, describeDatabase, FILES_DIR, MANIFEST_FILE, SEARCH_DIR, type BackupManifest } from './layout';

/** Where backups go: BACKUP_DIR, by default DATA_DIR/backups. */
export function backupRoot(): string {
  return path.resolve(process.env.BACKUP_DIR ?? path.join(dataDir(), 'backups'));
}

/** The newest complete backup in `root` (to hard-link unchanged files from), if any. */
function newestBackup(root: string): string | null {
  try {
    const names = fs.readdirSync(root).filter((name) => /^\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?$/.test(name) && fs.existsSync(path.join(root, name, MANIFEST_FILE)));
    return names.length ? path.join(root, names.sort().at(-1)!) : null;
  } catch {
    return null;
  }
}

/** The result: the folder written and what it holds. */
export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
  linkedFiles: number;
}

/** Writes a backup of the configured deployment into a new dated folder under `root`. */
export async function createBackup(options: { root?: string; now?: Date } = {}): Promise<BackupResult> {
  const root = options.root ?? backupRoot();
  const data = dataDir();
  const url = databaseUrl();
  const now = options.now ?? new Date();
  if (url.startsWith('file:') && !fs.existsSync(path.resolve(url.slice('file:'.length)))) {
    throw new Error(`Unter ${url.slice('file:'.length)} liegt keine Datenbank. Bitte prüfen Sie DATA_DIR und DATABASE_URL (sie müssen dieselben sein wie beim Server).`);
  }
  fs.mkdirSync(root, { recursive: true });
  let name = backupName(now);
  for (let n = 2; fs.existsSync(path.join(root, name)); n++) name = `${backupName(now)}-${n}`;
  const folder = path.join(root, name);
  // Written under a temporary name: an interrupted backup is never taken for a complete one.
  const partial = `${folder}.unvollstaendig`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const earlier = newestBackup(root);
  try {
    const search = copySearchIndex(path.join(data, SEARCH_DIR), path.join(partial, SEARCH_DIR), earlier ? path.join(earlier, SEARCH_DIR) : undefined);

    const embedded = url.startsWith('file:');
    const client = createClient({ url, authToken: embedded ? undefined : databaseAuthToken() });
    let described: Awaited<ReturnType<typeof describeDatabase>>;
    try {
      if (embedded) {
        const copy = path.join(partial, DATABASE_FILE);
        await client.execute({ sql: 'VACUUM INTO ?', args: [copy] });
        const copied = createClient({ url: `file:${copy}` });
        try {
          described = await describeDatabase(copied);
        } finally {
          copied.close();
        }
      } else {
        // VACUUM INTO would write on the libsql server's own disk: its database is backed up by the server's means.
        described = await describeDatabase(client);
      }
    } finally {
      client.close();
    }

    const files = copyAttachments(path.join(data, FILES_DIR), path.join(partial, FILES_DIR), earlier ? path.join(earlier, FILES_DIR) : undefined);
    const manifest: BackupManifest = {
      version: 1,
      createdAt: now.toISOString(),
      ...described,
      database: embedded ? 'enthalten' : 'libsql-Server: nicht enthalten',
      files: { count: files.count, bytes: files.bytes },
      search: search ? { partitions: search.manifest.partitions.length, records: search.manifest.partitions.reduce((n, p) => n + p.records, 0), reconciledTo: search.manifest.reconciledTo ?? null } : null,
    };
    fs.writeFileSync(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    fs.renameSync(partial, folder);
    return { folder, manifest, linkedFiles: files.linked + (search?.linked ?? 0) };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw new Error(`Die Sicherung konnte nicht geschrieben werden (${folder}): ${error instanceof Error ? error.message : String(error)}. Prüfen Sie den Platz und die Schreibrechte in ${root}.`, { cause: error });
  }
}
