// Memberships: who sits in which organization, in which role, from when to when.
import { and, eq, isNull } from 'drizzle-orm';
import * as t from '@db/schema';
import { insertVersioned, updateVersioned, writeTransaction, type UpdateResult } from '@/lib/server/history/versioned-writes';
import type { MembershipInput } from '@/lib/validation/forms';
import { dateMessages, referenceMessages } from '@/lib/validation/messages';
import { checkMembershipReferences } from './references';
import { refuseImported } from '@/lib/server/oparl/origin';

type MembershipRow = typeof t.membership.$inferSelect;

/** Adds a membership or updates one (merged field by field with changes saved in between); refuses an end before the start. */
export async function saveMembership(input: MembershipInput, userId: number, confirmedVersion: number | null = null): Promise<UpdateResult<MembershipRow> | { ok: false; reason: 'invalid'; field: string; error: string }> {
  if (input.startDate && input.endDate && input.endDate < input.startDate) return { ok: false, reason: 'invalid', field: 'endDate', error: dateMessages.endBeforeStart };
  const values = { organizationId: input.organizationId, role: input.role, votingRight: input.votingRight, startDate: input.startDate, endDate: input.endDate, onBehalfOfId: input.onBehalfOfId };
  return writeTransaction(async (tx) => {
    if (!input.id) {
      if (!input.personId) return { ok: false as const, reason: 'not-found' as const };
      const [person] = await tx.select({ id: t.person.id }).from(t.person).where(and(eq(t.person.id, input.personId), isNull(t.person.deletedAt)));
      if (!person) return { ok: false as const, reason: 'not-found' as const };
      const refused = await checkMembershipReferences(tx, input, person.id);
      if (refused) return refused;
      const [clash] = await tx.select({ id: t.membership.id }).from(t.membership).where(and(eq(t.membership.personId, person.id), eq(t.membership.organizationId, input.organizationId), input.role === null ? isNull(t.membership.role) : eq(t.membership.role, input.role)));
      if (clash) return { ok: false as const, reason: 'invalid' as const, field: 'organizationId', error: referenceMessages.membershipExists };
      const row = await insertVersioned<MembershipRow>(tx, t.membership, { ...values, personId: person.id }, userId);
      return { ok: true as const, row, merged: false, related: {} };
    }
    const imported = await refuseImported(tx, 'membership', input.id, values);
    if (imported) return imported;
    const [stored] = await tx.select({ personId: t.membership.personId, organizationId: t.membership.organizationId, onBehalfOfId: t.membership.onBehalfOfId }).from(t.membership).where(eq(t.membership.id, input.id));
    if (!stored) return { ok: false as const, reason: 'not-found' as const };
    const refused = await checkMembershipReferences(tx, input, stored.personId, stored);
    if (refused) return refused;
    return updateVersioned<MembershipRow>(tx, t.membership, input.id, input.version, values, userId, { merge: true, confirmedVersion });
  });
}
