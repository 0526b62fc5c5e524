// OParl 2-08: a save of an embedded record moves the updated_at (OParl `modified`) of every record it is embedded in,
// in the same transaction, without changing their version; the ones it left when it moved too; imports do not.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import { idBySlug, testDb, uniqueSlug } from '../support/database';
import { insertVersioned, updateCurrent, writeTransaction } from '@/lib/server/history/versioned-writes';

const OLD = '2001-01-01T00:00:00.000Z';

/** A paper, a meeting with one agenda item and a place, all last modified long ago. */
async function arrange() {
  const db = testDb();
  const bodyId = await idBySlug(t.body, 'staedteregion-aachen');
  const paper = async () => (await db.insert(t.paper).values({ bodyId, slug: uniqueSlug('einbettung'), name: 'Einbettung', paperType: 'antrag', date: '2001-01-01', updatedAt: OLD }).returning())[0]!;
  const [a, b] = [await paper(), await paper()];
  const [location] = await db.insert(t.location).values({ bodyId, description: 'Saal', updatedAt: OLD }).returning();
  const [meeting] = await db.insert(t.meeting).values({ bodyId, slug: uniqueSlug('einbettung'), name: 'Sitzung', start: '2001-01-01T17:00:00+01:00', meetingState: 'planned', locationId: location!.id, updatedAt: OLD }).returning();
  const [item] = await db.insert(t.agendaItem).values({ meetingId: meeting!.id, number: 'Ö 1', order: 1, name: 'Punkt', updatedAt: OLD }).returning();
  const [term] = await db.insert(t.legislativeTerm).values({ bodyId, name: uniqueSlug('wahlperiode'), updatedAt: OLD }).returning();
  return { bodyId, a, b, location: location!, meeting: meeting!, item: item!, term: term! };
}

async function stamp(table: typeof t.paper | typeof t.meeting | typeof t.agendaItem | typeof t.body, id: number) {
  const [row] = await testDb().select({ updatedAt: table.updatedAt, version: table.version }).from(table).where(eq(table.id, id));
  return row!;
}

describe('the modified of embedding records', () => {
  it('moves with a file of an agenda item (the item and its meeting), and with a file that moved (both papers)', async () => {
    const { a, b, meeting, item } = await arrange();
    const file = await writeTransaction((tx) => insertVersioned<typeof t.file.$inferSelect>(tx, t.file, { agendaItemId: item.id, name: 'Anlage' }, null));
    expect((await stamp(t.agendaItem, item.id)).updatedAt).toBe(file.updatedAt);
    expect(await stamp(t.meeting, meeting.id)).toEqual({ updatedAt: file.updatedAt, version: 1 });
    const onA = await writeTransaction((tx) => updateCurrent<typeof t.file.$inferSelect>(tx, t.file, file.id, { agendaItemId: null, paperId: a.id }, null));
    expect((await stamp(t.paper, a.id)).updatedAt).toBe(onA.ok && onA.row.updatedAt);
    expect(await stamp(t.paper, b.id)).toEqual({ updatedAt: OLD, version: 1 });
    const onB = await writeTransaction((tx) => updateCurrent<typeof t.file.$inferSelect>(tx, t.file, file.id, { paperId: b.id }, null));
    const at = onB.ok ? onB.row.updatedAt : '';
    expect(await stamp(t.paper, a.id)).toEqual({ updatedAt: at, version: 1 });
    expect(await stamp(t.paper, b.id)).toEqual({ updatedAt: at, version: 1 });
  });

  it('moves with a place (its meetings) and a legislative term (its body)', async () => {
    const { bodyId, location, meeting, term } = await arrange();
    const place = await writeTransaction((tx) => updateCurrent<typeof t.location.$inferSelect>(tx, t.location, location.id, { room: '101' }, null));
    expect((await stamp(t.meeting, meeting.id)).updatedAt).toBe(place.ok && place.row.updatedAt);
    const before = await stamp(t.body, bodyId);
    const saved = await writeTransaction((tx) => updateCurrent<typeof t.legislativeTerm.$inferSelect>(tx, t.legislativeTerm, term.id, { name: uniqueSlug('umbenannt') }, null));
    expect(await stamp(t.body, bodyId)).toEqual({ updatedAt: saved.ok && saved.row.updatedAt, version: before.version });
  });

  it('stays when an import writes (it carries its source’s dates)', async () => {
    const { a } = await arrange();
    await writeTransaction((tx) => insertVersioned(tx, t.consultation, { paperId: a.id, role: 'Vorberatung' }, null, { action: 'import' }));
    expect(await stamp(t.paper, a.id)).toEqual({ updatedAt: OLD, version: 1 });
  });
});
