// Migrations 0002 and 0003 on a database as the previous release left it: stored `erledigt` becomes the outcome it
// was (declined for the seed's motion, "settled without implementation" otherwise), in rows and revision snapshots;
// imported documents get their own dates; a meeting's demand starts "in Beratung".
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { demandStatuses } from '@/lib/domain/vocabulary';
import { configureFileDatabase, openDatabase, type Database } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrate';
import { fileUrl, migrationsRoot, tmpDir } from '../support/paths';
import { removeDatabase } from '../support/template';

const work = path.join(tmpDir, `status-migration-${process.pid}`);
const dbFile = path.join(work, 'legacy.db');
let db: Database;
const ids: Record<string, number> = {};
const IMPORT_DAY = '2026-05-04T08:00:00.000Z';
const legacy = 'erledigt' as never;

/** The migrations folder of the previous release: everything before 0002. */
function previousRelease(): string {
  const folder = path.join(work, 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsRoot, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 2);
  for (const e of journal.entries) fs.copyFileSync(path.join(migrationsRoot, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return folder;
}

async function revision(tableName: string, row: Record<string, unknown>, action: 'import' | 'update', version = 1) {
  await db.insert(t.revision).values({ tableName, rowId: row.id as number, version, snapshot: row, at: IMPORT_DAY, action });
}

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  removeDatabase(dbFile);
  db = openDatabase(fileUrl(dbFile));
  await configureFileDatabase(db, fileUrl(dbFile));
  await applyMigrations(db, previousRelease());

  const at = { publishedAt: IMPORT_DAY, createdAt: IMPORT_DAY, updatedAt: IMPORT_DAY };
  const [body] = await db.insert(t.body).values({ slug: 'landkreis-grafschaft-bentheim', name: 'Landkreis Grafschaft Bentheim', ...at }).returning();
  const [motion] = await db.insert(t.paper).values({ bodyId: body!.id, slug: 'antrag-gruene-2014-03-05-willkommenskultur', name: 'Willkommenskultur in der Ausländerbehörde', paperType: 'antrag', date: '2014-03-05', ...at }).returning();
  const [report] = await db.insert(t.paper).values({ bodyId: body!.id, slug: '3-2-0076-2014', reference: '3.2/0076/2014', name: 'Willkommenskultur in der Ausländerbehörde', paperType: 'mitteilungsvorlage', date: '2014-03-12', ...at }).returning();
  const [other] = await db.insert(t.paper).values({ bodyId: body!.id, slug: 'antrag-radweg', name: 'Radweg', paperType: 'antrag', date: '2019-06-01', publishedAt: '2019-06-02T09:00:00.000Z', updatedAt: '2020-01-15T09:00:00.000Z' }).returning();
  for (const p of [motion!, report!]) await revision('paper', p, 'import');
  // Edited in the back office after the import: keeps its real times.
  await revision('paper', other!, 'import');
  await revision('paper', other!, 'update', 2);

  const [declined] = await db.insert(t.demand).values({ paperId: motion!.id, ordinal: 1, title: 'Teilnahme am Pilotprojekt', textMd: 'x', textHtml: 'x', status: legacy, ...at }).returning();
  const [reply] = await db.insert(t.followUp).values({ demandId: declined!.id, date: '2014-03-12', kind: 'reply', textMd: 'x', textHtml: 'x', statusAfter: legacy, sourcePaperId: report!.id, ...at }).returning();
  await revision('demand', declined!, 'import');
  await revision('follow_up', reply!, 'import');

  const [settled] = await db.insert(t.demand).values({ paperId: other!.id, ordinal: 1, title: 'Radweg bauen', textMd: 'x', textHtml: 'x', status: legacy, publishedAt: IMPORT_DAY }).returning();
  const [progress] = await db.insert(t.followUp).values({ demandId: settled!.id, date: '2019-07-01', kind: 'progress', textMd: 'x', textHtml: 'x', statusAfter: 'in_beratung', publishedAt: IMPORT_DAY }).returning();
  const [answer] = await db.insert(t.followUp).values({ demandId: settled!.id, date: '2019-09-01', kind: 'reply', textMd: 'x', textHtml: 'x', statusAfter: legacy, publishedAt: '2019-09-02T10:00:00.000Z', updatedAt: '2019-09-03T10:00:00.000Z' }).returning();
  await revision('demand', { ...settled!, status: 'in_beratung' }, 'update', 1);
  await revision('demand', settled!, 'update', 2);
  await revision('follow_up', answer!, 'update');

  // In SQL, with the columns the previous release had (the current schema's inserts name columns added since).
  const meeting = await db.$client.execute({ sql: `INSERT INTO meeting (body_id, slug, name, start, published_at, created_at, updated_at) VALUES (?, 'kreistag-2026-12-15', 'Kreistag', '2026-12-15T17:00:00+01:00', ?, ?, ?) RETURNING id`, args: [body!.id, IMPORT_DAY, IMPORT_DAY, IMPORT_DAY] });
  const item = await db.$client.execute({ sql: `INSERT INTO agenda_item (meeting_id, "order", number, name, published_at, created_at, updated_at) VALUES (?, 1, 'Ö 1', 'Anfragen', ?, ?, ?) RETURNING id`, args: [Number(meeting.rows[0]!.id), IMPORT_DAY, IMPORT_DAY, IMPORT_DAY] });
  const [raised] = await db.insert(t.demand).values({ agendaItemId: Number(item.rows[0]!.id), ordinal: 1, title: 'Im Kreistag erhoben', textMd: 'x', textHtml: 'x', status: 'eingereicht', ...at }).returning();

  Object.assign(ids, { declined: declined!.id, reply: reply!.id, settled: settled!.id, progress: progress!.id, answer: answer!.id, motion: motion!.id, report: report!.id, other: other!.id, raised: raised!.id });
  await applyMigrations(db, migrationsRoot);
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const demandStatus = async (id: number) => (await db.select({ s: t.demand.status }).from(t.demand).where(eq(t.demand.id, id)))[0]!.s;
const followUpRow = async (id: number) => (await db.select().from(t.followUp).where(eq(t.followUp.id, id)))[0]!;

describe('migration 0002: the outcome instead of "erledigt"', () => {
  it('makes the seed motion the administration declined in MV 3.2/0076/2014 "von_verwaltung_abgelehnt"', async () => {
    expect(await demandStatus(ids.declined!)).toBe('von_verwaltung_abgelehnt');
    expect((await followUpRow(ids.reply!)).statusAfter).toBe('von_verwaltung_abgelehnt');
  });

  it('makes any other "erledigt" "erledigt_ohne_umsetzung", which claims neither fulfilment nor refusal', async () => {
    expect(await demandStatus(ids.settled!)).toBe('erledigt_ohne_umsetzung');
    expect((await followUpRow(ids.answer!)).statusAfter).toBe('erledigt_ohne_umsetzung');
    expect((await followUpRow(ids.progress!)).statusAfter).toBe('in_beratung');
  });

  it('maps revision snapshots the same way, so old versions stay restorable', async () => {
    const rows = await db.select({ table: t.revision.tableName, rowId: t.revision.rowId, snapshot: t.revision.snapshot }).from(t.revision);
    const of = (table: string, rowId: number) => rows.filter((r) => r.table === table && r.rowId === rowId).map((r) => r.snapshot as Record<string, unknown>);
    expect(of('demand', ids.declined!).map((s) => s.status)).toEqual(['von_verwaltung_abgelehnt']);
    expect(of('follow_up', ids.reply!).map((s) => s.statusAfter)).toEqual(['von_verwaltung_abgelehnt']);
    expect(of('demand', ids.settled!).map((s) => s.status)).toEqual(['in_beratung', 'erledigt_ohne_umsetzung']);
    expect(of('follow_up', ids.answer!).map((s) => s.statusAfter)).toEqual(['erledigt_ohne_umsetzung']);
    expect(JSON.stringify(rows)).not.toContain('"erledigt"');
  });

  it('leaves no status outside the vocabulary', async () => {
    const stored = [
      ...(await db.select({ s: t.demand.status }).from(t.demand)).map((r) => r.s),
      ...(await db.select({ s: t.followUp.statusAfter }).from(t.followUp)).flatMap((r) => (r.s ? [r.s] : [])),
    ];
    for (const s of stored) expect(demandStatuses).toContain(s);
  });
});

describe('migration 0003: document dates and where a meeting’s demand starts', () => {
  it('dates papers and follow-ups the import wrote once by the document, and leaves edited rows alone', async () => {
    const papers = Object.fromEntries((await db.select().from(t.paper)).map((p) => [p.id, [p.publishedAt, p.updatedAt]]));
    expect(papers[ids.motion!]).toEqual(['2014-03-05T12:00:00.000Z', '2014-03-05T12:00:00.000Z']);
    expect(papers[ids.report!]).toEqual(['2014-03-12T12:00:00.000Z', '2014-03-12T12:00:00.000Z']);
    expect(papers[ids.other!]).toEqual(['2019-06-02T09:00:00.000Z', '2020-01-15T09:00:00.000Z']);
    const reply = await followUpRow(ids.reply!);
    expect([reply.publishedAt, reply.updatedAt]).toEqual(['2014-03-12T12:00:00.000Z', '2014-03-12T12:00:00.000Z']);
    // A follow-up whose only revision is a back-office update keeps its times.
    const answer = await followUpRow(ids.answer!);
    expect([answer.publishedAt, answer.updatedAt]).toEqual(['2019-09-02T10:00:00.000Z', '2019-09-03T10:00:00.000Z']);
  });

  it('moves a demand raised in a meeting from "eingereicht" to "in_beratung"', async () => {
    expect(await demandStatus(ids.raised!)).toBe('in_beratung');
  });
});
