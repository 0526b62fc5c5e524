// Number formats in German. A stored number that is none (text, negative, fractional where a count is meant) is
// shown as a placeholder and reported once (./bad-value.ts); nothing here throws.
import { reportBadValue, type ValueSource } from '@/lib/bad-value';

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** Shown instead of a file size that cannot be read. */
export const UNKNOWN_SIZE = 'Größe unbekannt';

/** A stored whole number ≥ 0 (a count, a size, a number of days) as a number; null if it is none, after reporting it. */
export function readCount(value: unknown, source?: ValueSource): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  reportBadValue(value, 'eine ganze Zahl ab 0', source);
  return null;
}

/** "115 KB", "1,2 MB"; "Größe unbekannt" for a value that is no size. */
export function formatBytes(bytes: unknown, source?: ValueSource): string {
  const n = readCount(bytes, source);
  if (n === null) return UNKNOWN_SIZE;
  if (n < 1024) return `${n} Byte`;
  if (n < 1024 * 1024) return `${numberFormat.format(Math.round(n / 1024))} KB`;
  return `${numberFormat.format(n / (1024 * 1024))} MB`;
}
