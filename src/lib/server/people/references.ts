// What master data and memberships may refer to: a live body; a parent organization, an organization and an
// "on behalf of" group of the same body as the organization or person being saved.
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Executor } from '@/lib/server/db';
import { checkOrganizations, firstProblem, invalid, liveBody, type BodyRef, type InvalidReference } from '@/lib/server/references';
import type { MembershipInput } from '@/lib/validation/forms';
import { dateMessages, referenceMessages } from '@/lib/validation/messages';

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
