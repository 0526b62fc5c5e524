// Where an imported record came from (the OParl system, the original's page) and the rule that follows: its
// imported fields belong to the source, so the back office shows them read-only and its saves refuse to change them.
// Demands and follow-ups clerks add to imported papers and agenda items are Ratsfaden's own and stay editable.
import { and, eq, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb, type Executor } from '@/lib/server/db';
import { invalid, type InvalidReference } from '@/lib/server/references';

/** The source of an imported record: the system's name and URL, and the original's web page if the source has one. */
export interface Origin {
  systemName: string;
  systemUrl: string;
  web: string | null;
}

/** The origin of row `id` of `table` (SQL name), or null for a record made here. */
export async function originOf(table: string, id: number, executor: Executor = getDb()): Promise<Origin | null> {
  const [row] = await executor
    .select({ systemName: t.oparlSource.name, systemUrl: t.oparlSource.systemUrl, web: t.oparlRecord.web })
    .from(t.oparlRecord)
    .innerJoin(t.oparlSource, eq(t.oparlSource.id, t.oparlRecord.sourceId))
    .where(and(eq(t.oparlRecord.tableName, table), eq(t.oparlRecord.rowId, id)))
    .limit(1);
  return row ?? null;
}

/** Origins of several rows of one table, by row id (for lists). */
export async function originsOf(table: string, ids: number[]): Promise<Map<number, Origin>> {
  if (!ids.length) return new Map();
  const rows = await getDb()
    .select({ rowId: t.oparlRecord.rowId, systemName: t.oparlSource.name, systemUrl: t.oparlSource.systemUrl, web: t.oparlRecord.web })
    .from(t.oparlRecord)
    .innerJoin(t.oparlSource, eq(t.oparlSource.id, t.oparlRecord.sourceId))
    .where(and(eq(t.oparlRecord.tableName, table), inArray(t.oparlRecord.rowId, ids)));
  return new Map(rows.map(({ rowId, ...origin }) => [rowId, origin]));
}

/** The German note the back office shows on an imported record, and the message a refused save gives. */
export function importedNote(origin: Origin): string {
  return `Dieser Datensatz wird aus „${origin.systemName}“ übernommen (OParl-Import). Bitte ändern Sie seine Angaben dort; der nächste Import übernimmt sie. Forderungen und Nachverfolgungen können Sie hier ergänzen – ein Import ändert sie nie.`;
}

/**
 * Columns (and related lists) an import writes, per table: they belong to the source. The rest is Ratsfaden's own
 * (a paper's summary text, a body's reply deadline, an agenda item's minutes, publication) and stays editable.
 */
export const importedFields: Record<string, string[]> = {
  body: ['name', 'shortName', 'classification', 'website'],
  organization: ['bodyId', 'name', 'shortName', 'kind', 'classification', 'startDate', 'endDate', 'parentId'],
  person: ['bodyId', 'name', 'formOfAddress', 'title', 'givenName', 'familyName'],
  membership: ['organizationId', 'role', 'votingRight', 'startDate', 'endDate', 'onBehalfOfId'],
  meeting: ['bodyId', 'name', 'start', 'end', 'location', 'meetingState', 'cancelled', 'organizationIds'],
  agenda_item: ['number', 'name', 'public', 'result', 'resolutionMd'],
  paper: ['bodyId', 'reference', 'name', 'paperType', 'date', 'underDirectionOfId', 'originatorOrganizationIds', 'originatorPersonIds'],
};

/** Fields holding an instant: compared as instants (the form posts another notation of the same time). */
const instants = new Set(['start', 'end']);

function same(field: string, stored: unknown, posted: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(stored) && blank(posted)) return true;
  if (Array.isArray(stored) || Array.isArray(posted)) {
    const sorted = (v: unknown) => (Array.isArray(v) ? v.map(Number).sort((a, b) => a - b).join(',') : '');
    return sorted(stored) === sorted(posted);
  }
  if (instants.has(field) && typeof stored === 'string' && typeof posted === 'string') return Date.parse(stored) === Date.parse(posted);
  if (typeof stored === 'boolean' || typeof posted === 'boolean') return Boolean(stored) === Boolean(posted);
  return String(stored) === String(posted);
}

async function relatedLists(tx: Executor, table: string, id: number): Promise<Record<string, number[]>> {
  if (table === 'paper') {
    const rows = await tx.select().from(t.paperOriginator).where(eq(t.paperOriginator.paperId, id));
    return { originatorOrganizationIds: rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])), originatorPersonIds: rows.flatMap((r) => (r.personId ? [r.personId] : [])) };
  }
  if (table === 'meeting') {
    const rows = await tx.select({ id: t.meetingOrganization.organizationId }).from(t.meetingOrganization).where(eq(t.meetingOrganization.meetingId, id));
    return { organizationIds: rows.map((r) => r.id) };
  }
  return {};
}

const tables = { body: t.body, organization: t.organization, person: t.person, membership: t.membership, meeting: t.meeting, agenda_item: t.agendaItem, paper: t.paper } as const;

/**
 * Refuses a save that changes a field an import owns on an imported record (the message names the source and says
 * to change it there), or null: a record made here, or a save that leaves the imported fields as they are.
 */
export async function refuseImported(tx: Executor, table: keyof typeof tables, id: number | null | undefined, posted: Record<string, unknown>): Promise<InvalidReference | null> {
  if (!id) return null;
  const origin = await originOf(table, id, tx);
  if (!origin) return null;
  const source = tables[table];
  const [row] = (await tx.select().from(source).where(eq(source.id, id))) as Record<string, unknown>[];
  if (!row) return null;
  const stored = { ...row, ...(await relatedLists(tx, table, id)) };
  for (const field of importedFields[table] ?? []) {
    if (!(field in posted)) continue;
    if (!same(field, stored[field], posted[field])) return invalid(field, `Nicht gespeichert: Dieses Feld stammt aus „${origin.systemName}“. Bitte ändern Sie es dort; der nächste Import übernimmt es.`);
  }
  return null;
}
