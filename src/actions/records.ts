// Any registered record: trash, untrash, restore an earlier version. Clerks and admins only.
import { restoreSchema, trashSchema } from '@/lib/validation/forms';
import { changeTable, recordKind, restoreVersion, setTrashed } from '@/lib/server/history/records';
import { afterSave } from '@/lib/server/changes/after-save';
import { conflictFailure, formAction, notFoundFailure } from './support';

export const records = {
  /** Moves a record to the trash. */
  trash: formAction('clerk', trashSchema, async (input, context, user) => {
    const result = await setTrashed(input.table, input.id, input.version, true, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFoundFailure;
    await afterSave(context, { table: changeTable(input.table), id: input.id, action: 'delete' });
    if (result.demandStatusOf) await afterSave(context, { table: 'demand', id: result.demandStatusOf, action: 'update' });
    return { ok: true as const, statusChanged: Boolean(result.demandStatusOf), message: `${recordKind(input.table)?.label ?? 'Der Datensatz'} liegt jetzt im Papierkorb.` };
  }),

  /** Takes a record out of the trash. */
  untrash: formAction('clerk', trashSchema, async (input, context, user) => {
    const result = await setTrashed(input.table, input.id, input.version, false, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFoundFailure;
    await afterSave(context, { table: changeTable(input.table), id: input.id, action: 'restore' });
    if (result.demandStatusOf) await afterSave(context, { table: 'demand', id: result.demandStatusOf, action: 'update' });
    return { ok: true as const, statusChanged: Boolean(result.demandStatusOf), message: `${recordKind(input.table)?.label ?? 'Der Datensatz'} wurde aus dem Papierkorb zurückgeholt.` };
  }),

  /** Restores the content of an earlier version as a new version. */
  restore: formAction('clerk', restoreSchema, async (input, context, user) => {
    const result = await restoreVersion(input.table, input.id, input.version, input.fromVersion, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFoundFailure;
    await afterSave(context, { table: changeTable(input.table), id: input.id, action: 'restore' });
    if (result.demandStatusOf) await afterSave(context, { table: 'demand', id: result.demandStatusOf, action: 'update' });
    return { ok: true as const, message: `Version ${input.fromVersion} wurde als neue Version wiederhergestellt.` };
  }),
};
