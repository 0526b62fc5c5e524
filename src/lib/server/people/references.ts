// What master data and memberships may refer to: a live body; a parent organization, an organization and an
// "on behalf of" group of the same body as the organization or person being saved.
import { and, count, eq, exists, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import type { Executor } from '@/lib/server/db';
import { bodyMove, bodyMoveRefusal, checkOrganizations, counted, firstProblem, invalid, liveBody, type BodyMove, type BodyRef, type InvalidReference } from '@/lib/server/references';
import type { MembershipInput } from '@/lib/validation/forms';
import { bodyMoveMessages, dateMessages, referenceMessages } from '@/lib/validation/messages';

/** The body of an organization or person (for bodies themselves: nothing to check) and, for organizations, the parent and dates. */
export async function checkMasterReferences(tx: Executor, tableName: 'body' | 'organization' | 'person', input: Record<string, unknown> & { id: number | null }): Promise<InvalidReference | null> {
  if (tableName === 'body') return null;
  const body = await liveBody(tx, Number(input.bodyId));
  if (!body) return invalid('bodyId', referenceMessages.missing);
  if (tableName !== 'organization') return null;
  const start = input.startDate as string | null;
  const end = input.endDate as string | null;
  if (start && end && end < start) return invalid('endDate', dateMessages.endBeforeStart);
  return checkParent(tx, input.id, (input.parentId as number | null) ?? null, body);
}

/** A parent organization: not the organization itself, of the same body, and not one of its own descendants. */
async function checkParent(tx: Executor, id: number | null, parentId: number | null, body: BodyRef): Promise<InvalidReference | null> {
  if (parentId === null) return null;
  if (parentId === id) return invalid('parentId', referenceMessages.parentIsSelf);
  const problem = await checkOrganizations(tx, 'parentId', [parentId], body);
  if (problem || id === null) return problem;
  // Walk up from the chosen parent; meeting the organization itself would close a circle.
  const seen = new Set<number>();
  let current: number | null = parentId;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const [row]: { parentId: number | null }[] = await tx.select({ parentId: t.organization.parentId }).from(t.organization).where(eq(t.organization.id, current));
    if (row?.parentId === id) {
      const [parent] = await tx.select({ name: t.organization.name }).from(t.organization).where(eq(t.organization.id, parentId));
      return invalid('parentId', referenceMessages.parentCycle(parent?.name ?? ''));
    }
    current = row?.parentId ?? null;
  }
  return null;
}

/**
 * A membership's organization and "on behalf of" group: live and of the person's body. On an update, ids that did
 * not change are not checked again (the form sends the organization as a hidden field).
 */
export async function checkMembershipReferences(tx: Executor, input: MembershipInput, personId: number, stored: { organizationId: number; onBehalfOfId: number | null } | null = null): Promise<InvalidReference | null> {
  const [person] = await tx.select({ body: { id: t.body.id, name: t.body.name } }).from(t.person).innerJoin(t.body, eq(t.body.id, t.person.bodyId)).where(eq(t.person.id, personId));
  if (!person) return invalid('organizationId', referenceMessages.missing);
  return firstProblem(
    () => (stored?.organizationId === input.organizationId ? null : checkOrganizations(tx, 'organizationId', [input.organizationId], person.body)),
    () => (stored?.onBehalfOfId === input.onBehalfOfId ? null : checkOrganizations(tx, 'onBehalfOfId', [input.onBehalfOfId], person.body)),
  );
}

/**
 * An organization or person moved to another body while records of another body still point to it: refused with
 * the counts per kind, checked in the save's transaction before anything is written. Bodies themselves never move.
 */
export async function checkMasterMove(tx: Executor, tableName: 'body' | 'organization' | 'person', input: Record<string, unknown> & { id: number | null }): Promise<InvalidReference | null> {
  if (tableName === 'body' || input.id === null) return null;
  const move = await bodyMove(tx, tableName === 'organization' ? t.organization : t.person, input.id, Number(input.bodyId));
  if (!move) return null;
  return tableName === 'organization' ? checkOrganizationMove(tx, input.id, move) : checkPersonMove(tx, input.id, move);
}

const onBehalfOf = alias(t.organization, 'on_behalf_of');
const demandMeeting = alias(t.meeting, 'demand_meeting');

