// Names for the ids a record refers to, so that change log, trash and version history speak of people,
// organizations and papers instead of numbers. Pure: the names are looked up elsewhere (src/lib/server/history/names.ts).
import { relationLabel } from '@/lib/domain/labels';

/** Tables whose rows other records refer to by id. */
export type NamedTable = 'body' | 'organization' | 'person' | 'paper' | 'meeting' | 'agenda_item' | 'demand' | 'user';

/** Which table each foreign-key field of a record points to. */
export const referenceFields: Record<string, NamedTable> = {
  bodyId: 'body',
  organizationId: 'organization',
  underDirectionOfId: 'organization',
  responsibleOrganizationId: 'organization',
  onBehalfOfId: 'organization',
  parentId: 'organization',
  personId: 'person',
  paperId: 'paper',
  sourcePaperId: 'paper',
  fromPaperId: 'paper',
  toPaperId: 'paper',
  meetingId: 'meeting',
  agendaItemId: 'agenda_item',
  sourceAgendaItemId: 'agenda_item',
  demandId: 'demand',
  authorId: 'user',
};

/** A looked-up record: its name and whether it lies in the trash. */
export interface NamedRecord {
  name: string;
  trashed: boolean;
}

/** The names found for referenced ids, per table; an id looked up but not found no longer exists. */
export type RecordNames = Partial<Record<NamedTable, ReadonlyMap<number, NamedRecord>>>;

/** No names at all: every reference reads "Nr. 12 (gelöscht)". */
export const noNames: RecordNames = {};

/** The referenced record ids of some rows, per table, each id once: what a page has to look up. */
export function referencedIds(rows: Iterable<Record<string, unknown>>): Map<NamedTable, Set<number>> {
  const ids = new Map<NamedTable, Set<number>>();
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) {
      const table = Object.hasOwn(referenceFields, field) ? referenceFields[field]! : null;
      if (!table || typeof value !== 'number' || !Number.isInteger(value)) continue;
      let set = ids.get(table);
      if (!set) ids.set(table, (set = new Set()));
      set.add(value);
    }
  }
  return ids;
}

function lookUp(names: RecordNames, table: NamedTable, id: unknown): NamedRecord | null {
  return typeof id === 'number' ? (names[table]?.get(id) ?? null) : null;
}

/** "Sozialamt", "Sozialamt (im Papierkorb)", or "Nr. 12 (gelöscht)" for a record that no longer exists. */
export function referenceName(names: RecordNames, table: NamedTable, id: unknown): string {
  const found = lookUp(names, table, id);
  if (!found) return `Nr. ${String(id)} (gelöscht)`;
  return found.trashed ? `${found.name} (im Papierkorb)` : found.name;
}

/** A paper's title in German quotes: "„Antrag Radweg“", "„Antrag Radweg“ (im Papierkorb)", "Nr. 12 (gelöscht)". */
export function quotedReferenceName(names: RecordNames, table: NamedTable, id: unknown): string {
  const found = lookUp(names, table, id);
  if (!found) return referenceName(names, table, id);
  return `„${found.name}“${found.trashed ? ' (im Papierkorb)' : ''}`;
}

/** Whether a field holds an id of another record (shown by name). */
export function isReferenceField(field: string): boolean {
  return Object.hasOwn(referenceFields, field);
}

/** A stored field value by name when it refers to another record, else null. */
export function referenceValue(names: RecordNames, field: string, value: unknown): string | null {
  if (!isReferenceField(field)) return null;
  if (value === null || value === undefined || value === '') return '';
  return referenceName(names, referenceFields[field]!, value);
}

// Organization names whose head noun is feminine take "in der" ("in der Fraktion …", "in der Bezirksvertretung").
const FEMININE_HEAD = /(ung|ion|schaft|heit|keit|gruppe|kommission|konferenz|kammer|runde|stelle|behörde|versammlung)$/;

/** "im Integrationsrat …", "in der Fraktion …": an organization's name after "in". */
export function inOrganization(name: string): string {
  const head = (name.split(/\s+/)[0] ?? '').split('-').at(-1)!.toLowerCase();
  return `${FEMININE_HEAD.test(head) ? 'in der' : 'im'} ${name}`;
}

function suffix(text: unknown): string {
  return typeof text === 'string' && text.trim() ? ` (${text.trim()})` : '';
}

/** "Mitgliedschaft von Erika Teststein im Integrationsrat … (Leitung)". */
export function membershipTitle(row: Record<string, unknown>, names: RecordNames): string {
  return `Mitgliedschaft von ${referenceName(names, 'person', row.personId)} ${inOrganization(referenceName(names, 'organization', row.organizationId))}${suffix(row.role)}`;
}

/** "Beratung von „Antrag …“ im Ausschuss … (Kenntnisnahme)"; the meeting when no organization is named. */
export function consultationTitle(row: Record<string, unknown>, names: RecordNames): string {
  const where = row.organizationId != null
    ? ` ${inOrganization(referenceName(names, 'organization', row.organizationId))}`
    : row.meetingId != null
      ? ` in der Sitzung ${quotedReferenceName(names, 'meeting', row.meetingId)}`
      : '';
  return `Beratung von ${quotedReferenceName(names, 'paper', row.paperId)}${where}${suffix(row.role)}`;
}

/** "„Antrag …“ beantwortet durch „Mitteilungsvorlage …“": a relation read from the paper it points to. */
export function relationTitle(row: Record<string, unknown>, names: RecordNames): string {
  return `${quotedReferenceName(names, 'paper', row.toPaperId)} ${relationLabel(row.kind, 'incoming')} ${quotedReferenceName(names, 'paper', row.fromPaperId)}`;
}
