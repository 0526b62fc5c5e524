// One demand with its timeline of follow-ups, their sources and the status history they make up.
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import type { DemandStatus, FollowUpKind } from '@/lib/domain/vocabulary';
import { berlinToday, isCalendarDay } from '@/lib/dates';
import { initialStatus } from '@/lib/domain/status-graph';
import { getDb } from '@/lib/server/db';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';
import { loadedTrackerIndex } from '@/lib/server/tracking/cache';
import { publicAgendaItem, publicFollowUp, publicPaper } from '@/lib/server/visibility';

/** A follow-up on the demand page, with its source when that source is public. */
export interface TimelineEntry {
  id: number;
  date: string;
  kind: FollowUpKind;
  textHtml: string;
  statusAfter: DemandStatus | null;
  nextDueDate: string | null;
  sourceQuote: string | null;
  sourcePaper: { slug: string; name: string; reference: string | null } | null;
  sourceAgendaItem: { meetingSlug: string; meetingName: string; meetingStart: string; number: string; name: string } | null;
}

/** One step of the status history: the status a demand had from `date` on, and what set it. */
export interface StatusStep {
  date: string;
  status: DemandStatus;
  /** 'manual': the status was set in the back office without a follow-up. */
  cause: 'raised' | 'manual' | FollowUpKind;
}

/** A demand's page: the demand, its follow-ups, its status history, and whether it is raised in a meeting still ahead. */
export interface DemandDetail {
  demand: TrackedDemand;
  timeline: TimelineEntry[];
  history: StatusStep[];
  /** True when the day it is raised (the paper's date or the meeting's day) lies after `today` (Berlin). */
  upcoming: boolean;
}

/** The public demand with this id and its timeline; null if there is none or it is not public. */
export async function getDemand(id: number, today = berlinToday()): Promise<DemandDetail | null> {
  const index = await loadedTrackerIndex(today);
  const [demand] = index ? [index.byId.get(id)].filter((d) => d !== undefined) : await loadTrackedDemands({ demandIds: [id] }, today);
  if (!demand) return null;
  const sourceMeeting = alias(t.meeting, 'source_meeting');
  const rows = await getDb()
    .select({
      followUp: t.followUp,
      paper: { slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, visible: sql<number>`${publicPaper(t.paper)}` },
      // A non-public agenda item is never named as a source, not even by its title.
      item: { number: t.agendaItem.number, name: t.agendaItem.name, visible: sql<number>`${publicAgendaItem(t.agendaItem)}` },
      meeting: { slug: sourceMeeting.slug, name: sourceMeeting.name, start: sourceMeeting.start },
    })
    .from(t.followUp)
    .leftJoin(t.paper, eq(t.paper.id, t.followUp.sourcePaperId))
    .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.followUp.sourceAgendaItemId))
    .leftJoin(sourceMeeting, eq(sourceMeeting.id, t.agendaItem.meetingId))
    .where(and(eq(t.followUp.demandId, id), publicFollowUp(t.followUp)))
    .orderBy(asc(t.followUp.date), asc(t.followUp.ordinal));
  const timeline = rows.map(({ followUp: f, paper, item, meeting }): TimelineEntry => ({
    id: f.id, date: f.date, kind: f.kind, textHtml: f.textHtml, statusAfter: f.statusAfter, nextDueDate: f.nextDueDate, sourceQuote: f.sourceQuote,
    sourcePaper: paper?.visible ? { slug: paper.slug, name: paper.name, reference: paper.reference } : null,
    sourceAgendaItem: item?.visible && meeting
      ? { meetingSlug: meeting.slug, meetingName: meeting.name, meetingStart: meeting.start, number: item.number, name: item.name }
      : null,
  }));
  // The history starts with the demand's real start status: a demand of a paper is submitted, one raised in a meeting
  // is under discussion from the start (initialStatus); it never steps back to "Eingereicht".
  const history: StatusStep[] = [{ date: demand.raisedOn, status: initialStatus(demand.source.kind === 'paper' ? 'paper' : 'agendaItem'), cause: 'raised' }];
  for (const entry of timeline) {
    if (entry.statusAfter && entry.statusAfter !== history.at(-1)!.status) history.push({ date: entry.date, status: entry.statusAfter, cause: entry.kind });
  }
  if (history.at(-1)!.status !== demand.status) history.push({ date: demand.lastFollowUpDate ?? demand.raisedOn, status: demand.status, cause: 'manual' });
  // A day that cannot be read is not known to lie ahead.
  return { demand, timeline, history, upcoming: isCalendarDay(demand.raisedOn) && demand.raisedOn > today };
}
