// Back-office meetings: the meeting editor, the agenda builder (add, reorder, public or not) and minutes per item.
import { and, asc, desc, eq, inArray, isNull, like, max, or } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { renderMarkdown } from '@/lib/markdown';
import { berlinLocalToIso } from '@/lib/dates';
import { insertVersioned, refuse, updateCurrent, updateVersioned, writeTransaction, type Conflict } from '@/lib/server/history/versioned-writes';
import { refreshRevision } from '@/lib/server/history/revisions';
import { slugify } from '@/lib/slug';
import { originOf, refuseImported } from '@/lib/server/oparl/origin';
import type { AgendaItemInput, MeetingInput } from '@/lib/validation/forms';
import { dateMessages } from '@/lib/validation/messages';
import { checkMeetingMove, checkMeetingReferences } from './references';

/** A meeting as stored, as the editor shows it. */
export type MeetingRow = typeof t.meeting.$inferSelect;
type AgendaRow = typeof t.agendaItem.$inferSelect;

/** Meetings for the back office, drafts included, newest first. */
export function listMeetingsForEditing(limit = 200) {
  return getDb()
    .select({ id: t.meeting.id, name: t.meeting.name, start: t.meeting.start, publishedAt: t.meeting.publishedAt, cancelled: t.meeting.cancelled })
    .from(t.meeting)
    .where(isNull(t.meeting.deletedAt))
    .orderBy(desc(t.meeting.start))
    .limit(limit);
}

/** A meeting with its organizations and agenda (in order), for the editor; null when absent. */
export async function getMeetingForEditing(id: number) {
  const db = getDb();
  const [meeting] = await db.select().from(t.meeting).where(eq(t.meeting.id, id));
  if (!meeting) return null;
  const organizations = await db.select({ id: t.meetingOrganization.organizationId }).from(t.meetingOrganization).where(eq(t.meetingOrganization.meetingId, id));
  const agenda = await db.select().from(t.agendaItem).where(and(eq(t.agendaItem.meetingId, id), isNull(t.agendaItem.deletedAt))).orderBy(asc(t.agendaItem.order));
  return { meeting, organizationIds: organizations.map((o) => o.id), agenda };
}

/** One agenda item with its meeting's name, for the minutes editor. */
export async function getAgendaItemForEditing(id: number) {
  const [row] = await getDb()
    .select({ item: t.agendaItem, meetingName: t.meeting.name, meetingId: t.meeting.id })
    .from(t.agendaItem)
    .innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
    .where(eq(t.agendaItem.id, id));
  return row ?? null;
}

