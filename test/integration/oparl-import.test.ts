// The OParl importer against the fixture server on loopback: a first run imports what is usable and reports each
// deviation, a run that stops continues where it stopped, a second run asks only for changes and trashes deletions
// while the demands clerks added stay, and two sources live side by side.
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { importOparl, type ImportResult } from '@/lib/server/oparl/import/run';
import { SourceUnavailable } from '@/lib/server/oparl/import/fetch';
import { deviationKinds } from '@/lib/server/oparl/import/deviations';
import { startOparlFixture, type FixtureOptions, type OparlFixture } from '../support/oparl-fixture';
import { testDb } from '../support/database';

const running: OparlFixture[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

async function fixture(options: FixtureOptions = {}): Promise<OparlFixture> {
  const f = await startOparlFixture(options);
  running.push(f);
  return f;
}

/** Fast retries: the fixture fails on purpose. */
const fetchOptions = { attempts: 3, backoffMs: 5, timeoutMs: 5_000 };
const run = (f: OparlFixture, extra: Partial<Parameters<typeof importOparl>[1]> = {}) => importOparl(testDb(), { systemUrl: f.systemUrl, fetch: fetchOptions, ...extra });

async function rowOf<T extends typeof t.paper | typeof t.meeting | typeof t.agendaItem | typeof t.organization | typeof t.person | typeof t.body>(table: T, externalId: string) {
  const [row] = await testDb().select().from(table as typeof t.paper).where(eq((table as typeof t.paper).externalId, externalId));
  return row as (T extends typeof t.paper ? typeof t.paper.$inferSelect : Record<string, unknown> & { id: number; deletedAt: string | null; name: string; version: number }) | undefined;
}

const kinds = (result: ImportResult) => new Set(result.deviations.summary().map((r) => r.kind));

describe('OParl import', () => {
  it('imports every usable object of a deviating source, logs each deviation with its id, and one bad object never stops the run', async () => {
    const f = await fixture({ broken: true, examples: true });
    const result = await run(f);
    expect(result.counts.Paper!.created).toBe(f.ids.Paper!.length + 1);
    expect(result.counts.Meeting).toMatchObject({ created: f.ids.Meeting!.length + 1, skipped: 1 });
    expect(result.counts.AgendaItem!.created).toBeGreaterThanOrEqual(f.ids.AgendaItem!.length);
    expect(result.counts.Organization!.created).toBe(f.ids.Organization!.length + 1);
    expect(result.counts.Membership!.created).toBe(f.ids.Membership!.length);
    expect(result.counts.Consultation!.created).toBe(f.ids.Consultation!.length + 1);
    expect(result.counts.LegislativeTerm!.created).toBe(2);
    for (const kind of [deviationKinds.typeUrl10, deviationKinds.noTimestamps, deviationKinds.noOrder, deviationKinds.tombstoneWithoutType, deviationKinds.listMissing,
      deviationKinds.whitespace, deviationKinds.vendorProperty, deviationKinds.fileWithoutSize, deviationKinds.fileWithoutChecksum, deviationKinds.unknownReference, deviationKinds.invalid]) {
      expect(kinds(result), kind).toContain(kind);
    }
    for (const d of result.deviations.all) expect(d.id).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // Names are cleaned, agenda items without order get their position, the example paper's type is mapped.
    const messy = (await rowOf(t.organization, f.ids.Organization![1]!))!;
    expect(messy.name).toBe(`Fraktion 1 Fixture-RIS`);
    const [item] = await testDb().select().from(t.agendaItem).where(eq(t.agendaItem.externalId, `${f.ids.Meeting![0]}/item/2`));
    expect(item?.order).toBe(2);
    const example = (await rowOf(t.paper, f.ids['example:Paper']![0]!))!;
    expect(example.paperType).toBe('stellungnahme');
    // Dated by the document (as the seed), so feeds do not list the whole mirror as new on the day of the import.
    expect(example).toMatchObject({ publishedAt: '2014-04-04T12:00:00.000Z', updatedAt: '2014-04-04T12:00:00.000Z' });
    // The origin and the original's page are kept.
    const [origin] = await testDb().select().from(t.oparlRecord).where(eq(t.oparlRecord.externalId, f.ids.Paper![0]!));
    expect(origin?.web).toBe('https://ris.example.org/vo/1/0');
  });

  it('retries 5xx answers and timeouts', async () => {
    const f = await fixture();
    f.failNext(2);
    f.delayOnce('/papers', 1_500);
    const result = await run(f, { fetch: { ...fetchOptions, timeoutMs: 1_000 } });
    expect(result.retries).toBeGreaterThanOrEqual(3);
    expect(result.counts.Paper!.created).toBe(f.ids.Paper!.length);
  });

  it('continues an interrupted run where it stopped, without fetching the finished lists again', async () => {
    const f = await fixture({ papersPerBody: 60, pageSize: 10 });
    f.crashAfter(8);
    const failed = await run(f).then(() => null, (e: unknown) => e);
    expect(failed).toBeInstanceOf(SourceUnavailable);
    const partial = await testDb().select({ id: t.oparlRecord.rowId }).from(t.oparlRecord).where(eq(t.oparlRecord.tableName, 'paper'));
    const [state] = await testDb().select().from(t.oparlSource);
    expect(state?.runStartedAt).not.toBeNull();
    const listsBefore = f.listRequests().full;
    f.recover();
    const resumed = await run(f);
    expect(resumed.resumed).toBe(true);
    const papers = await testDb().select({ id: t.paper.id }).from(t.paper).innerJoin(t.oparlRecord, and(eq(t.oparlRecord.rowId, t.paper.id), eq(t.oparlRecord.tableName, 'paper')));
    expect(papers).toHaveLength(60);
    // Resumed: fewer pages than a whole run (organizations, people and the first paper pages are not asked again).
    expect(f.listRequests().full - listsBefore).toBeLessThan(1 + 1 + 1 + 1 + 6);
    expect(partial.length).toBeGreaterThan(0);
  });

  it('asks only for changes in a second run: updates, trashes deletions and keeps the demands clerks added', async () => {
    const f = await fixture();
    await run(f);
    const paper = (await rowOf(t.paper, `${f.ids.Body![0]}/paper/1`))!;
    const [demand] = await testDb().insert(t.demand).values({ paperId: paper.id, ordinal: 1, title: 'Radweg bauen', textMd: 'Radweg bauen', textHtml: '<p>Radweg bauen</p>', publishedAt: new Date().toISOString() }).returning();
    const [item] = await testDb().select().from(t.agendaItem).where(eq(t.agendaItem.externalId, `${f.ids.Meeting![0]}/item/1`));
    const [raised] = await testDb().insert(t.demand).values({ agendaItemId: item!.id, ordinal: 1, title: 'Ampel prüfen', textMd: 'Ampel prüfen', textHtml: '<p>Ampel prüfen</p>', publishedAt: new Date().toISOString() }).returning();
    const [followUp] = await testDb().insert(t.followUp).values({ demandId: demand!.id, date: '2024-05-01', kind: 'reply', textMd: 'Wird geprüft.', textHtml: '<p>Wird geprüft.</p>', publishedAt: new Date().toISOString() }).returning();
    const unchanged = await run(f);
    expect(unchanged.since).not.toBeNull();
    expect(Object.values(unchanged.counts).reduce((n, c) => n + c.created + c.updated + c.deleted, 0)).toBe(0);
    const before = f.listRequests();
    const change = f.advance();
    const second = await run(f);
    expect(f.listRequests().full).toBe(before.full + 1);
    expect(second.counts.Paper).toMatchObject({ updated: 1, created: 1, deleted: 1 });
    expect((await rowOf(t.paper, change.renamedPaper))!.name).toBe('Antrag 1 zur Radverkehrsplanung (geändert)');
    expect((await rowOf(t.paper, change.deletedPaper))!.deletedAt).not.toBeNull();
    expect((await rowOf(t.meeting, change.deletedMeeting))!.deletedAt).not.toBeNull();
    expect((await rowOf(t.agendaItem, change.deletedAgendaItem))!.deletedAt).not.toBeNull();
    expect(await rowOf(t.paper, change.addedPaper)).toBeDefined();
    const [kept] = await testDb().select().from(t.demand).where(eq(t.demand.id, demand!.id));
    expect(kept).toMatchObject({ paperId: paper.id, title: 'Radweg bauen', deletedAt: null, version: 1 });
    // The meeting of that agenda item changed (an item was taken off): the item, its demand and the follow-up stay.
    expect((await rowOf(t.agendaItem, `${f.ids.Meeting![0]}/item/1`))!.deletedAt).toBeNull();
    expect((await testDb().select().from(t.demand).where(eq(t.demand.id, raised!.id)))[0]).toMatchObject({ agendaItemId: item!.id, deletedAt: null, version: 1 });
    expect((await testDb().select().from(t.followUp).where(eq(t.followUp.id, followUp!.id)))[0]).toMatchObject({ demandId: demand!.id, deletedAt: null, version: 1 });
  });

  it('keeps bodies of two sources side by side in one installation', async () => {
    const a = await fixture({ name: 'RIS-A', bodies: 2 });
    const b = await fixture({ name: 'RIS-B' });
    await run(a);
    await run(b);
    const sources = await testDb().select().from(t.oparlSource);
    expect(sources.map((s) => s.name).sort()).toEqual(['RIS-A', 'RIS-B']);
    const bodies = await testDb().select().from(t.body).innerJoin(t.oparlRecord, eq(t.oparlRecord.externalId, t.body.externalId));
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((r) => r.body.slug)).size).toBe(3);
  });

  it('downloads attachments with --files, reads their text for search, and refuses what is no PDF', async () => {
    const f = await fixture({ broken: true, papersPerBody: 6, meetingsPerBody: 2 });
    const result = await run(f, { files: true });
    expect(result.filesDownloaded).toBeGreaterThan(0);
    const [file] = await testDb().select().from(t.file).where(eq(t.file.externalId, `${f.ids.Body![0]}/paper/4/file/0`));
    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file?.text).toContain('Anlage');
    const refused = result.deviations.all.find((d) => d.kind === deviationKinds.fileDownload);
    expect(refused).toMatchObject({ id: `${f.ids.Body![0]}/paper/3/file/0`, detail: 'kein angenommener Dateityp (nur PDF)' });
    const [notPdf] = await testDb().select().from(t.file).where(eq(t.file.externalId, `${f.ids.Body![0]}/paper/3/file/0`));
    expect(notPdf?.sha256).toBeNull();
    // A second run fetches no attachment it already holds.
    const again = await run(f, { files: true });
    expect(again.filesDownloaded).toBe(0);
  });

  it('fetches memberships, agenda items, consultations and files a source names by URL', async () => {
    const embedded = await fixture({ name: 'Eingebettet' });
    const referenced = await fixture({ name: 'Verwiesen', referenced: true });
    const a = await run(embedded);
    const b = await run(referenced);
    for (const type of ['Membership', 'AgendaItem', 'Consultation', 'File', 'Paper']) expect(b.counts[type], type).toEqual(a.counts[type]);
    expect(b.requests).toBeGreaterThan(a.requests + referenced.ids.Paper!.length);
    expect(b.deviations.all).toEqual([]);
  });
});
