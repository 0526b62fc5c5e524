// Back-office demands and follow-ups. A follow-up changes a demand's status only through checkTransition, and a
// demand's status is always what its newest live follow-up stating a status says (else where the demand started):
// trashing, restoring or re-dating a follow-up recomputes it (syncDemandStatus).
import { and, asc, desc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb, type Executor } from '@/lib/server/db';
import { renderMarkdown } from '@/lib/markdown';
import { checkTransition, initialStatus } from '@/lib/domain/status-graph';
import { insertVersioned, refuse, unchangedSince, updateVersioned, writeTransaction, type Conflict, type UpdateResult } from '@/lib/server/history/versioned-writes';
import type { DemandInput, FollowUpEditInput, FollowUpInput } from '@/lib/validation/forms';
import { checkFollowUpSources } from '@/lib/server/tracking/follow-up-sources';
import { referenceMessages, trackingMessages } from '@/lib/validation/messages';
import type { InvalidReference } from '@/lib/server/references';
import { checkDemandReferences, checkNextDueDate, demandParent } from './references';

type DemandRow = typeof t.demand.$inferSelect;
type FollowUpRow = typeof t.followUp.$inferSelect;

/** A demand with its paper and follow-ups, for the editor; null when absent. */
export async function getDemandForEditing(id: number) {
  const db = getDb();
  const [demand] = await db.select().from(t.demand).where(eq(t.demand.id, id));
  if (!demand) return null;
  const [paper] = demand.paperId ? await db.select({ id: t.paper.id, name: t.paper.name, bodyId: t.paper.bodyId, publishedAt: t.paper.publishedAt }).from(t.paper).where(eq(t.paper.id, demand.paperId)) : [];
  const [agendaItem] = demand.agendaItemId
    ? await db.select({ id: t.agendaItem.id, number: t.agendaItem.number, name: t.agendaItem.name, meetingName: t.meeting.name }).from(t.agendaItem).innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId)).where(eq(t.agendaItem.id, demand.agendaItemId))
    : [];
  const followUps = await db
    .select({ followUp: t.followUp, authorName: t.user.name })
    .from(t.followUp)
    .leftJoin(t.user, eq(t.user.id, t.followUp.authorId))
    .where(and(eq(t.followUp.demandId, id), isNull(t.followUp.deletedAt)))
    .orderBy(desc(t.followUp.date), desc(t.followUp.ordinal));
  return { demand, paper: paper ?? null, agendaItem: agendaItem ?? null, followUps };
}

/** Outcome of saving a demand; `merged` when changes saved to other fields in between were kept. */
export type SaveDemandResult =
  | { ok: true; id: number; bodyId: number | null; merged: boolean }
  | { ok: false; reason: 'conflict'; current: DemandRow; conflict: Conflict }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; field: string; error: string };

/**
 * Creates a demand of a paper (next ordinal; published if the paper is) or updates one with optimistic locking,
 * merged field by field with changes saved in between.
 */
export async function saveDemand(input: DemandInput, userId: number, confirmedVersion: number | null = null): Promise<SaveDemandResult> {
  const values = {
    title: input.title,
    textMd: input.textMd ?? '',
    textHtml: renderMarkdown(input.textMd),
    sourceQuote: input.sourceQuote,
    responsibleOrganizationId: input.responsibleOrganizationId,
    dueDate: input.dueDate,
  };
  return writeTransaction(async (tx) => {
    if (!input.id) {
      if (!input.paperId && !input.agendaItemId) return { ok: false as const, reason: 'invalid' as const, field: 'paperId', error: referenceMessages.demandParent };
      // A demand belongs to a paper or, if raised in a meeting, to an agenda item; it is published if its parent is.
      const parent = input.paperId
        ? (await tx.select({ id: t.paper.id, bodyId: t.paper.bodyId, publishedAt: t.paper.publishedAt }).from(t.paper).where(and(eq(t.paper.id, input.paperId), isNull(t.paper.deletedAt))))[0]
        : (await tx.select({ id: t.agendaItem.id, bodyId: t.meeting.bodyId, publishedAt: t.agendaItem.publishedAt }).from(t.agendaItem).innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId)).where(and(eq(t.agendaItem.id, input.agendaItemId!), isNull(t.agendaItem.deletedAt))))[0];
      if (!parent) return { ok: false as const, reason: 'not-found' as const };
      const context = await demandParent(tx, input.paperId ? { paperId: parent.id, agendaItemId: null } : { paperId: null, agendaItemId: parent.id });
      const refused = context && (await checkDemandReferences(tx, input, context));
      if (refused) return refused;
      const owner = input.paperId ? { paperId: parent.id } : { agendaItemId: parent.id };
      const ownerColumn = input.paperId ? t.demand.paperId : t.demand.agendaItemId;
      const [last] = await tx.select({ n: max(t.demand.ordinal) }).from(t.demand).where(eq(ownerColumn, parent.id));
      // A demand raised in a meeting starts "in Beratung", not at the column's default "eingereicht".
      const status = initialStatus(input.paperId ? 'paper' : 'agendaItem');
      const row = await insertVersioned<DemandRow>(tx, t.demand, { ...values, ...owner, status, ordinal: (last?.n ?? 0) + 1, publishedAt: parent.publishedAt ? new Date().toISOString() : null }, userId);
      return { ok: true as const, id: row.id, bodyId: parent.bodyId, merged: false };
    }
    const [current] = await tx.select({ paperId: t.demand.paperId, agendaItemId: t.demand.agendaItemId, dueDate: t.demand.dueDate }).from(t.demand).where(eq(t.demand.id, input.id));
    if (!current) return { ok: false as const, reason: 'not-found' as const };
    const context = await demandParent(tx, current);
    const refused = context && (await checkDemandReferences(tx, input, context, current.dueDate));
    if (refused) return refused;
    const result: UpdateResult<DemandRow> = await updateVersioned<DemandRow>(tx, t.demand, input.id, input.version, values, userId, { merge: true, confirmedVersion });
    if (!result.ok) return result;
    return { ok: true as const, id: result.row.id, bodyId: null, merged: result.merged };
  });
}

