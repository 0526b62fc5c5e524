// `--files`: downloads imported attachments with the limits of uploads (type by content, size per type, text read in
// the limited child process), stores them by SHA-256 and fills the file row's content and text for search.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { updateCurrent } from '@/lib/server/history/versioned-writes';
import { attachmentTypeOf, MAX_UPLOAD_BYTES, sizeProblem } from '@/lib/server/files/attachment-types';
import { extractText } from '@/lib/server/files/extraction';
import { storeContent } from '@/lib/server/files/upload';
import { deviationKinds as k, type DeviationLog } from './deviations';
import type { Fetcher } from './fetch';
import type { FileToFetch } from './objects';

/** Downloads `files` (bounded by the fetcher's concurrency); returns how many were stored. Failures are logged. */
export async function downloadFiles(db: Database, fetcher: Fetcher, files: FileToFetch[], log: DeviationLog): Promise<number> {
  const stored = await Promise.all(files.map((file) => downloadOne(db, fetcher, file, log).catch((error) => {
    log.add(k.fileDownload, file.externalId, error instanceof Error ? error.message.slice(0, 120) : String(error));
    return false;
  })));
  return stored.filter(Boolean).length;
}

async function downloadOne(db: Database, fetcher: Fetcher, file: FileToFetch, log: DeviationLog): Promise<boolean> {
  const fetched = await fetcher.bytes(file.url, MAX_UPLOAD_BYTES);
  if (!fetched) return (log.add(k.fileDownload, file.externalId, 'nicht abrufbar'), false);
  if ('tooLarge' in fetched) return (log.add(k.fileDownload, file.externalId, `größer als ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`), false);
  const type = attachmentTypeOf(fetched.bytes);
  if (!type) return (log.add(k.fileDownload, file.externalId, 'kein angenommener Dateityp (nur PDF)'), false);
  const tooLarge = sizeProblem(type, fetched.bytes.length);
  if (tooLarge) return (log.add(k.fileDownload, file.externalId, tooLarge), false);
  const extraction = await extractText(type, fetched.bytes);
  if (!extraction.ok) return (log.add(k.fileDownload, file.externalId, `Text nicht lesbar (${extraction.reason})`), false);
  const sha256 = createHash('sha256').update(fetched.bytes).digest('hex');
  storeContent(sha256, fetched.bytes);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ sha256: t.file.sha256, text: t.file.text }).from(t.file).where(eq(t.file.id, file.fileId));
    if (row && (row.sha256 !== sha256 || row.text !== extraction.text)) {
      await updateCurrent(tx, t.file, file.fileId, { sha256, text: extraction.text, mimeType: type.mimeType }, null, { action: 'import', snapshotRelated: false });
    }
  });
  return true;
}
