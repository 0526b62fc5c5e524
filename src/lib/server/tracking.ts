// Demand summaries for paper, meeting and organization pages.
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as t from '../../../db/schema/index';
import type { DemandStatus } from '../../../db/schema/tracking';
import { berlinDay } from '../dates';
import { isSettled } from '../status';
import { getDb } from './db';
import { isPublic } from './visibility';

/** A demand as lists show it: status, who is responsible, what is due when. */
export interface DemandSummary {
  id: number;
  ordinal: number;
  title: string;
  textHtml: string;
  status: DemandStatus;
  responsible: { slug: string; name: string } | null;
  /** The date the demand is due: the newest follow-up's next due date, else the demand's own. */
  dueDate: string | null;
  overdue: boolean;
  followUpCount: number;
  lastFollowUpDate: string | null;
}

type Owner = 'paperId' | 'agendaItemId';

async function demandsBy(owner: Owner, ids: number[], today: string): Promise<Map<number, DemandSummary[]>> {
  const result = new Map<number, DemandSummary[]>();
  if (!ids.length) return result;
  const db = getDb();
  const rows = await db
    .select({ demand: t.demand, responsible: { slug: t.organization.slug, name: t.organization.name } })
    .from(t.demand)
    .leftJoin(t.organization, and(eq(t.organization.id, t.demand.responsibleOrganizationId), isPublic(t.organization)))
    .where(and(inArray(t.demand[owner], ids), isPublic(t.demand)))
    .orderBy(asc(t.demand.ordinal));
  const followUps = rows.length
    ? await db
        .select({ demandId: t.followUp.demandId, date: t.followUp.date, nextDueDate: t.followUp.nextDueDate })
        .from(t.followUp)
        .where(and(inArray(t.followUp.demandId, rows.map((r) => r.demand.id)), isPublic(t.followUp)))
        .orderBy(asc(t.followUp.date), asc(t.followUp.ordinal))
    : [];
  for (const { demand, responsible } of rows) {
    const own = followUps.filter((f) => f.demandId === demand.id);
    const dueDate = own.reduce<string | null>((due, f) => f.nextDueDate ?? due, demand.dueDate);
    const summary: DemandSummary = {
      id: demand.id,
      ordinal: demand.ordinal,
      title: demand.title,
      textHtml: demand.textHtml,
      status: demand.status,
      responsible: responsible?.slug ? responsible : null,
      dueDate,
      overdue: !isSettled(demand.status) && dueDate !== null && dueDate < today,
      followUpCount: own.length,
      lastFollowUpDate: own.at(-1)?.date ?? null,
    };
    const key = demand[owner]!;
    result.set(key, [...(result.get(key) ?? []), summary]);
  }
  return result;
}

/** Published demands of the given papers, keyed by paper id. */
export function demandsOfPapers(paperIds: number[], today = berlinDay(new Date())): Promise<Map<number, DemandSummary[]>> {
  return demandsBy('paperId', paperIds, today);
}

/** Published demands raised in the given (public) agenda items, keyed by agenda item id. */
export function demandsOfAgendaItems(agendaItemIds: number[], today = berlinDay(new Date())): Promise<Map<number, DemandSummary[]>> {
  return demandsBy('agendaItemId', agendaItemIds, today);
}

/** "2 von 5 Forderungen erledigt, 1 überfällig" – derived from the demands, never stored. */
export function summarizeDemands(demands: DemandSummary[]): string {
  if (!demands.length) return '';
  const settled = demands.filter((d) => isSettled(d.status)).length;
  const overdue = demands.filter((d) => d.overdue).length;
  const noun = demands.length === 1 ? 'Forderung' : 'Forderungen';
  return `${settled} von ${demands.length} ${noun} abgeschlossen${overdue ? `, ${overdue} überfällig` : ''}`;
}
