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

const countFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** A whole number with German digit grouping: "1.234". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** "1 Forderung", "0 Forderungen", "1.234 Forderungen": a count with the noun in singular or plural. */
export function countLabel(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** The separator between the parts of a meta line ("Antrag · Nr. 12 · 05.03.2014"). */
export const META_SEPARATOR = ' · ';

/** The parts of a meta line that are present: null, undefined, false and empty strings are dropped. */
export function presentParts<T>(parts: readonly (T | null | undefined | false | '')[]): T[] {
  return parts.filter((p): p is T => p !== null && p !== undefined && p !== false && p !== '');
}

/** The present parts of a meta line joined with " · " ("Forderung 12 · Fällig: 05.03.2014"); "" if none is present. */
export function joinMeta(parts: readonly (string | null | undefined | false)[]): string {
  return presentParts(parts).join(META_SEPARATOR);
}
