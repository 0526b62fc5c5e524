// Attachments as OParl File objects: only published attachments of public records whose content is held, with
// `accessUrl` and `downloadUrl` on the portal's attachment route (src/pages/dateien/[id].ts).
import fs from 'node:fs';
import { and, asc, inArray, isNotNull, type SQL } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { storedFilePath } from '@/lib/server/files/read';
import { absoluteUrl } from '@/lib/server/public-url';
import { publicFile } from '@/lib/server/visibility';
import { compact, groupBy, head, stamps, type ObjectLoader, type OparlObject } from './common';
import { objectUrl } from './urls';

type FileRow = typeof t.file.$inferSelect;

/** The attachment's path on the portal; `?download=1` asks for it as a download. */
export function attachmentPath(id: number, download = false): string {
  return `/dateien/${id}${download ? '?download=1' : ''}`;
}

/** Whether the content of a file is held (the attachment route answers 404 otherwise). */
function held(row: FileRow): boolean {
  return row.sha256 !== null && fs.existsSync(storedFilePath(row.sha256));
}

/** A file as an OParl object. */
function fileObject(row: FileRow): OparlObject {
  return compact({
    ...head('file', row.id),
    name: row.name,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    accessUrl: absoluteUrl(attachmentPath(row.id)),
    downloadUrl: absoluteUrl(attachmentPath(row.id, true)),
    paper: row.paperId !== null ? [objectUrl('paper', row.paperId)] : undefined,
    meeting: row.meetingId !== null && row.agendaItemId === null ? [objectUrl('meeting', row.meetingId)] : undefined,
    agendaItem: row.agendaItemId !== null ? [objectUrl('agendaItem', row.agendaItemId)] : undefined,
    ...stamps(row),
  });
}

/** Public, held files matching `where`, in their order. */
async function publicFiles(where: SQL): Promise<FileRow[]> {
  const rows = await getDb().select().from(t.file).where(and(where, isNotNull(t.file.sha256), publicFile(t.file))).orderBy(asc(t.file.order), asc(t.file.id));
  return rows.filter(held);
}

/** Public files by id. */
export const loadFiles: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  return new Map((await publicFiles(inArray(t.file.id, ids))).map((row) => [row.id, fileObject(row)]));
};

/** The public files of papers, meetings (those not attached to an agenda item) or agenda items, keyed by their parent. */
export async function filesOf(parent: 'paper' | 'meeting' | 'agendaItem', ids: number[]): Promise<Map<number, OparlObject[]>> {
  if (!ids.length) return new Map();
  const column = parent === 'paper' ? t.file.paperId : parent === 'meeting' ? t.file.meetingId : t.file.agendaItemId;
  let rows = await publicFiles(inArray(column, ids));
  if (parent === 'meeting') rows = rows.filter((row) => row.agendaItemId === null);
  const grouped = groupBy(rows, (row) => (parent === 'paper' ? row.paperId : parent === 'meeting' ? row.meetingId : row.agendaItemId));
  return new Map([...grouped].map(([id, list]) => [id, list.map(fileObject)]));
}
