// Attachment uploads: checked by content (magic bytes) not by name, size-limited per type, text extracted for search
// in a child process with time and memory limits, then stored under their SHA-256 outside the public folder.
// A refused file leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, max } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { storedFilePath } from '@/lib/server/files/read';
import { insertVersioned, writeTransaction } from '@/lib/server/history/versioned-writes';
import { attachmentTypeOf, sizeProblem, SNIFF_BYTES } from './attachment-types';
import { extractText, type TextExtraction } from './extraction';
import { referenceMessages, uploadMessages } from '@/lib/validation/messages';

/** Largest accepted attachment of any type (each type has its own limit, ./attachment-types.ts). */
export { MAX_UPLOAD_BYTES } from './attachment-types';

/** Longest accepted file name. */
const MAX_FILE_NAME = 200;

/** The MIME type of content by its magic bytes, or null when it is not an accepted type. */
export function sniffType(bytes: Uint8Array): string | null {
  return attachmentTypeOf(bytes)?.mimeType ?? null;
}

/** German reason why a file name is refused (path parts, control characters), or null. */
export function fileNameProblem(name: string): string | null {
  if (!name.trim()) return uploadMessages.noName;
  if (name.length > MAX_FILE_NAME) return uploadMessages.nameTooLong(MAX_FILE_NAME);
  if (/[/\\]/.test(name) || name.split(/[/\\]/).includes('..') || name.startsWith('.')) return uploadMessages.namePath;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return uploadMessages.nameControl;
  return null;
}

/** The German message for a file whose text could not be read. */
function extractionMessage(failure: Extract<TextExtraction, { ok: false }>): string {
  switch (failure.reason) {
    case 'unreadable':
      return uploadMessages.unreadable;
    case 'memory':
      return uploadMessages.extractionMemory(Math.round(failure.limits.memoryBytes / 1024 / 1024));
    case 'timeout':
      return uploadMessages.extractionTimeout(Math.round(failure.limits.timeoutMs / 1000));
    case 'busy':
      return uploadMessages.extractionBusy;
    case 'failed':
      return uploadMessages.extractionFailed;
  }
}

/** Where an attachment belongs. */
export type AttachmentOwner = { paperId: number } | { meetingId: number } | { agendaItemId: number };

/** Outcome of an upload: the new file row, or a German message for the form. */
export type UploadResult = { ok: true; id: number } | { ok: false; field: 'file' | 'name'; error: string };

/** Writes content to its content-addressed path atomically (temp file + rename); an existing copy is kept (uploads, the OParl import). */
export function storeContent(sha256: string, bytes: Uint8Array): { created: boolean; file: string } {
  const file = storedFilePath(sha256);
  if (fs.existsSync(file)) return { created: false, file };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, bytes, { flag: 'wx' });
  fs.renameSync(temp, file);
  return { created: true, file };
}

/** Checks, stores and registers one uploaded attachment. */
export async function uploadAttachment(owner: AttachmentOwner, upload: File, displayName: string | null, userId: number): Promise<UploadResult> {
  if (upload.size === 0) return { ok: false, field: 'file', error: uploadMessages.empty };
  const nameProblem = fileNameProblem(upload.name);
  if (nameProblem) return { ok: false, field: 'file', error: nameProblem };
  const type = attachmentTypeOf(new Uint8Array(await upload.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!type) return { ok: false, field: 'file', error: uploadMessages.notPdf };
  const sizeRefusal = sizeProblem(type, upload.size);
  if (sizeRefusal) return { ok: false, field: 'file', error: sizeRefusal };
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const mimeType = type.mimeType;
  // Before anything is stored: a file whose text cannot be read within the limits leaves nothing behind.
  const extraction = await extractText(type, bytes);
  if (!extraction.ok) return { ok: false, field: 'file', error: extractionMessage(extraction) };
  const { text } = extraction;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = storeContent(sha256, bytes);
  /** Leave nothing behind: remove content this upload created if no row refers to it. */
  const removeUnused = async () => {
    if (!stored.created) return;
    const [used] = await getDb().select({ id: t.file.id }).from(t.file).where(eq(t.file.sha256, sha256)).limit(1);
    if (!used) fs.rmSync(stored.file, { force: true });
  };
  let result: UploadResult;
  try {
    result = await writeTransaction(async (tx): Promise<UploadResult> => {
      const ownerColumn = 'paperId' in owner ? t.file.paperId : 'meetingId' in owner ? t.file.meetingId : t.file.agendaItemId;
      const ownerId = Object.values(owner)[0] as number;
      const ownerTable = 'paperId' in owner ? t.paper : 'meetingId' in owner ? t.meeting : t.agendaItem;
      const [parent] = await tx.select({ publishedAt: ownerTable.publishedAt }).from(ownerTable).where(and(eq(ownerTable.id, ownerId), isNull(ownerTable.deletedAt)));
      if (!parent) return { ok: false, field: 'file', error: referenceMessages.uploadOwnerMissing };
      const [last] = await tx.select({ n: max(t.file.order) }).from(t.file).where(eq(ownerColumn, ownerId));
      const row = await insertVersioned<typeof t.file.$inferSelect>(
        tx,
        t.file,
        { ...owner, name: displayName?.trim() || upload.name.replace(/\.pdf$/i, ''), fileName: upload.name, mimeType, size: bytes.length, sha256, text, order: (last?.n ?? 0) + 1, publishedAt: parent.publishedAt ? new Date().toISOString() : null },
        userId,
      );
      return { ok: true, id: row.id };
    });
  } catch (error) {
    await removeUnused();
    throw new Error('Die Anlage konnte nicht gespeichert werden.', { cause: error });
  }
  if (!result.ok) await removeUnused();
  return result;
}

/** Attachments of a paper, meeting or agenda item for the editor (drafts included, trash excluded). */
export function attachmentsOf(owner: AttachmentOwner) {
  const column = 'paperId' in owner ? t.file.paperId : 'meetingId' in owner ? t.file.meetingId : t.file.agendaItemId;
  return getDb().select().from(t.file).where(and(eq(column, Object.values(owner)[0] as number), isNull(t.file.deletedAt))).orderBy(t.file.order);
}

/** An attachment for the back office (drafts included) with its stored path; null when absent or not held. */
export async function getFileForClerk(id: number) {
  const [row] = await getDb().select().from(t.file).where(eq(t.file.id, id));
  if (!row?.sha256) return null;
  const stored = storedFilePath(row.sha256);
  return fs.existsSync(stored) ? { ...row, path: stored } : null;
}
