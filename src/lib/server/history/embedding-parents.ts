// OParl embeds some records in others (a paper its consultations and files, a meeting its agenda items and place, a
// person their memberships, a body its legislative terms). When an embedded record is saved or deleted, the OParl
// specification (2-08, "Gelöschte Objekte") asks that the `modified` of every object it was embedded in moves too, so
// that clients syncing by `modified_since` see the change. This touches those parents' `updated_at` in the same
// transaction, leaving their `version` alone: it is no edit of theirs and must not conflict with a clerk's open form.
import { and, eq, inArray, lt, type SQL } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Executor } from '@/lib/server/db';

type Row = Record<string, unknown>;

/** A parent to touch: its table and which of its rows. */
interface Parent {
  table: typeof t.paper | typeof t.meeting | typeof t.person | typeof t.organization | typeof t.body | typeof t.agendaItem;
  where: SQL;
}

/** SQL names of the tables whose rows OParl embeds in others. */
const embeddedTables = new Set(['consultation', 'agenda_item', 'membership', 'legislative_term', 'location', 'file', 'demand', 'follow_up']);

/** Whether rows of the table (SQL name) are embedded in others, so that their saves touch those. */
export function isEmbedded(table: string): boolean {
  return embeddedTables.has(table);
}

/** The id in a column of the saved row, or null. */
function idOf(row: Row, key: string): number | null {
  return typeof row[key] === 'number' ? (row[key] as number) : null;
}

/** The parents a saved row of `table` (its SQL name) is embedded in, in OParl and its ratsfaden:demands extension. */
function parentsOf(tx: Executor, table: string, row: Row): Parent[] {
  const byId = (parentTable: Parent['table'], id: number | null): Parent[] => (id === null ? [] : [{ table: parentTable, where: eq(parentTable.id, id) }]);
  const meetingOf = (agendaItemId: number | null): Parent[] =>
    agendaItemId === null ? [] : [{ table: t.meeting, where: inArray(t.meeting.id, tx.select({ id: t.agendaItem.meetingId }).from(t.agendaItem).where(eq(t.agendaItem.id, agendaItemId))) }];
  const item = idOf(row, 'agendaItemId');
  switch (table) {
    case 'consultation': return byId(t.paper, idOf(row, 'paperId'));
    case 'agenda_item': return byId(t.meeting, idOf(row, 'meetingId'));
    // The person embeds the membership; the organization lists its URL.
    case 'membership': return [...byId(t.person, idOf(row, 'personId')), ...byId(t.organization, idOf(row, 'organizationId'))];
    case 'legislative_term': return byId(t.body, idOf(row, 'bodyId'));
    case 'location': return [{ table: t.meeting, where: eq(t.meeting.locationId, row.id as number) }];
    case 'file':
    case 'demand':
      return [...byId(t.paper, idOf(row, 'paperId')), ...byId(t.meeting, idOf(row, 'meetingId')), ...byId(t.agendaItem, item), ...meetingOf(item)];
    case 'follow_up': {
      const demandId = idOf(row, 'demandId');
      if (demandId === null) return [];
      const itemOfDemand = tx.select({ id: t.demand.agendaItemId }).from(t.demand).where(eq(t.demand.id, demandId));
      return [
        { table: t.paper, where: inArray(t.paper.id, tx.select({ id: t.demand.paperId }).from(t.demand).where(eq(t.demand.id, demandId))) },
        { table: t.agendaItem, where: inArray(t.agendaItem.id, itemOfDemand) },
        { table: t.meeting, where: inArray(t.meeting.id, tx.select({ id: t.agendaItem.meetingId }).from(t.agendaItem).where(inArray(t.agendaItem.id, itemOfDemand))) },
      ];
    }
    default: return [];
  }
}

/**
 * Moves `updated_at` of the records the saved row (of the table with SQL name `table`, as returned by the write)
 * is embedded in to `at`, the row's own `updated_at`; a fixed number of statements, each on primary keys (a place:
 * on the meetings' place index). `previous` is the row before an update, so that a parent it left is touched too.
 */
export async function touchEmbeddingParents(tx: Executor, table: string, row: Row, at: string, previous?: Row): Promise<void> {
  const parents = [...parentsOf(tx, table, row), ...(previous ? parentsOf(tx, table, previous) : [])];
  for (const { table: parentTable, where } of parents) {
    await tx.update(parentTable).set({ updatedAt: at }).where(and(where, lt(parentTable.updatedAt, at)));
  }
}
