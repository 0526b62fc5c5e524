// Looks up the names of the records a page's rows refer to: one query per referenced table, never one per row.
import { inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { referencedIds, type NamedRecord, type NamedTable, type RecordNames } from '@/lib/record-names';

/** SQLite allows many bound values per statement; stay well below the limit per query. */
const CHUNK = 500;

type NameRow = { id: number; name: string; deletedAt: string | null };

/** The rows of `table` with these ids, with the name a clerk reads. */
function select(table: NamedTable, ids: number[]): Promise<NameRow[]> {
  const db = getDb();
  switch (table) {
    case 'body':
      return db.select({ id: t.body.id, name: t.body.name, deletedAt: t.body.deletedAt }).from(t.body).where(inArray(t.body.id, ids));
    case 'organization':
      return db.select({ id: t.organization.id, name: t.organization.name, deletedAt: t.organization.deletedAt }).from(t.organization).where(inArray(t.organization.id, ids));
    case 'person':
      return db.select({ id: t.person.id, name: t.person.name, deletedAt: t.person.deletedAt }).from(t.person).where(inArray(t.person.id, ids));
    case 'paper':
      return db.select({ id: t.paper.id, name: t.paper.name, deletedAt: t.paper.deletedAt }).from(t.paper).where(inArray(t.paper.id, ids));
    case 'meeting':
      return db.select({ id: t.meeting.id, name: t.meeting.name, deletedAt: t.meeting.deletedAt }).from(t.meeting).where(inArray(t.meeting.id, ids));
    case 'demand':
      return db.select({ id: t.demand.id, name: t.demand.title, deletedAt: t.demand.deletedAt }).from(t.demand).where(inArray(t.demand.id, ids));
    case 'user':
      return db.select({ id: t.user.id, name: t.user.name, deletedAt: t.user.deletedAt }).from(t.user).where(inArray(t.user.id, ids));
    case 'agenda_item':
      return db
        .select({ id: t.agendaItem.id, number: t.agendaItem.number, name: t.agendaItem.name, deletedAt: t.agendaItem.deletedAt })
        .from(t.agendaItem)
        .where(inArray(t.agendaItem.id, ids))
        .then((rows) => rows.map((r) => ({ id: r.id, name: [r.number, r.name].filter(Boolean).join(' '), deletedAt: r.deletedAt })));
  }
}

/** The names of every record the given rows (snapshots, trashed rows) refer to by id. */
export async function loadRecordNames(rows: Iterable<Record<string, unknown>>): Promise<RecordNames> {
  const wanted = [...referencedIds(rows)];
  const found = await Promise.all(
    wanted.map(async ([table, idSet]) => {
      const ids = [...idSet];
      const map = new Map<number, NamedRecord>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const row of await select(table, ids.slice(i, i + CHUNK))) map.set(row.id, { name: row.name, trashed: row.deletedAt !== null });
      }
      return [table, map] as const;
    }),
  );
  return Object.fromEntries(found) as RecordNames;
}
