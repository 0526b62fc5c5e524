// The one way to write a versioned row: optimistic locking on `version`, a revision per save, soft delete and
// restore, and the transaction every multi-statement write runs in. Back-office saves, the seed import and the
// account administration all write through here.
import { and, eq, getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getDb, type Executor } from '@/lib/server/db';
import { recordRevision, relatedSnapshot, revisionAt, type RevisionAction } from '@/lib/server/history/revisions';
import { mergeChanges, type FieldConflict } from '@/lib/server/history/merge';
import { isEmbedded, touchEmbeddingParents } from '@/lib/server/history/embedding-parents';

/** A content table with the shared columns (id, version, updatedAt, deletedAt). */
export type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn; deletedAt: SQLiteColumn };

/** Why a save was refused: the version stored now, who saved it when, and the fields both changed (none for a strict write). */
export interface Conflict {
  /** The table of the record (SQL name, as in the revision log). */
  table: string;
  version: number;
  changedById: number | null;
  changedBy: string | null;
  changedAt: string | null;
  fields: FieldConflict[];
}
export type { FieldConflict };

/**
 * Outcome of a versioned update: the saved row (`merged` when changes saved in between were kept, `related` the
 * values of related rows the caller writes), or the conflict with the row as it is now.
 */
export type UpdateResult<Row> =
  | { ok: true; row: Row; merged: boolean; related: Record<string, unknown> }
  | { ok: false; reason: 'conflict'; current: Row; conflict: Conflict }
  | { ok: false; reason: 'not-found' };

/** How an update treats changes saved since the version the form was loaded with. */
export interface UpdateOptions {
  /** The revision action to log (default 'update'). */
  action?: RevisionAction;
  /**
   * Merge with changes saved in between instead of refusing them (editor saves): only a field both changed is a
   * conflict. Without it any change in between refuses the write (trash, restore: decisions about the whole record).
   */
  merge?: boolean;
  /** Written as given whatever was saved in between, e.g. the publication the clicked button decides. */
  always?: Record<string, unknown>;
  /**
   * Values of rows in other tables that belong to the record (a paper's originators, a meeting's organizations),
   * merged like columns; the caller writes the merged values from the result.
   */
  related?: Record<string, unknown>;
  /**
   * The version the clerk saw the comparison of a conflict with (posted back by the conflict view): while it is
   * still the stored version, the conflicting fields take the clerk's values.
   */
  confirmedVersion?: number | null;
  /** Whether the revision's snapshot includes the related rows (default true; the import writes them afterwards). */
  snapshotRelated?: boolean;
}

/** The SQL name of a table, as the revision log stores it. */
export function tableNameOf(table: SQLiteTable): string {
  return getTableConfig(table).name;
}

/**
 * Whether a write moves the `modified` of the records its row is embedded in (OParl 2-08, embedding-parents.ts).
 * Imports do not: they carry their source's dates (the seed's document dates, an OParl source's own `modified`, which
 * already moved with its embedded objects), and feeds must not list a whole import as changed today.
 */
function touchesParents(table: VersionedTable, action: RevisionAction | undefined): boolean {
  return action !== 'import' && isEmbedded(tableNameOf(table));
}

/** Inserts a row at version 1 and logs its revision ('create' unless told otherwise; userId null for the import and the CLI). */
export async function insertVersioned<Row extends Record<string, unknown>>(
  tx: Executor,
  table: VersionedTable,
  values: Record<string, unknown>,
  userId: number | null,
  options: { action?: RevisionAction; snapshotRelated?: boolean } = {},
): Promise<Row> {
  const [row] = (await tx.insert(table).values({ ...values, version: 1 } as never).returning()) as Row[];
  if (!row) throw new Error(`Einfügen in ${tableNameOf(table)} lieferte keine Zeile.`);
  if (touchesParents(table, options.action)) await touchEmbeddingParents(tx, tableNameOf(table), row, row.updatedAt as string);
  await recordRevision(tx, tableNameOf(table), row, userId, options.action ?? 'create', options.snapshotRelated ?? true);
  return row;
}

/** Writes `values` if the row still has `version`; bumps the version and logs the revision. Null when it had another. */
async function writeAt<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, id: number, version: number, values: Record<string, unknown>, userId: number | null, action: RevisionAction, snapshotRelated: boolean): Promise<Row | null> {
  // A row OParl embeds elsewhere: the parents it had before the write are touched too (it may have moved).
  const embedded = touchesParents(table, action);
  const [previous] = embedded ? ((await tx.select().from(table).where(and(eq(table.id, id), eq(table.version, version)))) as Row[]) : [];
  const [row] = (await tx
    .update(table)
    .set({ ...values, version: version + 1, updatedAt: new Date().toISOString() } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as Row[];
  if (!row) return null;
  if (embedded) await touchEmbeddingParents(tx, tableNameOf(table), row, row.updatedAt as string, previous);
  await recordRevision(tx, tableNameOf(table), row, userId, action, snapshotRelated);
  return row;
}

/** The conflict answer for a row as stored now: its version, who saved it when, and the conflicting fields. */
async function conflictWith<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, current: Row, fields: FieldConflict[]): Promise<UpdateResult<Row>> {
  const version = current.version as number;
  const saved = await revisionAt(tx, tableNameOf(table), current.id as number, version);
  return { ok: false, reason: 'conflict', current, conflict: { table: tableNameOf(table), version, changedById: saved?.userId ?? null, changedBy: saved?.userName ?? null, changedAt: saved?.at ?? null, fields } };
}

/** Splits merged values into the table's columns and the related values the caller writes. */
function splitColumns(table: VersionedTable, values: Record<string, unknown>): { columns: Record<string, unknown>; related: Record<string, unknown> } {
  const names = new Set(Object.keys(getTableColumns(table)));
  const columns: Record<string, unknown> = {};
  const related: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) (names.has(key) ? columns : related)[key] = value;
  return { columns, related };
}

