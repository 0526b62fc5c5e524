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

interface Anchor {
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

/** The partitions to rebuild for a set of anchors: where they are indexed now and where their dates belong. */
export function partitionsFor(manifest: Manifest, dir: string, anchors: Anchor[]): Omit<Partition, 'dir'>[] {
  const wanted = new Map<string, Omit<Partition, 'dir'>>();
  const keys = new Set(anchors.map((a) => a.key));
  for (const p of manifest.partitions) {
    if (p.records && readKeys(dir, p.dir).some((k) => keys.has(k))) wanted.set(p.id, p);
  }
  for (const a of anchors) {
    if (!a.day) continue;
    const p = partitionForDay(manifest.partitions, a.day);
    wanted.set(p.id, p);
  }
  return [...wanted.values()];
}