/** Outcome of adding a follow-up. */
export type AddFollowUpResult =
  | { ok: true; id: number; demandId: number; statusChanged: boolean }
  | { ok: false; reason: 'conflict'; current: DemandRow; conflict: Conflict }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; field: string; error: string };

/**
 * Adds a follow-up to a demand. If it states a new status, the transition is checked against the status graph
 * and the demand is updated in the same transaction. `demandVersion` is the version the clerk saw: what it
 * protects is the status they chose the next one from. Someone else's edit of the demand's title or text is no
 * conflict; a status changed in between is, unless it is the one this follow-up states.
 */
export async function addFollowUp(input: FollowUpInput, userId: number): Promise<AddFollowUpResult> {
  return writeTransaction(async (tx) => {
    const [demand] = await tx.select().from(t.demand).where(and(eq(t.demand.id, input.demandId), isNull(t.demand.deletedAt)));
    if (!demand) return { ok: false as const, reason: 'not-found' as const };
    if (input.statusAfter !== null) {
      const seen = await unchangedSince<DemandRow>(tx, t.demand, demand.id, input.demandVersion, { status: input.statusAfter });
      if (!seen.ok && seen.reason === 'conflict') {
        // The form's field is the status after this follow-up; the comparison names it so.
        return { ...seen, conflict: { ...seen.conflict, fields: seen.conflict.fields.map((f) => ({ ...f, name: 'statusAfter' })) } };
      }
    }
    const refused = checkNextDueDate(input);
    if (refused) return refused;
    const statusChanged = input.statusAfter !== null && input.statusAfter !== demand.status;
    if (input.statusAfter && statusChanged) {
      const check = checkTransition(demand.status, input.statusAfter);
      if (!check.ok) return { ok: false as const, reason: 'invalid' as const, field: 'statusAfter', error: check.error };
      // The newest statement decides the status: a status change cannot be dated before the last one.
      const latest = await latestStatusFollowUp(tx, demand.id);
      if (latest && input.date < latest.date) {
        return { ok: false as const, reason: 'invalid' as const, field: 'date', error: trackingMessages.statusBeforeLast(latest.date) };
      }
    }
    const sources = await checkFollowUpSources(tx, demand.id, input);
    if (!sources.ok) return { ok: false as const, reason: 'invalid' as const, field: sources.field, error: sources.error };
    const [last] = await tx.select({ n: max(t.followUp.ordinal) }).from(t.followUp).where(and(eq(t.followUp.demandId, demand.id), eq(t.followUp.date, input.date)));
    const row = await insertVersioned<FollowUpRow>(
      tx,
      t.followUp,
      {
        demandId: demand.id,
        date: input.date,
        kind: input.kind,
        textMd: input.textMd ?? '',
        textHtml: renderMarkdown(input.textMd),
        statusAfter: input.statusAfter,
        nextDueDate: input.nextDueDate,
        sourcePaperId: input.sourcePaperId,
        sourceAgendaItemId: input.sourceAgendaItemId,
        authorId: userId,
        ordinal: (last?.n ?? -1) + 1,
        publishedAt: input.publish ? new Date().toISOString() : null,
      },
      userId,
    );
    if (statusChanged) {
      // Read in this transaction, so the version is the stored one; should it not be, nothing of this is saved.
      const result = await updateVersioned<DemandRow>(tx, t.demand, demand.id, demand.version, { status: input.statusAfter }, userId);
      if (!result.ok) refuse(result);
    }
    return { ok: true as const, id: row.id, demandId: demand.id, statusChanged };
  });
}

