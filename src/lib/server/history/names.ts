// Looks up the names of the records a page's rows refer to: one query per referenced table, never one per row.
import { inArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { referencedIds, type NamedRecord, type NamedTable, type RecordNames } from '@/lib/record-names';

/** SQLite allows many bound values per statement; stay well below the limit per query. */
const CHUNK = 500;

type NameRow = { id: number; name: string; deletedAt: string | null };

/** Per referenced table: its columns, and the column (or expression) a clerk reads as its name. */
const nameSources = {
  body: { table: t.body, name: t.body.name },
  organization: { table: t.organization, name: t.organization.name },
  person: { table: t.person, name: t.person.name },
  paper: { table: t.paper, name: t.paper.name },
  meeting: { table: t.meeting, name: t.meeting.name },
  demand: { table: t.demand, name: t.demand.title },
  user: { table: t.user, name: t.user.name },
  // An agenda item reads as its number and title ("Ö 13 Ausländerbehörde").
  agenda_item: { table: t.agendaItem, name: sql<string>`trim(coalesce(${t.agendaItem.number}, '') || ' ' || ${t.agendaItem.name})` },
} satisfies Record<NamedTable, { table: SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn }; name: SQLWrapper }>;

/** The rows of `table` with these ids, with the name a clerk reads. */
function select(table: NamedTable, ids: number[]): Promise<NameRow[]> {
  const source = nameSources[table];
  return getDb()
    .select({ id: source.table.id, name: source.name, deletedAt: source.table.deletedAt })
    // One generic select over the tables above; each has id, deletedAt and its name column.
    .from(source.table as typeof t.body)
    .where(inArray(source.table.id, ids)) as Promise<NameRow[]>;
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
