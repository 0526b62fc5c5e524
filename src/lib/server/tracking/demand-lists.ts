// Demand lists for paper, meeting and organization pages, derived from the tracker's rows.
import { berlinToday } from '@/lib/dates';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';
import { trackerIndex } from '@/lib/server/tracking/cache';

/** A demand as the pages list it. */
export type DemandSummary = TrackedDemand;

function groupBy(rows: TrackedDemand[], key: (d: TrackedDemand) => number | null): Map<number, DemandSummary[]> {
  const map = new Map<number, DemandSummary[]>();
  for (const d of [...rows].sort((a, b) => a.ordinal - b.ordinal)) {
    const k = key(d);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), d]);
  }
  return map;
}

/** Published demands of the given papers, keyed by paper id, in their order. */
export async function demandsOfPapers(paperIds: number[], today = berlinToday()): Promise<Map<number, DemandSummary[]>> {
  return groupBy(await loadTrackedDemands({ paperIds }, today), (d) => d.paperId);
}

/** Published demands raised in the given (public) agenda items, keyed by agenda item id. */
export async function demandsOfAgendaItems(agendaItemIds: number[], today = berlinToday()): Promise<Map<number, DemandSummary[]>> {
  return groupBy(await loadTrackedDemands({ agendaItemIds }, today), (d) => d.agendaItemId);
}

/** Demands an organization raised, treats or is responsible for, most urgent first. */
export async function demandsOfOrganization(slug: string, today = berlinToday()): Promise<{ raised: DemandSummary[]; responsible: DemandSummary[] }> {
  const index = await trackerIndex(today);
  const raised = index.select({ originator: slug }).rows;
  const own = new Set(raised);
  const treated = index.select({ organization: slug }).rows.filter((d) => !own.has(d));
  return { raised: [...raised, ...treated], responsible: [...index.select({ responsible: slug }).rows] };
}

export { summarizeDemands } from '@/lib/server/tracking/filter';
