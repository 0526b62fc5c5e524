// Which partitions a save touches. Every record hangs off a paper or a meeting and carries that one's
// date, so a change is traced to its anchor (paper or meeting): the partition that holds the anchor now
// (from the bundles' key lists) and the one its current date falls into are the ones to rebuild.
// A child's records carry its anchor's date (a paper's demands, a meeting's agenda items and their demands; files
// and follow-ups are part of their owner's record), so they live in the anchor's partition: when a paper, meeting or
// agenda item is unpublished, trashed or restored, rebuilding the anchor's partitions drops or brings back what its
// children contributed with it (test/http/public-visibility.test.ts).
import type { Client } from '@libsql/client';
import type { ContentChange } from '@/lib/server/changes/report';
import { partitionForDay, type Partition } from './partitions';
import { readKeys, type Manifest } from './store';

/** A record's paper or meeting: its key in the index and its date. */
export interface Anchor {
  key: string;
  day: string | null;
}

async function one(client: Client, sql: string, id: number): Promise<Record<string, unknown> | undefined> {
  return (await client.execute({ sql, args: [id] })).rows[0] as Record<string, unknown> | undefined;
}

async function paperAnchor(client: Client, id: number): Promise<Anchor[]> {
  const row = await one(client, 'SELECT date FROM paper WHERE id = ?', id);
  return [{ key: `paper:${id}`, day: row ? String(row.date) : null }];
}

async function meetingAnchor(client: Client, id: number): Promise<Anchor[]> {
  const row = await one(client, 'SELECT substr(start, 1, 10) AS day FROM meeting WHERE id = ?', id);
  return [{ key: `meeting:${id}`, day: row ? String(row.day) : null }];
}

async function agendaItemAnchors(client: Client, id: number): Promise<Anchor[]> {
  const row = await one(client, 'SELECT meeting_id FROM agenda_item WHERE id = ?', id);
  if (!row) return [];
  const meeting = await meetingAnchor(client, Number(row.meeting_id));
  return [...meeting, { key: `agenda_item:${id}`, day: meeting[0]?.day ?? null }];
}

async function demandAnchors(client: Client, id: number): Promise<Anchor[]> {
  const row = await one(client, 'SELECT paper_id, agenda_item_id FROM demand WHERE id = ?', id);
  if (!row) return [];
  const owner = row.paper_id !== null ? await paperAnchor(client, Number(row.paper_id)) : await agendaItemAnchors(client, Number(row.agenda_item_id));
  return [...owner, { key: `demand:${id}`, day: owner[0]?.day ?? null }];
}

/** The anchors of a change, or 'all' when it may touch records everywhere (names of bodies, organizations, people). */
export async function anchorsOf(client: Client, change: ContentChange): Promise<Anchor[] | 'all'> {
  switch (change.table) {
    case 'body':
    case 'organization':
    case 'person':
      return 'all';
    case 'membership':
    case 'legal_text':
      // Not in the search index.
      return [];
    case 'paper':
      return paperAnchor(client, change.id);
    case 'meeting':
      return meetingAnchor(client, change.id);
    case 'agenda_item':
      return agendaItemAnchors(client, change.id);
    case 'demand':
      return demandAnchors(client, change.id);
    case 'follow_up': {
      const row = await one(client, 'SELECT demand_id FROM follow_up WHERE id = ?', change.id);
      return row ? demandAnchors(client, Number(row.demand_id)) : [];
    }
    case 'consultation': {
      const row = await one(client, 'SELECT paper_id FROM consultation WHERE id = ?', change.id);
      return row ? paperAnchor(client, Number(row.paper_id)) : [];
    }
    case 'file': {
      const row = await one(client, 'SELECT paper_id, meeting_id, agenda_item_id FROM file WHERE id = ?', change.id);
      if (!row) return [];
      if (row.paper_id !== null) return paperAnchor(client, Number(row.paper_id));
      if (row.agenda_item_id !== null) return agendaItemAnchors(client, Number(row.agenda_item_id));
      return row.meeting_id !== null ? meetingAnchor(client, Number(row.meeting_id)) : [];
    }
  }
}

/** Where each record key is indexed now, from the bundles' key lists (read once per call). */
function indexedIn(manifest: Manifest, dir: string): Map<string, Omit<Partition, 'dir'>[]> {
  const where = new Map<string, Omit<Partition, 'dir'>[]>();
  for (const p of manifest.partitions) {
    if (!p.records) continue;
    for (const key of readKeys(dir, p.dir)) where.set(key, [...(where.get(key) ?? []), p]);
  }
  return where;
}

/** The partitions of anchors: where they are indexed now and where their dates belong. */
function partitionsOfAnchors(manifest: Manifest, where: Map<string, Omit<Partition, 'dir'>[]>, anchors: Anchor[]): Omit<Partition, 'dir'>[] {
  const found: Omit<Partition, 'dir'>[] = [];
  for (const a of anchors) {
    found.push(...(where.get(a.key) ?? []));
    if (a.day) found.push(partitionForDay(manifest.partitions, a.day));
  }
  return found;
}

/** The partitions to rebuild for a set of anchors: where they are indexed now and where their dates belong. */
export function partitionsFor(manifest: Manifest, dir: string, anchors: Anchor[]): Omit<Partition, 'dir'>[] {
  const wanted = new Map<string, Omit<Partition, 'dir'>>();
  for (const p of partitionsOfAnchors(manifest, indexedIn(manifest, dir), anchors)) wanted.set(p.id, p);
  return [...wanted.values()];
}

/** A partition a set of logged changes touched, and the newest of those changes (its bundle must be built after it). */
export interface PartitionNeed {
  plan: Omit<Partition, 'dir'>;
  need: number;
}

/** For anchors of logged changes (each with its change id): every partition they touch and the newest change touching it. */
export function partitionNeeds(manifest: Manifest, dir: string, touched: { anchors: Anchor[]; changeId: number }[]): PartitionNeed[] {
  const where = indexedIn(manifest, dir);
  const needs = new Map<string, PartitionNeed>();
  for (const { anchors, changeId } of touched) {
    for (const plan of partitionsOfAnchors(manifest, where, anchors)) {
      const known = needs.get(plan.id);
      needs.set(plan.id, { plan: known?.plan ?? plan, need: Math.max(known?.need ?? 0, changeId) });
    }
  }
  return [...needs.values()];
}
