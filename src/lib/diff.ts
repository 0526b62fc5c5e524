// A readable comparison of two snapshots of a record: per field, words removed and added.
import { diffWords } from 'diff';

/** One part of a field's text: kept, removed or added. */
export interface DiffPart {
  value: string;
  kind: 'same' | 'removed' | 'added';
}

/** The changes of one field between two versions. */
export interface FieldDiff {
  field: string;
  parts: DiffPart[];
}

/** Columns not worth comparing: bookkeeping, ids shown by name beside them, and HTML rendered from the Markdown beside it. */
const ignored = new Set(['id', 'createdAt', 'updatedAt', 'version', 'originatorOrganizationIds', 'originatorPersonIds', 'organizationIds']);

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields that differ between two snapshots, each with its word-level diff. */
export function diffSnapshots(older: Record<string, unknown>, newer: Record<string, unknown>): FieldDiff[] {
  const fields = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter((f) => !ignored.has(f) && !f.endsWith('Html'));
  return fields.flatMap((field) => {
    const a = asText(older[field]);
    const b = asText(newer[field]);
    if (a === b) return [];
    const parts = diffWords(a, b).map((c) => ({ value: c.value, kind: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const) }));
    return [{ field, parts }];
  });
}
