// Demand lists for paper, meeting and organization pages, derived from the tracker's rows.
import { berlinToday } from '@/lib/dates';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';
import { loadedTrackerIndex, trackerIndex } from '@/lib/server/tracking/cache';

/** A demand as the pages list it. */
export type DemandSummary = TrackedDemand;

function groupBy(rows: readonly TrackedDemand[], key: (d: TrackedDemand) => number | null): Map<number, DemandSummary[]> {
  const map = new Map<number, DemandSummary[]>();
  for (const d of [...rows].sort((a, b) => a.ordinal - b.ordinal)) {
    const k = key(d);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), d]);
  }
  return map;
}

/** Published demands of the given papers, keyed by paper id, in their order; from the tracker's list when loaded. */
export async function demandsOfPapers(paperIds: number[], today = berlinToday()): Promise<Map<number, DemandSummary[]>> {
  const index = await loadedTrackerIndex(today);
  const rows = index ? paperIds.flatMap((id) => index.byPaper.get(id) ?? []).sort((a, b) => a.id - b.id) : await loadTrackedDemands({ paperIds }, today);
  return groupBy(rows, (d) => d.paperId);
}

/** Published demands raised in the given (public) agenda items, keyed by agenda item id; from the tracker's list when loaded. */
export async function demandsOfAgendaItems(agendaItemIds: number[], today = berlinToday()): Promise<Map<number, DemandSummary[]>> {
  const index = await loadedTrackerIndex(today);
  const rows = index ? agendaItemIds.flatMap((id) => index.byAgendaItem.get(id) ?? []).sort((a, b) => a.id - b.id) : await loadTrackedDemands({ agendaItemIds }, today);
  return groupBy(rows, (d) => d.agendaItemId);
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
