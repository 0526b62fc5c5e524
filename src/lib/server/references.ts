// Checks of posted ids of related records before a save writes them: the record must exist, not lie in the trash,
// and belong to the same body as the record being saved. Each check returns the field's German message as an
// `invalid` result (the actions show it next to the field), or null when the reference is fine.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import * as t from '@db/schema';
import { berlinDay } from '@/lib/dates';
import type { Executor } from '@/lib/server/db';
import { bodyMoveMessages, referenceMessages } from '@/lib/validation/messages';

/** A refused reference: the field to mark and the German message for it. */
export interface InvalidReference {
  ok: false;
  reason: 'invalid';
  field: string;
  error: string;
}

/** The `invalid` result for `field`. */
export function invalid(field: string, error: string): InvalidReference {
  return { ok: false, reason: 'invalid', field, error };
}

/** A body the saved record belongs to, with its name for messages. */
export interface BodyRef {
  id: number;
  name: string;
}

/** A live body, or null. */
export async function liveBody(tx: Executor, id: number): Promise<BodyRef | null> {
  const [row] = await tx.select({ id: t.body.id, name: t.body.name }).from(t.body).where(and(eq(t.body.id, id), isNull(t.body.deletedAt)));
  return row ?? null;
}

/** A live paper with its body and date, or null. */
export async function livePaper(tx: Executor, id: number) {
  const [row] = await tx
    .select({ id: t.paper.id, name: t.paper.name, date: t.paper.date, body: { id: t.body.id, name: t.body.name } })
    .from(t.paper)
    .innerJoin(t.body, eq(t.body.id, t.paper.bodyId))
    .where(and(eq(t.paper.id, id), isNull(t.paper.deletedAt)));
  return row ?? null;
}

/** A live meeting with its body and Berlin day, or null. */
export async function liveMeeting(tx: Executor, id: number) {
  const [row] = await tx
    .select({ id: t.meeting.id, name: t.meeting.name, start: t.meeting.start, body: { id: t.body.id, name: t.body.name } })
    .from(t.meeting)
    .innerJoin(t.body, eq(t.body.id, t.meeting.bodyId))
    .where(and(eq(t.meeting.id, id), isNull(t.meeting.deletedAt)));
  return row ? { ...row, day: safeDay(row.start) } : null;
}

/** A live agenda item with its (live) meeting's id, day and body, or null. */
export async function liveAgendaItem(tx: Executor, id: number) {
  const [row] = await tx
    .select({ id: t.agendaItem.id, meetingId: t.agendaItem.meetingId, start: t.meeting.start, body: { id: t.body.id, name: t.body.name } })
    .from(t.agendaItem)
    .innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
    .innerJoin(t.body, eq(t.body.id, t.meeting.bodyId))
    .where(and(eq(t.agendaItem.id, id), isNull(t.agendaItem.deletedAt), isNull(t.meeting.deletedAt)));
  return row ? { ...row, day: safeDay(row.start) } : null;
}

/** The Berlin day of a stored instant, or null when the stored value is not a date (old bad data). */
function safeDay(value: string): string | null {
  try {
    return berlinDay(value);
  } catch {
    return null;
  }
}

type Owned = typeof t.organization | typeof t.person;

/** Checks ids of organizations or people: each must be live and belong to `body`. */
async function checkOwned(tx: Executor, table: Owned, field: string, ids: readonly number[], body: BodyRef): Promise<InvalidReference | null> {
  const unique = [...new Set(ids)];
  if (!unique.length) return null;
  const rows = await tx.select({ id: table.id, name: table.name, bodyId: table.bodyId }).from(table).where(and(inArray(table.id, unique), isNull(table.deletedAt)));
  if (rows.length < unique.length) return invalid(field, unique.length > 1 ? referenceMessages.missingOneOf : referenceMessages.missing);
  const foreign = rows.find((r) => r.bodyId !== body.id);
  return foreign ? invalid(field, referenceMessages.otherBody(foreign.name, body.name)) : null;
}

/** An organization (or several) of `body`: live, same body. */
export function checkOrganizations(tx: Executor, field: string, ids: readonly (number | null)[], body: BodyRef): Promise<InvalidReference | null> {
  return checkOwned(tx, t.organization, field, ids.filter((id): id is number => id !== null), body);
}

/** A person (or several) of `body`: live, same body. */
export function checkPersons(tx: Executor, field: string, ids: readonly (number | null)[], body: BodyRef): Promise<InvalidReference | null> {
  return checkOwned(tx, t.person, field, ids.filter((id): id is number => id !== null), body);
}

/** The first problem of several checks run in order, or null. */
export async function firstProblem(...checks: (() => Promise<InvalidReference | null> | InvalidReference | null)[]): Promise<InvalidReference | null> {
  for (const check of checks) {
    const problem = await check();
    if (problem) return problem;
  }
  return null;
}

/** A record whose body a save would change: its stored body (with name) and the body it is moved to. */
export interface BodyMove {
  from: BodyRef;
  to: number;
}

/** The body move a save makes (`table` row `id` stored with another body than `bodyId`), or null: a new record, or the body stays. */
export async function bodyMove(tx: Executor, table: typeof t.paper | typeof t.meeting | typeof t.organization | typeof t.person, id: number | null, bodyId: number): Promise<BodyMove | null> {
  if (id === null) return null;
  const [row] = await tx.select({ id: t.body.id, name: t.body.name }).from(table).innerJoin(t.body, eq(t.body.id, table.bodyId)).where(eq(table.id, id));
  return row && row.id !== bodyId ? { from: row, to: bodyId } : null;
}

/** The number of rows a set-based count query found (`select({ n: count() })`). */
export async function counted(query: PromiseLike<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

/**
 * The refusal of a body move while references to the old body remain: the German message next to the body field
 * names each kind (count and phrase) that is not zero; null when none is.
 */
export function bodyMoveRefusal(record: 'paper' | 'meeting' | 'organization' | 'person', move: BodyMove, parts: readonly (readonly [number, (n: number) => string])[]): InvalidReference | null {
  const named = parts.filter(([n]) => n > 0).map(([n, phrase]) => phrase(n));
  return named.length ? invalid('bodyId', bodyMoveMessages.refused(record, named, move.from.name)) : null;
}
