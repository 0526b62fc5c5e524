// A stored value that cannot be read (an impossible date, a status outside the vocabulary) never breaks a page: the
// formatters in dates.ts, format.ts and domain/labels.ts show a German placeholder and report the value here, once.
import { LRUCache } from 'lru-cache';

/** Where a value was read from, for the log: `{ table: 'demand', id: 12, field: 'dueDate' }`. */
export interface ValueSource {
  table: string;
  id: number | string;
  field: string;
}

// Each bad value is logged once per process, not on every page view; the memory for that stays bounded.
const reported = new LRUCache<string, true>({ max: 2000 });

/**
 * Logs an unreadable stored value with its record and field as a warning (console.warn: the page still answers,
 * so it is no error). `expected` says what the value should have been, e.g. "Datum (JJJJ-MM-TT)".
 */
export function reportBadValue(value: unknown, expected: string, source?: ValueSource): void {
  const where = source ? `${source.table} ${source.id}, Feld ${source.field}` : 'ohne Angabe des Datensatzes';
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 200)) : String(value);
  const key = `${where}\u0000${expected}\u0000${shown}`;
  if (reported.has(key)) return;
  reported.set(key, true);
  console.warn(`Unlesbarer gespeicherter Wert (${where}): ${shown}, erwartet: ${expected}. Die Seite zeigt einen Platzhalter; bitte den Datensatz korrigieren.`);
}