/** Attempts at a merged write before a save that keeps losing the race is answered as a conflict. */
const MERGE_ATTEMPTS = 3;

/**
 * Updates a row based on `expectedVersion` (optimistic locking), bumps the version and logs a revision. When the
 * row was saved in between, a strict write is refused; with `merge`, the clerk's values are compared field by
 * field with the snapshot of `expectedVersion` in the revision log: changes to different fields are combined and
 * saved, and only fields both changed are answered as a conflict, so nobody overwrites changes they have not seen.
 */
export async function updateVersioned<Row extends Record<string, unknown>>(
  tx: Executor,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
  values: Record<string, unknown>,
  userId: number | null,
  options: UpdateOptions = {},
): Promise<UpdateResult<Row>> {
  const { action = 'update', always = {}, related = {}, snapshotRelated = true } = options;
  const written = await writeAt<Row>(tx, table, id, expectedVersion, { ...values, ...always }, userId, action, snapshotRelated);
  if (written) return { ok: true, row: written, merged: false, related };
  const tableName = tableNameOf(table);
  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    const [current] = (await tx.select().from(table).where(eq(table.id, id))) as Row[];
    if (!current) return { ok: false, reason: 'not-found' };
    if (!options.merge) return conflictWith(tx, table, current, []);
    const version = current.version as number;
    const stored = Object.keys(related).length ? { ...current, ...(await relatedSnapshot(tx, tableName, id)) } : current;
    const base = (await revisionAt(tx, tableName, id, expectedVersion))?.snapshot ?? null;
    const merge = mergeChanges(base, stored, { ...values, ...related });
    if (merge.conflicts.length && options.confirmedVersion !== version) return conflictWith(tx, table, current, merge.conflicts);
    const split = splitColumns(table, merge.values);
    const row = await writeAt<Row>(tx, table, id, version, { ...split.columns, ...always }, userId, action, snapshotRelated);
    if (row) return { ok: true, row, merged: merge.fromTheirs.length > 0, related: split.related };
  }
  const [current] = (await tx.select().from(table).where(eq(table.id, id))) as Row[];
  return current ? conflictWith(tx, table, current, []) : { ok: false, reason: 'not-found' };
}

/**
 * Updates a row at the version it has now, with a revision: for writes that decide on the record as it is
 * (an admin's change to an account, publishing a paper's drafts, a status that follows its follow-ups, an import).
 */
export async function updateCurrent<Row extends Record<string, unknown>>(
  tx: Executor,
  table: VersionedTable,
  id: number,
  values: Record<string, unknown>,
  userId: number | null,
  options: Pick<UpdateOptions, 'action' | 'snapshotRelated'> = {},
): Promise<UpdateResult<Row>> {
  const [current] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id));
  if (!current) return { ok: false, reason: 'not-found' };
  return updateVersioned<Row>(tx, table, id, current.version as number, values, userId, options);
}

/**
 * Checks that what a clerk decided on is unchanged since the version they saw (for a write about the row that does
 * not change it, such as a follow-up stating a new status): compares only the given fields, like a merge would.
 */
export async function unchangedSince<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, id: number, seenVersion: number, mine: Record<string, unknown>): Promise<UpdateResult<Row>> {
  const [current] = (await tx.select().from(table).where(eq(table.id, id))) as Row[];
  if (!current) return { ok: false, reason: 'not-found' };
  if (current.version === seenVersion || !Object.keys(mine).length) return { ok: true, row: current, merged: false, related: {} };
  const base = (await revisionAt(tx, tableNameOf(table), id, seenVersion))?.snapshot ?? null;
  const { conflicts } = mergeChanges(base, current, mine);
  return conflicts.length ? conflictWith(tx, table, current, conflicts) : { ok: true, row: current, merged: false, related: {} };
}

/** Moves a row to the trash (soft delete), refused when it changed since `expectedVersion`. */
export function softDelete<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, id: number, expectedVersion: number, userId: number): Promise<UpdateResult<Row>> {
  return updateVersioned<Row>(tx, table, id, expectedVersion, { deletedAt: new Date().toISOString() }, userId, { action: 'delete' });
}

/** Takes a row out of the trash, refused when it changed since `expectedVersion`. */
export function undelete<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, id: number, expectedVersion: number, userId: number): Promise<UpdateResult<Row>> {
  return updateVersioned<Row>(tx, table, id, expectedVersion, { deletedAt: null }, userId, { action: 'restore' });
}

/** Thrown by `refuse` to roll a write transaction back; carries the answer. */
class Refusal extends Error {
  constructor(readonly result: unknown) {
    super('Die Speicherung wurde abgelehnt und zurückgerollt.');
  }
}

/**
 * Ends a write transaction early: everything it wrote so far is rolled back and `writeTransaction` returns `result`
 * (e.g. the conflict of its second update after the first one succeeded).
 */
export function refuse(result: unknown): never {
  throw new Refusal(result);
}

/**
 * Runs a multi-statement write in one transaction: all of it is saved, or nothing (an error or `refuse` rolls it
 * back). Every back-office write goes through here.
 */
export async function writeTransaction<T>(run: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    return await getDb().transaction((tx) => run(tx));
  } catch (error) {
    if (error instanceof Refusal) return error.result as T;
    throw error;
  }
}