async function uniqueMeetingSlug(base: string): Promise<string> {
  const rows = await getDb().select({ slug: t.meeting.slug }).from(t.meeting).where(or(eq(t.meeting.slug, base), like(t.meeting.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Outcome of a save in this module; `merged` when changes saved to other fields in between were kept. */
export type SaveResult =
  | { ok: true; id: number; meetingId: number; bodyId?: number; merged?: boolean }
  | { ok: false; reason: 'conflict'; current: Record<string, unknown>; conflict: Conflict }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; field: string; error: string };

/**
 * Creates or updates a meeting and its organizations (merged field by field with changes saved in between);
 * publishing also publishes its draft agenda items, their demands and all attachments.
 */
export async function saveMeeting(input: MeetingInput, userId: number, confirmedVersion: number | null = null): Promise<SaveResult> {
  const start = berlinLocalToIso(input.start);
  const end = input.end ? berlinLocalToIso(input.end) : null;
  if (!start) return { ok: false, reason: 'invalid', field: 'start', error: dateMessages.noSuchStart };
  if (input.end && !end) return { ok: false, reason: 'invalid', field: 'end', error: dateMessages.noSuchEnd };
  if (end && new Date(end) < new Date(start)) return { ok: false, reason: 'invalid', field: 'end', error: dateMessages.endBeforeStart };
  const values = { bodyId: input.bodyId, name: input.name, start, end, location: input.location, occasion: input.occasion, meetingState: input.meetingState, cancelled: input.cancelled, editorialNote: input.editorialNote };
  const slug = input.id ? null : await uniqueMeetingSlug(slugify(`${input.start.slice(0, 10)} ${input.name}`) || 'sitzung');
  const now = new Date().toISOString();
  return writeTransaction(async (tx) => {
    // Body and organizations exist, and the organizations belong to the meeting's body; a new body leaves nothing behind.
    // An imported meeting's fields belong to its source (src/lib/server/oparl/origin.ts).
    const refused = (await refuseImported(tx, 'meeting', input.id, { ...input, ...values })) ?? (await checkMeetingReferences(tx, input)) ?? (await checkMeetingMove(tx, input));
    if (refused) return refused;
    let row: MeetingRow;
    let organizationIds = input.organizationIds;
    let merged = false;
    if (!input.id) {
      row = await insertVersioned<MeetingRow>(tx, t.meeting, { ...values, slug, publishedAt: input.intent === 'publish' ? now : null }, userId);
    } else {
      const [before] = await tx.select({ publishedAt: t.meeting.publishedAt }).from(t.meeting).where(eq(t.meeting.id, input.id));
      const publishedAt = input.intent === 'publish' ? (before?.publishedAt ?? now) : input.intent === 'unpublish' ? null : (before?.publishedAt ?? null);
      const action = input.intent === 'publish' && !before?.publishedAt ? 'publish' : 'update';
      const result = await updateVersioned<MeetingRow>(tx, t.meeting, input.id, input.version, values, userId, { action, merge: true, always: { publishedAt }, related: { organizationIds }, confirmedVersion });
      if (!result.ok) return result;
      row = result.row;
      merged = result.merged;
      organizationIds = result.related.organizationIds as number[];
    }
    await tx.delete(t.meetingOrganization).where(eq(t.meetingOrganization.meetingId, row.id));
    if (organizationIds.length) await tx.insert(t.meetingOrganization).values(organizationIds.map((organizationId) => ({ meetingId: row.id, organizationId })));
    // The revision was written before the organizations changed; it records them as saved.
    await refreshRevision(tx, 'meeting', row);
    if (input.intent === 'publish') {
      const drafts = await tx.select({ id: t.agendaItem.id }).from(t.agendaItem).where(and(eq(t.agendaItem.meetingId, row.id), isNull(t.agendaItem.publishedAt), isNull(t.agendaItem.deletedAt)));
      for (const item of drafts) await updateCurrent(tx, t.agendaItem, item.id, { publishedAt: now }, userId, { action: 'publish' });
      // Attachments of the meeting and of its agenda items follow.
      const itemIds = (await tx.select({ id: t.agendaItem.id }).from(t.agendaItem).where(eq(t.agendaItem.meetingId, row.id))).map((i) => i.id);
      const files = await tx.select({ id: t.file.id }).from(t.file).where(and(or(eq(t.file.meetingId, row.id), itemIds.length ? inArray(t.file.agendaItemId, itemIds) : undefined), isNull(t.file.publishedAt), isNull(t.file.deletedAt)));
      for (const f of files) await updateCurrent(tx, t.file, f.id, { publishedAt: now }, userId, { action: 'publish' });
      // So do demands raised in its agenda items.
      const demands = itemIds.length ? await tx.select({ id: t.demand.id }).from(t.demand).where(and(inArray(t.demand.agendaItemId, itemIds), isNull(t.demand.publishedAt), isNull(t.demand.deletedAt))) : [];
      for (const d of demands) await updateCurrent(tx, t.demand, d.id, { publishedAt: now }, userId, { action: 'publish' });
    }
    return { ok: true as const, id: row.id, meetingId: row.id, bodyId: row.bodyId, merged };
  });
}

/**
 * Adds an agenda item at the end of the agenda, or updates one (title, number, public, minutes, result, resolution),
 * merged field by field with changes saved in between.
 */
export async function saveAgendaItem(input: AgendaItemInput, userId: number, confirmedVersion: number | null = null): Promise<SaveResult> {
  const values = {
    number: input.number,
    name: input.name,
    public: input.public,
    minutesMd: input.minutesMd,
    minutesHtml: input.minutesMd ? renderMarkdown(input.minutesMd) : null,
    result: input.result,
    resolutionMd: input.resolutionMd,
    resolutionHtml: input.resolutionMd ? renderMarkdown(input.resolutionMd) : null,
  };
  return writeTransaction(async (tx) => {
    const meetingId = input.id ? (await tx.select({ m: t.agendaItem.meetingId }).from(t.agendaItem).where(eq(t.agendaItem.id, input.id)))[0]?.m : input.meetingId;
    if (!meetingId) return { ok: false as const, reason: 'not-found' as const };
    // An imported agenda item's fields belong to its source.
    const imported = await refuseImported(tx, 'agenda_item', input.id, values);
    if (imported) return imported;
    const [clash] = await tx.select({ id: t.agendaItem.id }).from(t.agendaItem).where(and(eq(t.agendaItem.meetingId, meetingId), eq(t.agendaItem.number, input.number)));
    if (clash && clash.id !== input.id) return { ok: false as const, reason: 'invalid' as const, field: 'number', error: `Die Nummer „${input.number}“ ist in dieser Sitzung schon vergeben.` };
    if (!input.id) {
      const [meeting] = await tx.select({ publishedAt: t.meeting.publishedAt }).from(t.meeting).where(and(eq(t.meeting.id, meetingId), isNull(t.meeting.deletedAt)));
      if (!meeting) return { ok: false as const, reason: 'not-found' as const };
      const [last] = await tx.select({ n: max(t.agendaItem.order) }).from(t.agendaItem).where(eq(t.agendaItem.meetingId, meetingId));
      const row = await insertVersioned<AgendaRow>(tx, t.agendaItem, { ...values, meetingId, order: (last?.n ?? 0) + 1, publishedAt: meeting.publishedAt ? new Date().toISOString() : null }, userId);
      return { ok: true as const, id: row.id, meetingId };
    }
    const result = await updateVersioned<AgendaRow>(tx, t.agendaItem, input.id, input.version, values, userId, { merge: true, confirmedVersion });
    if (!result.ok) return result;
    return { ok: true as const, id: result.row.id, meetingId, merged: result.merged };
  });
}

/** Swaps an agenda item with its neighbour above or below (each gets a revision; both or neither). */
export async function moveAgendaItem(id: number, direction: 'up' | 'down', userId: number): Promise<SaveResult> {
  return writeTransaction(async (tx) => {
    const [item] = await tx.select().from(t.agendaItem).where(eq(t.agendaItem.id, id));
    if (!item) return { ok: false as const, reason: 'not-found' as const };
    // An imported agenda's order belongs to its source, like the items' other imported fields.
    const origin = await originOf('agenda_item', id, tx);
    if (origin) return { ok: false as const, reason: 'invalid' as const, field: 'order', error: `Nicht verschoben: Die Reihenfolge dieser Tagesordnung stammt aus „${origin.systemName}“. Bitte ändern Sie sie dort; der nächste Import übernimmt sie.` };
    const siblings = await tx.select().from(t.agendaItem).where(and(eq(t.agendaItem.meetingId, item.meetingId), isNull(t.agendaItem.deletedAt))).orderBy(asc(t.agendaItem.order));
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[direction === 'up' ? index - 1 : index + 1];
    if (!other) return { ok: true as const, id, meetingId: item.meetingId };
    for (const [row, order] of [[item, other.order], [other, item.order]] as const) {
      const moved = await updateVersioned(tx, t.agendaItem, row.id, row.version, { order }, userId);
      if (!moved.ok) refuse(moved);
    }
    return { ok: true as const, id, meetingId: item.meetingId };
  });
}
