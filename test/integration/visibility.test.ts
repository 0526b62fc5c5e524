// The public-visibility rules of src/lib/server/visibility.ts on a real database: hiding a record (unpublish, trash,
// an agenda item marked non-public) hides everything that hangs off it and nothing else, showing it again brings all
// of it back, and the drizzle conditions and the SQL text the search builder uses always agree.
import { describe, expect, it } from 'vitest';
import { and, eq, getTableName, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import {
  listedAgendaItem, publicAgendaItem, publicBody, publicConsultation, publicDemand, publicFile, publicFollowUp, publicMeeting,
  publicMembership, publicOrganization, publicPaper, publicPerson, publicSql, type VisibleKind,
} from '@/lib/server/visibility';
import { insertAgendaItem, insertDemand, insertPaper, testDb, uniqueSlug } from '../support/database';

const now = () => new Date().toISOString();

/** A body with one of everything: a paper with a file, a demand and its follow-up; a meeting with a file and a public agenda item with a file, a demand and its follow-up. */
async function insertTree() {
  const db = testDb();
  const published = { publishedAt: now() };
  const [body] = await db.insert(t.body).values({ slug: uniqueSlug('koerperschaft'), name: 'Sichtbarkeitskreis', ...published }).returning();
  const bodyId = body!.id;
  const [organization] = await db.insert(t.organization).values({ bodyId, slug: uniqueSlug('gremium'), name: 'Sichtbarkeitsausschuss', kind: 'committee', ...published }).returning();
  const [person] = await db.insert(t.person).values({ bodyId, slug: uniqueSlug('person'), name: 'Erika Sichtbar', ...published }).returning();
  const [membership] = await db.insert(t.membership).values({ personId: person!.id, organizationId: organization!.id, role: 'Mitglied' }).returning();
  const paper = await insertPaper({ bodyId });
  const [meeting] = await db.insert(t.meeting).values({ bodyId, slug: uniqueSlug('sitzung'), name: 'Sichtbarkeitssitzung', start: '2022-05-04T17:00:00+02:00', ...published }).returning();
  const item = await insertAgendaItem({ meetingId: meeting!.id });
  const [consultation] = await db.insert(t.consultation).values({ paperId: paper.id, meetingId: meeting!.id, agendaItemId: item.id, organizationId: organization!.id }).returning();
  const file = async (owner: { paperId: number } | { meetingId: number } | { agendaItemId: number }) =>
    (await db.insert(t.file).values({ ...owner, name: 'Anlage', ...published }).returning())[0]!;
  const followUp = async (demandId: number) =>
    (await db.insert(t.followUp).values({ demandId, date: '2022-06-01', kind: 'reply', textMd: 'Antwort', textHtml: '<p>Antwort</p>', ...published }).returning())[0]!;
  const paperDemand = await insertDemand({ paperId: paper.id });
  const itemDemand = await insertDemand({ agendaItemId: item.id });
  return {
    body: body!, organization: organization!, person: person!, membership: membership!, paper, consultation: consultation!,
    paperFile: await file({ paperId: paper.id }), paperDemand, paperFollowUp: await followUp(paperDemand.id),
    meeting: meeting!, meetingFile: await file({ meetingId: meeting!.id }), item, itemFile: await file({ agendaItemId: item.id }),
    itemDemand, itemFollowUp: await followUp(itemDemand.id),
  };
}

type Tree = Awaited<ReturnType<typeof insertTree>>;
type Row = keyof Tree;

type Rule = (table: never) => SQL;
/** Each row of the tree with its table and rule; `listedItem` is the agenda item as listed by title. */
const checks: { row: Row; label: string; table: SQLiteTable & { id: SQLiteColumn }; kind: VisibleKind; rule: Rule }[] = [
  { row: 'body', label: 'body', table: t.body, kind: 'body', rule: publicBody },
  { row: 'organization', label: 'organization', table: t.organization, kind: 'organization', rule: publicOrganization },
  { row: 'person', label: 'person', table: t.person, kind: 'person', rule: publicPerson },
  { row: 'membership', label: 'membership', table: t.membership, kind: 'membership', rule: publicMembership },
  { row: 'paper', label: 'paper', table: t.paper, kind: 'paper', rule: publicPaper },
  { row: 'consultation', label: 'consultation', table: t.consultation, kind: 'consultation', rule: publicConsultation },
  { row: 'paperFile', label: 'paperFile', table: t.file, kind: 'file', rule: publicFile },
  { row: 'paperDemand', label: 'paperDemand', table: t.demand, kind: 'demand', rule: publicDemand },
  { row: 'paperFollowUp', label: 'paperFollowUp', table: t.followUp, kind: 'followUp', rule: publicFollowUp },
  { row: 'meeting', label: 'meeting', table: t.meeting, kind: 'meeting', rule: publicMeeting },
  { row: 'meetingFile', label: 'meetingFile', table: t.file, kind: 'file', rule: publicFile },
  { row: 'item', label: 'listedItem', table: t.agendaItem, kind: 'listedAgendaItem', rule: listedAgendaItem },
  { row: 'item', label: 'item', table: t.agendaItem, kind: 'agendaItem', rule: publicAgendaItem },
  { row: 'itemFile', label: 'itemFile', table: t.file, kind: 'file', rule: publicFile },
  { row: 'itemDemand', label: 'itemDemand', table: t.demand, kind: 'demand', rule: publicDemand },
  { row: 'itemFollowUp', label: 'itemFollowUp', table: t.followUp, kind: 'followUp', rule: publicFollowUp },
];
const tables: Record<Row, SQLiteTable & { id: SQLiteColumn }> = Object.fromEntries(checks.map((c) => [c.row, c.table])) as never;

/** Which checks see their row, by the drizzle rule and by the SQL text; both must agree. */
async function visible(tree: Tree): Promise<string[]> {
  const db = testDb();
  const seen: string[] = [];
  for (const c of checks) {
    const id = tree[c.row].id;
    const byDrizzle = (await db.select({ id: c.table.id }).from(c.table).where(and(eq(c.table.id, id), (c.rule as (table: unknown) => SQL)(c.table)))).length === 1;
    const sqlText = `SELECT x.id FROM ${getTableName(c.table)} x WHERE x.id = ? AND ${publicSql(c.kind, 'x')}`;
    const bySql = (await db.$client.execute({ sql: sqlText, args: [id] })).rows.length === 1;
    expect(bySql, `${c.label}: drizzle and SQL text disagree`).toBe(byDrizzle);
    if (byDrizzle) seen.push(c.label);
  }
  return seen;
}

const all = checks.map((c) => c.label);
const paperSide = ['paper', 'consultation', 'paperFile', 'paperDemand', 'paperFollowUp'];
const itemSide = ['item', 'itemFile', 'itemDemand', 'itemFollowUp'];
const unpublish = { publishedAt: null };
const trash = () => ({ deletedAt: now() });

/** Ways to hide a row and what must disappear with it. */
const cases: { name: string; row: Row; change: () => Record<string, unknown>; hidden: string[] }[] = [
  { name: 'an unpublished body', row: 'body', change: () => unpublish, hidden: all },
  { name: 'a trashed body', row: 'body', change: trash, hidden: all },
  { name: 'an unpublished organization', row: 'organization', change: () => unpublish, hidden: ['organization', 'membership'] },
  { name: 'a trashed person', row: 'person', change: trash, hidden: ['person', 'membership'] },
  { name: 'a trashed membership', row: 'membership', change: trash, hidden: ['membership'] },
  { name: 'an unpublished paper', row: 'paper', change: () => unpublish, hidden: paperSide },
  { name: 'a trashed paper', row: 'paper', change: trash, hidden: paperSide },
  { name: 'a trashed consultation', row: 'consultation', change: trash, hidden: ['consultation'] },
  { name: 'an unpublished meeting', row: 'meeting', change: () => unpublish, hidden: ['meeting', 'meetingFile', 'listedItem', ...itemSide] },
  { name: 'a trashed meeting', row: 'meeting', change: trash, hidden: ['meeting', 'meetingFile', 'listedItem', ...itemSide] },
  { name: 'an unpublished agenda item', row: 'item', change: () => unpublish, hidden: ['listedItem', ...itemSide] },
  { name: 'a trashed agenda item', row: 'item', change: trash, hidden: ['listedItem', ...itemSide] },
  // A non-public item is still named by its number and title, nothing more.
  { name: 'a non-public agenda item', row: 'item', change: () => ({ public: false }), hidden: itemSide },
  { name: 'an unpublished file of a paper', row: 'paperFile', change: () => unpublish, hidden: ['paperFile'] },
  { name: 'a trashed file of a meeting', row: 'meetingFile', change: trash, hidden: ['meetingFile'] },
  { name: 'a trashed file of an agenda item', row: 'itemFile', change: trash, hidden: ['itemFile'] },
  { name: 'an unpublished demand of a paper', row: 'paperDemand', change: () => unpublish, hidden: ['paperDemand', 'paperFollowUp'] },
  { name: 'a trashed demand of an agenda item', row: 'itemDemand', change: trash, hidden: ['itemDemand', 'itemFollowUp'] },
  { name: 'a trashed follow-up', row: 'paperFollowUp', change: trash, hidden: ['paperFollowUp'] },
];

describe('public visibility of every record kind, with its parents', () => {
  it('shows every record of a fully published tree', async () => {
    expect(await visible(await insertTree())).toEqual(all);
  });

  it.each(cases)('$name hides exactly what hangs off it, and showing it again brings everything back', async ({ row, change, hidden }) => {
    const tree = await insertTree();
    const table = tables[row] as typeof t.paper;
    const before = (await testDb().select().from(table).where(eq(table.id, tree[row].id)))[0]!;
    await testDb().update(table).set(change()).where(eq(table.id, tree[row].id));
    expect(await visible(tree)).toEqual(all.filter((label) => !hidden.includes(label)));
    const restore = Object.fromEntries(Object.keys(change()).map((key) => [key, (before as Record<string, unknown>)[key]]));
    await testDb().update(table).set(restore).where(eq(table.id, tree[row].id));
    expect(await visible(tree)).toEqual(all);
  });

  it('a file attached to a paper and an agenda item at once is public only while both are', async () => {
    const tree = await insertTree();
    await testDb().update(t.file).set({ agendaItemId: tree.item.id }).where(eq(t.file.id, tree.paperFile.id));
    await testDb().update(t.agendaItem).set({ public: false }).where(eq(t.agendaItem.id, tree.item.id));
    expect(await visible(tree)).not.toContain('paperFile');
  });

  it('a file attached to nothing is not public', async () => {
    const [orphan] = await testDb().insert(t.file).values({ name: 'Verwaiste Anlage', publishedAt: now() }).returning();
    expect(await testDb().select().from(t.file).where(and(eq(t.file.id, orphan!.id), publicFile(t.file)))).toEqual([]);
  });
});

describe('the rules as SQL text', () => {
  const kinds: VisibleKind[] = ['body', 'organization', 'person', 'membership', 'paper', 'meeting', 'listedAgendaItem', 'agendaItem', 'consultation', 'file', 'demand', 'followUp', 'legislativeTerm', 'location'];
  const tableOf: Record<VisibleKind, string> = {
    body: 'body', organization: 'organization', person: 'person', membership: 'membership', paper: 'paper', meeting: 'meeting',
    listedAgendaItem: 'agenda_item', agendaItem: 'agenda_item', consultation: 'consultation', file: 'file', demand: 'demand', followUp: 'follow_up',
    legislativeTerm: 'legislative_term', location: 'location',
  };

  it('refuses an alias that is not a plain SQL name', () => {
    expect(() => publicSql('paper', 'p; DROP TABLE paper')).toThrow(/Tabellenalias/);
  });

  it.each(kinds)('%s: a lookup by id reads its parents by primary key (no table scans but of the few bodies)', async (kind) => {
    const plan = await testDb().$client.execute({ sql: `EXPLAIN QUERY PLAN SELECT x.id FROM ${tableOf[kind]} x WHERE x.id = ? AND ${publicSql(kind, 'x')}`, args: [1] });
    const scans = plan.rows.map((r) => String(r.detail)).filter((d) => d.startsWith('SCAN'));
    expect(scans.every((d) => d === 'SCAN body'), scans.join('\n')).toBe(true);
  });
});
