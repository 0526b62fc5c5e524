// Page-cache tags: what a page shows and what a save touched, in one vocabulary (docs/decisions/0008-page-cache.md).
// `paper:12` is one record, `paper` any list of papers; a save touches its record, its kind, and every record its
// old and new version point to (the paper of a file, the meeting of an agenda item), so pages showing those update.
import { desc, and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import type { ContentChange } from './report';

/** A record kind as tags name it: the table name in camelCase (`agenda_item` → `agendaItem`). */
export type TagKind = 'body' | 'organization' | 'person' | 'membership' | 'meeting' | 'agendaItem' | 'paper' | 'consultation' | 'file' | 'demand' | 'followUp' | 'legalText';

/** The tag kind of a table name. */
export function kindOf(table: string): TagKind {
  return table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as TagKind;
}

/** The tag of one record. */
export function recordTag(kind: TagKind, id: number): string {
  return `${kind}:${id}`;
}

/** Tags of records, skipping missing ids; for pages listing what they show. */
export function recordTags(kind: TagKind, ids: Iterable<number | null | undefined>): string[] {
  const tags: string[] = [];
  for (const id of ids) if (typeof id === 'number') tags.push(recordTag(kind, id));
  return tags;
}

/** Snapshot fields that point to other records, and the kind they point to. */
const references: Record<string, TagKind> = {
  bodyId: 'body', parentId: 'organization', organizationId: 'organization', underDirectionOfId: 'organization',
  responsibleOrganizationId: 'organization', onBehalfOfId: 'organization', organizationIds: 'organization',
  originatorOrganizationIds: 'organization', personId: 'person', originatorPersonIds: 'person',
  meetingId: 'meeting', agendaItemId: 'agendaItem', sourceAgendaItemId: 'agendaItem',
  paperId: 'paper', fromPaperId: 'paper', toPaperId: 'paper', sourcePaperId: 'paper', demandId: 'demand',
};

/** Tags of the records a snapshot points to. */
export function referencedTags(snapshot: Record<string, unknown>): string[] {
  const tags: string[] = [];
  for (const [field, kind] of Object.entries(references)) {
    const value = snapshot[field];
    for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'number') tags.push(recordTag(kind, id));
  }
  return tags;
}

/**
 * Pages showing a record's own fields beyond its own page, as tags: a paper's title appears on related papers,
 * on the meetings that discussed it and on its demands; a meeting's date on its papers and the demands raised in it;
 * an agenda item's title on its meeting, its papers and its demands. Indexed lookups by foreign key.
 */
const shownOn: Partial<Record<TagKind, { kind: TagKind; sql: string }[]>> = {
  paper: [
    { kind: 'paper', sql: 'SELECT to_paper_id FROM paper_relation WHERE from_paper_id = ?1 UNION SELECT from_paper_id FROM paper_relation WHERE to_paper_id = ?1' },
    { kind: 'meeting', sql: 'SELECT c.meeting_id FROM consultation c WHERE c.paper_id = ?1 AND c.meeting_id IS NOT NULL UNION SELECT a.meeting_id FROM consultation c JOIN agenda_item a ON a.id = c.agenda_item_id WHERE c.paper_id = ?1' },
    { kind: 'demand', sql: 'SELECT id FROM demand WHERE paper_id = ?1' },
  ],
  meeting: [
    { kind: 'paper', sql: 'SELECT paper_id FROM consultation WHERE meeting_id = ?1 UNION SELECT c.paper_id FROM agenda_item a JOIN consultation c ON c.agenda_item_id = a.id WHERE a.meeting_id = ?1' },
    { kind: 'demand', sql: 'SELECT d.id FROM agenda_item a JOIN demand d ON d.agenda_item_id = a.id WHERE a.meeting_id = ?1' },
  ],
  agendaItem: [
    { kind: 'paper', sql: 'SELECT paper_id FROM consultation WHERE agenda_item_id = ?1' },
    { kind: 'demand', sql: 'SELECT id FROM demand WHERE agenda_item_id = ?1' },
  ],
};

/** Kinds whose public visibility follows a record of this kind: lists of them change when it is hidden or shown. */
const dependents: Partial<Record<TagKind, TagKind[]>> = {
  paper: ['demand', 'followUp', 'file', 'consultation'],
  meeting: ['agendaItem', 'demand', 'followUp', 'file', 'consultation'],
  agendaItem: ['demand', 'followUp', 'file', 'consultation'],
  demand: ['followUp'],
};

/** An agenda item has no page of its own: whatever points to it is shown on its meeting's page. */
const AGENDA_ITEM_MEETING = 'SELECT meeting_id FROM agenda_item WHERE id = ?1';

async function idsOf(query: string, id: number): Promise<number[]> {
  const result = await getDb().$client.execute({ sql: query, args: [id] });
  return result.rows.map((row) => Number(row[0])).filter((n) => Number.isInteger(n));
}

/**
 * Tags a change touches: its record and kind, the kinds whose visibility follows it, the pages showing the record
 * (shownOn), what its last two versions point to (the old and new paper of a file), the meetings of agenda items among those, and `extra`.
 */
export async function tagsOfChange(change: ContentChange, extra: string[] = []): Promise<string[]> {
  const kind = kindOf(change.table);
  const versions = await getDb()
    .select({ snapshot: t.revision.snapshot })
    .from(t.revision)
    .where(and(eq(t.revision.tableName, change.table), eq(t.revision.rowId, change.id)))
    .orderBy(desc(t.revision.version))
    .limit(2);
  const tags = new Set([recordTag(kind, change.id), kind, ...(dependents[kind] ?? []), ...extra]);
  for (const version of versions) {
    if (version.snapshot && typeof version.snapshot === 'object') referencedTags(version.snapshot as Record<string, unknown>).forEach((tag) => tags.add(tag));
  }
  for (const shown of shownOn[kind] ?? []) recordTags(shown.kind, await idsOf(shown.sql, change.id)).forEach((tag) => tags.add(tag));
  for (const tag of [...tags]) {
    if (tag.startsWith('agendaItem:')) recordTags('meeting', await idsOf(AGENDA_ITEM_MEETING, Number(tag.slice('agendaItem:'.length)))).forEach((m) => tags.add(m));
  }
  return [...tags];
}
