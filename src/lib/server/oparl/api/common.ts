// What every OParl object shares: id and type first, created and modified, tombstones of deleted objects.
import { objectUrl, typeUrl, type ObjectKind } from './urls';

/** An OParl object as JSON. */
export type OparlObject = Record<string, unknown>;

/** Loads the public objects of one kind by id, in a fixed number of queries; missing ids are not public. */
export type ObjectLoader = (ids: number[], options: LoadOptions) => Promise<Map<number, OparlObject>>;

/** How objects are written. */
export interface LoadOptions {
  /** `omit_internal=true`: leave out the embedded lists the specification names. */
  omitInternal: boolean;
}

/** The object without its null, undefined and empty-array values (OParl leaves unknown values out). */
export function compact(object: OparlObject): OparlObject {
  const out: OparlObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** `id` and `type` of an object. */
export function head(kind: ObjectKind, id: number): { id: string; type: string } {
  return { id: objectUrl(kind, id), type: typeUrl(kind) };
}

/** `created` and `modified` from the shared columns. */
export function stamps(row: { createdAt: string; updatedAt: string }): { created: string; modified: string } {
  return { created: row.createdAt, modified: row.updatedAt };
}

/** A deleted object as OParl keeps it: id, type, created, modified (the deletion, at the latest) and `deleted: true`. */
export function tombstone(kind: ObjectKind, row: { id: number; createdAt: string; updatedAt: string; deletedAt: string | null }): OparlObject {
  const modified = row.deletedAt && row.deletedAt > row.updatedAt ? row.deletedAt : row.updatedAt;
  return { ...head(kind, row.id), created: row.createdAt, modified, deleted: true };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => number | null): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** A calendar day (YYYY-MM-DD) or undefined: OParl's `format: date`. */
export function dayOrUndefined(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** A date-time with zone (OParl's `format: date-time`) or undefined. */
export function dateTimeOrUndefined(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : undefined;
}
