// The vendor extension `ratsfaden:demands` on Paper and AgendaItem: the demands (Forderungen) a paper or agenda item
// raises, their status and due date as the tracker derives them, and their follow-ups. Documented for clients on
// the portal page /oparl/erweiterung (src/pages/oparl/erweiterung.astro).
import { and, asc, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { demandStatusLabels, followUpKindLabels } from '@/lib/domain/labels';
import type { DemandStatus, FollowUpKind } from '@/lib/domain/vocabulary';
import { demandsOfAgendaItems, demandsOfPapers, type DemandSummary } from '@/lib/server/tracking/demand-lists';
import { publicFollowUp } from '@/lib/server/visibility';
import { compact, groupBy, type OparlObject } from './common';
import { webUrl } from './urls';

/** The prefix of our vendor properties (OParl: "Herstellerspezifische Erweiterungen"). */
export const VENDOR_PREFIX = 'ratsfaden';
/** The property carrying the demands. */
export const DEMANDS_PROPERTY = `${VENDOR_PREFIX}:demands`;

type FollowUpRow = { id: number; demandId: number; date: string; kind: string; textMd: string; statusAfter: string | null; nextDueDate: string | null };

/** One demand as the extension writes it. */
function demandObject(d: DemandSummary, text: string | undefined, followUps: FollowUpRow[]): OparlObject {
  return compact({
    web: webUrl(`/forderungen/${d.id}`),
    ordinal: d.ordinal,
    title: d.title,
    text,
    status: d.status,
    statusLabel: demandStatusLabels[d.status],
    dueDate: d.dueDate,
    overdue: d.overdue,
    responsibleOrganization: d.responsible ? { name: d.responsible.name, web: webUrl(`/gremien/${encodeURIComponent(d.responsible.slug)}`) } : undefined,
    followUps: followUps.map((f) => compact({
      date: f.date,
      kind: f.kind,
      kindLabel: followUpKindLabels[f.kind as FollowUpKind],
      text: f.textMd,
      statusAfter: f.statusAfter,
      statusAfterLabel: f.statusAfter ? demandStatusLabels[f.statusAfter as DemandStatus] : undefined,
      nextDueDate: f.nextDueDate,
    })),
  });
}

/** The demands of papers or agenda items (public ones only), keyed by paper or agenda item id. */
export async function demandsOf(parent: 'paper' | 'agendaItem', ids: number[]): Promise<Map<number, OparlObject[]>> {
  if (!ids.length) return new Map();
  const grouped = parent === 'paper' ? await demandsOfPapers(ids) : await demandsOfAgendaItems(ids);
  const demandIds = [...grouped.values()].flat().map((d) => d.id);
  if (!demandIds.length) return new Map();
  const db = getDb();
  const [texts, followUps] = await Promise.all([
    db.select({ id: t.demand.id, textMd: t.demand.textMd }).from(t.demand).where(inArray(t.demand.id, demandIds)),
    db.select({ id: t.followUp.id, demandId: t.followUp.demandId, date: t.followUp.date, kind: t.followUp.kind, textMd: t.followUp.textMd, statusAfter: t.followUp.statusAfter, nextDueDate: t.followUp.nextDueDate })
      .from(t.followUp).where(and(inArray(t.followUp.demandId, demandIds), publicFollowUp(t.followUp))).orderBy(asc(t.followUp.date), asc(t.followUp.ordinal), asc(t.followUp.id)),
  ]);
  const textOf = new Map(texts.map((row) => [row.id, row.textMd]));
  const followUpsOf = groupBy(followUps, (f) => f.demandId);
  return new Map([...grouped].map(([id, demands]) => [id, demands.map((d) => demandObject(d, textOf.get(d.id), followUpsOf.get(d.id) ?? []))]));
}
