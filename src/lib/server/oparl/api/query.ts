// The parameters of an OParl list (`limit`, `after`, `created_since` … `modified_until`, `omit_internal`) and the
// links of its pages (docs/decisions/0013-oparl-paging.md).
import { absoluteUrl } from '@/lib/server/public-url';
import { BadParameter } from './http';

/** Objects per page when the client names no `limit`. */
export const DEFAULT_LIMIT = 50;
/** Most objects per page, whatever `limit` asks for. */
export const MAX_LIMIT = 100;

/** The key a list is ordered by: id, or (modified, id) / (created, id) when filtered by those. */
export type ListOrder = 'id' | 'modified' | 'created';

/** Where a page starts: after this key. */
export interface ListCursor {
  id: number;
  /** The timestamp of the (modified, id) or (created, id) key; absent when ordered by id. */
  at?: string;
}

/** A list request, parsed and checked. */
export interface ListQuery {
  limit: number;
  after: ListCursor | null;
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
  omitInternal: boolean;
  order: ListOrder;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time as a stored timestamp (UTC, `toISOString`); without a zone it is read as UTC. */
export function parseTimestamp(name: string, raw: string): string {
  // An unencoded "+01:00" arrives as " 01:00": the plus of a query string is a space.
  const value = raw.trim().replace(/ /g, '+');
  const match = ISO_8601.exec(value);
  const fail = () => new BadParameter(`Der Parameter „${name}“ muss ein Zeitpunkt nach ISO 8601 sein, z. B. 2026-01-31T12:00:00+01:00 (erhalten: „${raw}“).`);
  if (!match) throw fail();
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) throw fail();
  const text = match[4] === undefined ? `${value}T00:00:00Z` : match[7] === undefined ? `${value}Z` : value;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw fail();
  return new Date(ms).toISOString();
}

/** `limit`: a positive whole number; more than MAX_LIMIT is read as MAX_LIMIT (the specification calls it a hint). */
function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_LIMIT;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) throw new BadParameter(`Der Parameter „limit“ muss eine ganze Zahl ab 1 sein (höchstens ${MAX_LIMIT} Objekte je Seite; erhalten: „${raw}“).`);
  return Math.min(Number(raw), MAX_LIMIT);
}

/** `omit_internal`: true or false. */
function parseFlag(name: string, raw: string | null): boolean {
  if (raw === null || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new BadParameter(`Der Parameter „${name}“ kennt nur die Werte true und false (erhalten: „${raw}“).`);
}

/** `after`: the key of the previous page's last object, as the server wrote it into `links.next`. */
function parseCursor(raw: string | null, order: ListOrder): ListCursor | null {
  if (raw === null || raw === '') return null;
  const fail = () => new BadParameter(`Der Parameter „after“ ist ungültig. Folgen Sie den Verweisen unter „links“ der Listenseite, statt ihn selbst zu bilden (erhalten: „${raw}“).`);
  if (order === 'id') {
    if (!/^\d{1,12}$/.test(raw)) throw fail();
    return { id: Number(raw) };
  }
  const match = /^(.+)_(\d{1,12})$/.exec(raw);
  if (!match) throw fail();
  try {
    parseTimestamp('after', match[1]!);
  } catch {
    throw fail();
  }
  // The stored text exactly as the server wrote it: the key compares as stored, not as normalized.
  return { id: Number(match[2]), at: match[1]!.replace(/ /g, '+') };
}

/** Parses a list URL's parameters; throws BadParameter with a German message for a bad one. */
export function parseListQuery(url: URL): ListQuery {
  const p = url.searchParams;
  const stamp = (name: string) => {
    const raw = p.get(name);
    return raw === null || raw === '' ? undefined : parseTimestamp(name, raw);
  };
  const query: Omit<ListQuery, 'after' | 'order'> = {
    limit: parseLimit(p.get('limit')),
    createdSince: stamp('created_since'),
    createdUntil: stamp('created_until'),
    modifiedSince: stamp('modified_since'),
    modifiedUntil: stamp('modified_until'),
    omitInternal: parseFlag('omit_internal', p.get('omit_internal')),
  };
  const order: ListOrder = query.modifiedSince || query.modifiedUntil ? 'modified' : query.createdSince || query.createdUntil ? 'created' : 'id';
  return { ...query, order, after: parseCursor(p.get('after'), order) };
}

/** Whether deleted objects appear as tombstones: only when the list is filtered by modification (OParl 1.1). */
export function withTombstones(query: ListQuery): boolean {
  return query.modifiedSince !== undefined;
}

/** The `after` value of a cursor. */
function cursorValue(cursor: ListCursor): string {
  return cursor.at ? `${cursor.at}_${cursor.id}` : String(cursor.id);
}

/** The URL of a list page: the filters the client gave, kept on every link, and the page's start. */
export function pageUrl(path: string, url: URL, after: ListCursor | null): string {
  const params = new URLSearchParams();
  for (const name of ['created_since', 'created_until', 'modified_since', 'modified_until', 'limit', 'omit_internal']) {
    const value = url.searchParams.get(name);
    if (value !== null && value !== '') params.set(name, value);
  }
  if (after) params.set('after', cursorValue(after));
  const search = params.toString();
  return absoluteUrl(search ? `${path}?${search}` : path);
}
