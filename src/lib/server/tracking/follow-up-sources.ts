// Sources a follow-up may name: papers and agenda items of the demand's own body. Offered by the back-office form
// and checked on save, so a reply links the Mitteilungsvorlage or the minutes it comes from.
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import * as t from '@db/schema';
import { formatDate, berlinDay } from '@/lib/dates';
import { getDb } from '@/lib/server/db';
import type { Executor } from '@/lib/server/db';
import { referenceMessages } from '@/lib/validation/messages';

/** How many papers and agenda items the form offers: the first ones from the day the demand was raised on. */
const CHOICE_LIMIT = 500;

/** One option of a source selector. */
export interface SourceChoice {
  value: string;
  label: string;
}

async function demandOrigin(db: Executor, demandId: number): Promise<{ bodyId: number; raisedOn: string } | null> {
  const [onPaper] = await db.select({ bodyId: t.paper.bodyId, day: t.paper.date }).from(t.demand).innerJoin(t.paper, eq(t.paper.id, t.demand.paperId)).where(eq(t.demand.id, demandId));
  if (onPaper) return { bodyId: onPaper.bodyId, raisedOn: onPaper.day };
  const [inMeeting] = await db
    .select({ bodyId: t.meeting.bodyId, start: t.meeting.start })
    .from(t.demand)
    .innerJoin(t.agendaItem, eq(t.agendaItem.id, t.demand.agendaItemId))
    .innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
    .where(eq(t.demand.id, demandId));
  // A meeting start that cannot be read offers sources from any day.
  return inMeeting ? { bodyId: inMeeting.bodyId, raisedOn: berlinDay(inMeeting.start) ?? '0000-01-01' } : null;
}

/**
 * Papers and agenda items of the demand's body for the follow-up form: from the day the demand was raised on, oldest
 * first (a reply follows its demand), at most CHOICE_LIMIT each, plus the ones already chosen.
 */
export async function followUpSourceChoices(demandId: number, chosen: { paperIds: number[]; agendaItemIds: number[] }): Promise<{ papers: SourceChoice[]; agendaItems: SourceChoice[] }> {
  const db = getDb();
  const origin = await demandOrigin(db, demandId);
  if (!origin) return { papers: [], agendaItems: [] };
  const keepPapers = chosen.paperIds.length ? [inArray(t.paper.id, chosen.paperIds)] : [];
  const keepItems = chosen.agendaItemIds.length ? [inArray(t.agendaItem.id, chosen.agendaItemIds)] : [];
  const [papers, items] = await Promise.all([
    db.select({ id: t.paper.id, reference: t.paper.reference, name: t.paper.name, date: t.paper.date, publishedAt: t.paper.publishedAt })
      .from(t.paper)
      .where(and(eq(t.paper.bodyId, origin.bodyId), isNull(t.paper.deletedAt), or(gte(t.paper.date, origin.raisedOn), ...keepPapers)))
      .orderBy(asc(t.paper.date), asc(t.paper.id))
      .limit(CHOICE_LIMIT + chosen.paperIds.length),
    db.select({ id: t.agendaItem.id, number: t.agendaItem.number, name: t.agendaItem.name, public: t.agendaItem.public, meetingName: t.meeting.name, start: t.meeting.start })
      .from(t.agendaItem)
      .innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
      .where(and(eq(t.meeting.bodyId, origin.bodyId), isNull(t.agendaItem.deletedAt), isNull(t.meeting.deletedAt), or(gte(t.meeting.start, origin.raisedOn), ...keepItems)))
      .orderBy(asc(t.meeting.start), asc(t.agendaItem.order))
      .limit(CHOICE_LIMIT + chosen.agendaItemIds.length),
  ]);
  return {
    papers: papers.map((p) => ({
      value: String(p.id),
      label: `${p.reference ? `${p.reference} ` : ''}${p.name} (${formatDate(p.date)})${p.publishedAt ? '' : ' – Entwurf'}`,
    })),
    agendaItems: items.map((i) => ({
      value: String(i.id),
      label: `${i.meetingName}, ${formatDate(i.start)}, TOP ${i.number}: ${i.name}${i.public ? '' : ' – nichtöffentlich'}`,
    })),
  };
}

/** Checks that a follow-up's sources exist and belong to the demand's body; the error names the field and what to do. */
export async function checkFollowUpSources(
  tx: Executor, demandId: number, sources: { sourcePaperId?: number | null; sourceAgendaItemId?: number | null },
): Promise<{ ok: true } | { ok: false; field: 'sourcePaperId' | 'sourceAgendaItemId'; error: string }> {
  if (!sources.sourcePaperId && !sources.sourceAgendaItemId) return { ok: true };
  const origin = await demandOrigin(tx, demandId);
  if (sources.sourcePaperId) {
    const [paper] = await tx.select({ bodyId: t.paper.bodyId }).from(t.paper).where(and(eq(t.paper.id, sources.sourcePaperId), isNull(t.paper.deletedAt)));
    if (!paper || paper.bodyId !== origin?.bodyId) return { ok: false, field: 'sourcePaperId', error: referenceMessages.sourcePaperNotOffered };
  }
  if (sources.sourceAgendaItemId) {
    const [item] = await tx.select({ bodyId: t.meeting.bodyId }).from(t.agendaItem).innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
      .where(and(eq(t.agendaItem.id, sources.sourceAgendaItemId), isNull(t.agendaItem.deletedAt), isNull(t.meeting.deletedAt)));
    if (!item || item.bodyId !== origin?.bodyId) return { ok: false, field: 'sourceAgendaItemId', error: referenceMessages.sourceAgendaItemNotOffered };
  }
  return { ok: true };
}
