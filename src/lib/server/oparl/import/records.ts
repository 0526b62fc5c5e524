// Imported rows by their OParl id: insert, update only what changed, trash what the source deleted — through the
// versioned writes (version bump, an 'import' or 'delete' revision per change), with the origin in oparl_record.
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database, Executor } from '@/lib/server/db';
import { insertVersioned, tableNameOf, updateVersioned, type VersionedTable } from '@/lib/server/history/versioned-writes';
import { sameValue } from '@/lib/server/history/merge';

/** What one upsert did. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'deleted';

/** Tables whose rows carry the OParl id in their own `externalId` column. */
const withExternalId = new Set(['body', 'organization', 'person', 'legislative_term', 'location', 'meeting', 'agenda_item', 'paper', 'file']);

/** The rows one source has imported, by OParl id; loaded once per run, kept current as rows are written. */
export class RecordStore {
  private constructor(private readonly sourceId: number, private readonly byExternalId: Map<string, { table: string; rowId: number }>) {}

  /** Loads what `sourceId` imported before. */
  static async load(db: Database, sourceId: number): Promise<RecordStore> {
    const rows = await db.select().from(t.oparlRecord).where(eq(t.oparlRecord.sourceId, sourceId));
    return new RecordStore(sourceId, new Map(rows.map((r) => [r.externalId, { table: r.tableName, rowId: r.rowId }])));
  }

  /** Our row id of an OParl id in `table`, if imported. */
  idOf(table: string, externalId: string | null | undefined): number | null {
    if (!externalId) return null;
    const found = this.byExternalId.get(externalId);
    return found && found.table === table ? found.rowId : null;
  }

  /**
   * Inserts or updates the row of `externalId`: `values` are the columns the source owns (compared, written when
   * one differs); `insertOnly` is set when the row is created (slug, publishedAt). A row trashed earlier comes back.
   */
  async upsert(tx: Executor, table: VersionedTable, externalId: string, web: string | null, values: Record<string, unknown>, insertOnly: Record<string, unknown> = {}): Promise<{ id: number; outcome: Outcome }> {
    const name = tableNameOf(table);
    const own: Record<string, unknown> = { ...values, deletedAt: null, ...(withExternalId.has(name) ? { externalId } : {}) };
    const known = this.idOf(name, externalId);
    if (known !== null) {
      const [existing] = (await tx.select().from(table).where(eq(table.id, known))) as Record<string, unknown>[];
      if (existing) {
        if (Object.keys(own).every((key) => sameValue(existing[key], own[key]))) return { id: known, outcome: 'unchanged' };
        const result = await updateVersioned(tx, table, known, existing.version as number, own, null, { action: 'import', snapshotRelated: false });
        if (!result.ok) throw new Error(`${name} ${known} wurde während des Imports geändert.`);
        await tx.update(t.oparlRecord).set({ web }).where(eq(t.oparlRecord.externalId, externalId));
        return { id: known, outcome: 'updated' };
      }
    }
    const row = await insertVersioned(tx, table, { ...insertOnly, ...own }, null, { action: 'import', snapshotRelated: false });
    const id = row.id as number;
    await tx.insert(t.oparlRecord).values({ externalId, sourceId: this.sourceId, tableName: name, rowId: id, web })
      .onConflictDoUpdate({ target: t.oparlRecord.externalId, set: { tableName: name, rowId: id, web, sourceId: this.sourceId } });
    this.byExternalId.set(externalId, { table: name, rowId: id });
    return { id, outcome: 'created' };
  }

  /** Moves the row of `externalId` to the trash (the source deleted it); false when there is none or it is trashed. */
  async trash(tx: Executor, externalId: string): Promise<{ table: string; id: number } | null> {
    const found = this.byExternalId.get(externalId);
    if (!found) return null;
    const table = tableOf(found.table);
    const [row] = (await tx.select({ version: table.version, deletedAt: table.deletedAt }).from(table).where(eq(table.id, found.rowId))) as { version: number; deletedAt: string | null }[];
    if (!row || row.deletedAt) return null;
    await updateVersioned(tx, table, found.rowId, row.version, { deletedAt: new Date().toISOString() }, null, { action: 'delete', snapshotRelated: false });
    return { table: found.table, id: found.rowId };
  }

  /**
   * Trashes imported rows of `table` under a parent (`parentColumn = parentId`) that the parent no longer lists:
   * an agenda item taken off a meeting, a consultation or file taken off a paper. Rows clerks added are not imported
   * and stay.
   */
  async trashMissingChildren(tx: Executor, table: VersionedTable, parentColumn: string, parentId: number, keepIds: number[]): Promise<number> {
    const name = tableNameOf(table);
    const column = (table as unknown as Record<string, typeof t.file.paperId>)[parentColumn]!;
    const imported = tx.select({ id: t.oparlRecord.rowId }).from(t.oparlRecord).where(and(eq(t.oparlRecord.tableName, name), eq(t.oparlRecord.sourceId, this.sourceId)));
    const stale = (await tx.select({ id: table.id, version: table.version }).from(table)
      .where(and(eq(column, parentId), isNull(table.deletedAt), inArray(table.id, imported), keepIds.length ? notInArray(table.id, keepIds) : undefined))) as { id: number; version: number }[];
    for (const row of stale) await updateVersioned(tx, table, row.id, row.version, { deletedAt: new Date().toISOString() }, null, { action: 'delete', snapshotRelated: false });
    return stale.length;
  }
}

/** The table object of an SQL table name the importer writes. */
export function tableOf(name: string): VersionedTable {
  const tables: Record<string, VersionedTable> = {
    body: t.body, organization: t.organization, person: t.person, membership: t.membership, legislative_term: t.legislativeTerm,
    location: t.location, meeting: t.meeting, agenda_item: t.agendaItem, paper: t.paper, consultation: t.consultation, file: t.file,
  };
  const table = tables[name];
  if (!table) throw new Error(`Unbekannte Tabelle ${name}.`);
  return table;
}