/** The newest live follow-up of a demand that states a status (latest date, then latest entry of that day). */
async function latestStatusFollowUp(tx: Executor, demandId: number): Promise<{ date: string; statusAfter: FollowUpRow['statusAfter'] } | undefined> {
  const [latest] = await tx
    .select({ date: t.followUp.date, statusAfter: t.followUp.statusAfter })
    .from(t.followUp)
    .where(and(eq(t.followUp.demandId, demandId), isNull(t.followUp.deletedAt), isNotNull(t.followUp.statusAfter)))
    .orderBy(desc(t.followUp.date), desc(t.followUp.ordinal), desc(t.followUp.id))
    .limit(1);
  return latest;
}

/**
 * Sets a demand's status to what its live follow-ups say: the newest one stating a status, else the status the
 * demand started with. Called after a follow-up is trashed, taken out of the trash or re-dated, in the same
 * transaction; returns whether the status changed.
 */
export async function syncDemandStatus(tx: Executor, demandId: number, userId: number): Promise<boolean> {
  const [demand] = await tx.select().from(t.demand).where(eq(t.demand.id, demandId));
  if (!demand) return false;
  const latest = await latestStatusFollowUp(tx, demandId);
  const status = latest?.statusAfter ?? initialStatus(demand.paperId !== null ? 'paper' : 'agendaItem');
  if (status === demand.status) return false;
  const result = await updateVersioned<DemandRow>(tx, t.demand, demand.id, demand.version, { status }, userId);
  return result.ok;
}

/** Demands raised in an agenda item, in order (for the minutes editor). */
export function demandsOfAgendaItem(agendaItemId: number) {
  return getDb().select().from(t.demand).where(and(eq(t.demand.agendaItemId, agendaItemId), isNull(t.demand.deletedAt))).orderBy(asc(t.demand.ordinal));
}

/**
 * Corrects a follow-up (optimistic locking, merged field by field with changes saved in between); publishing
 * state follows the checkbox, a newly chosen source is checked like one of a new follow-up. A new date may make another follow-up the newest statement, so the demand's status
 * is recomputed; `statusChanged` tells the caller.
 */
export async function editFollowUp(input: FollowUpEditInput, userId: number, confirmedVersion: number | null = null): Promise<{ ok: true; row: FollowUpRow; statusChanged: boolean; merged: boolean } | Exclude<UpdateResult<FollowUpRow>, { ok: true }> | InvalidReference> {
  return writeTransaction(async (tx) => {
    const [current] = await tx
      .select({ demandId: t.followUp.demandId, publishedAt: t.followUp.publishedAt, date: t.followUp.date, nextDueDate: t.followUp.nextDueDate, sourcePaperId: t.followUp.sourcePaperId, sourceAgendaItemId: t.followUp.sourceAgendaItemId })
      .from(t.followUp)
      .where(eq(t.followUp.id, input.id));
    if (!current) return { ok: false as const, reason: 'not-found' as const };
    const refused = checkNextDueDate(input, current);
    if (refused) return refused;
    // A newly chosen source must be offered; the stored one stays acceptable even if it went to the trash since.
    const sources = await checkFollowUpSources(tx, current.demandId, {
      sourcePaperId: input.sourcePaperId !== current.sourcePaperId ? input.sourcePaperId : null,
      sourceAgendaItemId: input.sourceAgendaItemId !== current.sourceAgendaItemId ? input.sourceAgendaItemId : null,
    });
    if (!sources.ok) return { ok: false as const, reason: 'invalid' as const, field: sources.field, error: sources.error };
    const publishedAt = input.publish ? (current.publishedAt ?? new Date().toISOString()) : null;
    const values = {
      date: input.date, kind: input.kind, textMd: input.textMd ?? '', textHtml: renderMarkdown(input.textMd), nextDueDate: input.nextDueDate,
      sourcePaperId: input.sourcePaperId, sourceAgendaItemId: input.sourceAgendaItemId,
    };
    const result = await updateVersioned<FollowUpRow>(tx, t.followUp, input.id, input.version, values, userId, { action: input.publish && !current.publishedAt ? 'publish' : 'update', merge: true, always: { publishedAt }, confirmedVersion });
    if (!result.ok) return result;
    return { ok: true as const, row: result.row, merged: result.merged, statusChanged: await syncDemandStatus(tx, result.row.demandId, userId) };
  });
}
