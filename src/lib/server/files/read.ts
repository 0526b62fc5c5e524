// Attachment storage: content-addressed files under DATA_DIR/files, outside the public folder.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { dataDir } from '@/lib/server/config';
import { getDb } from '@/lib/server/db';
import { publicFile } from '@/lib/server/visibility';

/** Path of the stored content for a SHA-256 hex digest. */
export function storedFilePath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Ungültige Prüfsumme einer Datei.');
  return path.join(dataDir(), 'files', sha256.slice(0, 2), sha256);
}

/** An attachment the public may see (its own state and its paper's, meeting's or agenda item's), whose content is held; null otherwise. */
export async function getPublicFile(id: number): Promise<{ name: string; fileName: string | null; mimeType: string; size: number | null; path: string } | null> {
  const [row] = await getDb()
    .select({ name: t.file.name, fileName: t.file.fileName, mimeType: t.file.mimeType, size: t.file.size, sha256: t.file.sha256 })
    .from(t.file)
    .where(and(eq(t.file.id, id), publicFile(t.file)));
  if (!row?.sha256) return null;
  const stored = storedFilePath(row.sha256);
  if (!fs.existsSync(stored)) return null;
  return { name: row.name, fileName: row.fileName, mimeType: row.mimeType ?? 'application/octet-stream', size: row.size, path: stored };
}