/** Memberships, child organizations, papers, demands, Beratungsfolge steps and meetings of another body naming the organization. */
async function checkOrganizationMove(tx: Executor, id: number, move: BodyMove): Promise<InvalidReference | null> {
  const to = move.to;
  const memberships = await counted(
    tx
      .select({ n: count() })
      .from(t.membership)
      .innerJoin(t.person, eq(t.person.id, t.membership.personId))
      .where(and(or(eq(t.membership.organizationId, id), eq(t.membership.onBehalfOfId, id)), isNull(t.membership.deletedAt), isNull(t.person.deletedAt), ne(t.person.bodyId, to))),
  );
  const children = await counted(
    tx.select({ n: count() }).from(t.organization).where(and(eq(t.organization.parentId, id), isNull(t.organization.deletedAt), ne(t.organization.bodyId, to))),
  );
  // Papers it submitted or directs (each paper once).
  const papers = await counted(
    tx
      .select({ n: count() })
      .from(t.paper)
      .where(
        and(
          isNull(t.paper.deletedAt),
          ne(t.paper.bodyId, to),
          or(eq(t.paper.underDirectionOfId, id), exists(tx.select({ one: sql`1` }).from(t.paperOriginator).where(and(eq(t.paperOriginator.paperId, t.paper.id), eq(t.paperOriginator.organizationId, id))))),
        ),
      ),
  );
  // Demands it is responsible for, of a paper or raised in a meeting of another body.
  const demands = await counted(
    tx
      .select({ n: count() })
      .from(t.demand)
      .leftJoin(t.paper, eq(t.paper.id, t.demand.paperId))
      .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.demand.agendaItemId))
      .leftJoin(demandMeeting, eq(demandMeeting.id, t.agendaItem.meetingId))
      .where(and(eq(t.demand.responsibleOrganizationId, id), isNull(t.demand.deletedAt), or(ne(t.paper.bodyId, to), ne(demandMeeting.bodyId, to)))),
  );
  const consultations = await counted(
    tx
      .select({ n: count() })
      .from(t.consultation)
      .innerJoin(t.paper, eq(t.paper.id, t.consultation.paperId))
      .where(and(eq(t.consultation.organizationId, id), isNull(t.consultation.deletedAt), isNull(t.paper.deletedAt), ne(t.paper.bodyId, to))),
  );
  const meetings = await counted(
    tx
      .select({ n: count() })
      .from(t.meetingOrganization)
      .innerJoin(t.meeting, eq(t.meeting.id, t.meetingOrganization.meetingId))
      .where(and(eq(t.meetingOrganization.organizationId, id), isNull(t.meeting.deletedAt), ne(t.meeting.bodyId, to))),
  );
  return bodyMoveRefusal('organization', move, [
    [memberships, bodyMoveMessages.organizationMemberships],
    [children, bodyMoveMessages.organizationChildren],
    [papers, bodyMoveMessages.organizationPapers],
    [demands, bodyMoveMessages.organizationDemands],
    [consultations, bodyMoveMessages.organizationConsultations],
    [meetings, bodyMoveMessages.organizationMeetings],
  ]);
}

/** Memberships in organizations (or on behalf of groups) and papers of another body naming the person. */
async function checkPersonMove(tx: Executor, id: number, move: BodyMove): Promise<InvalidReference | null> {
  const to = move.to;
  const memberships = await counted(
    tx
      .select({ n: count() })
      .from(t.membership)
      .innerJoin(t.organization, eq(t.organization.id, t.membership.organizationId))
      .leftJoin(onBehalfOf, eq(onBehalfOf.id, t.membership.onBehalfOfId))
      .where(and(eq(t.membership.personId, id), isNull(t.membership.deletedAt), or(and(isNull(t.organization.deletedAt), ne(t.organization.bodyId, to)), and(isNull(onBehalfOf.deletedAt), ne(onBehalfOf.bodyId, to))))),
  );
  const papers = await counted(
    tx
      .select({ n: count() })
      .from(t.paperOriginator)
      .innerJoin(t.paper, eq(t.paper.id, t.paperOriginator.paperId))
      .where(and(eq(t.paperOriginator.personId, id), isNull(t.paper.deletedAt), ne(t.paper.bodyId, to))),
  );
  return bodyMoveRefusal('person', move, [
    [memberships, bodyMoveMessages.personMemberships],
    [papers, bodyMoveMessages.personPapers],
  ]);
}
