// Any registered record: trash, untrash, restore an earlier version. Clerks and admins only.
import { restoreSchema, trashSchema } from '@/lib/validation/forms';
import { ActionError } from 'astro:actions';
import { afterTrashUrl, changeTable, recordKind, restoreVersion, setTrashed } from '@/lib/server/history/records';
import { hasRole } from '@/lib/server/auth/guard';
import type { SessionUser } from '@/lib/server/auth/session';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, formFailure, refusal, saved } from './support';
import { originOf } from '@/lib/server/oparl/origin';

/** Refuses (403) a record kind whose registry entry asks for more than the clerk's role (legal texts: admins). */
function requireKindRole(table: string, user: SessionUser): void {
  const role = recordKind(table)?.role;
  if (role && !hasRole(user, role)) throw new ActionError({ code: 'FORBIDDEN', message: 'Für diese Änderung fehlt Ihnen die Berechtigung.' });
}

/** Refuses trashing, taking back or restoring an imported record: the source decides (src/lib/server/oparl/origin.ts). */
async function importedRefusal(table: string, id: number) {
  const origin = await originOf(table, id);
  return origin ? formFailure(`Nicht möglich: Dieser Datensatz stammt aus „${origin.systemName}“ (OParl-Import). Bitte löschen oder ändern Sie ihn dort; der nächste Import übernimmt es.`) : null;
}

export const records = {
  /** Moves a record to the trash; the clerk goes on at its parent (or the trash list, for a record without one). */
  trash: formAction('clerk', trashSchema, async (input, context, user) => {
    requireKindRole(input.table, user);
    const imported = await importedRefusal(input.table, input.id);
    if (imported) return imported;
    const result = await setTrashed(input.table, input.id, input.version, true, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: changeTable(input.table), id: input.id, action: 'delete' });
    if (result.demandStatusOf) await afterSave({ table: 'demand', id: result.demandStatusOf, action: 'update' });
    return saved(result.demandStatusOf ? 'sachstand-status' : 'geloescht', afterTrashUrl(input.table, result.row));
  }),

  /** Takes a record out of the trash. */
  untrash: formAction('clerk', trashSchema, async (input, context, user) => {
    requireKindRole(input.table, user);
    const imported = await importedRefusal(input.table, input.id);
    if (imported) return imported;
    const result = await setTrashed(input.table, input.id, input.version, false, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: changeTable(input.table), id: input.id, action: 'restore' });
    if (result.demandStatusOf) await afterSave({ table: 'demand', id: result.demandStatusOf, action: 'update' });
    return saved(result.demandStatusOf ? 'sachstand-status' : 'zurueckgeholt');
  }),

  /** Restores the content of an earlier version as a new version. */
  restore: formAction('clerk', restoreSchema, async (input, context, user) => {
    requireKindRole(input.table, user);
    const imported = await importedRefusal(input.table, input.id);
    if (imported) return imported;
    const result = await restoreVersion(input.table, input.id, input.version, input.fromVersion, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: changeTable(input.table), id: input.id, action: 'restore' });
    if (result.demandStatusOf) await afterSave({ table: 'demand', id: result.demandStatusOf, action: 'update' });
    return saved('wiederhergestellt');
  }),
};
