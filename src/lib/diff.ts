// A readable comparison of two snapshots of a record: per field, words removed and added.
import { diffWords } from 'diff';
import { formatDate, formatTimeOfDay, isCalendarDay, parseInstant } from '@/lib/dates';
import { isReferenceField, referenceValue, type RecordNames } from '@/lib/record-names';

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

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isDateValue(value: unknown): boolean {
  return typeof value === 'string' && (isCalendarDay(value) || (DATE_TIME.test(value) && parseInstant(value) !== null));
}

/** A stored value as a person reads it: German dates ("05.03.2014", "05.03.2014, 17:00 Uhr"), "ja"/"nein". */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value !== 'string') return JSON.stringify(value);
  if (isCalendarDay(value)) return formatDate(value);
  if (DATE_TIME.test(value) && parseInstant(value)) return `${formatDate(value)}, ${formatTimeOfDay(value)}`;
  return value;
}

/**
 * The fields that differ between two snapshots, each with its word-level diff. With `names`, a field that refers
 * to another record shows that record's name ("Ausländeramt → Sozialamt", not "5 → 7").
 */
export function diffSnapshots(older: Record<string, unknown>, newer: Record<string, unknown>, names?: RecordNames): FieldDiff[] {
  const fields = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter((f) => !ignored.has(f) && !f.endsWith('Html'));
  const shown = (field: string, value: unknown) => (names ? referenceValue(names, field, value) : null) ?? readableValue(value);
  return fields.flatMap((field) => {
    if (names && isReferenceField(field) && (older[field] ?? null) === (newer[field] ?? null)) return [];
    const a = shown(field, older[field]);
    const b = shown(field, newer[field]);
    if (a === b) return [];
    // A date or a referenced record is compared whole: "01.03.2026" → "02.03.2026", not a diff of its digits.
    if (isDateValue(older[field]) || isDateValue(newer[field]) || (names && isReferenceField(field))) {
      const whole = [a && { value: a, kind: 'removed' as const }, a && b && { value: ' ', kind: 'same' as const }, b && { value: b, kind: 'added' as const }];
      return [{ field, parts: whole.filter((p): p is DiffPart => Boolean(p)) }];
    }
    const parts = diffWords(a, b).map((c) => ({ value: c.value, kind: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const) }));
    return [{ field, parts }];
  });
}
