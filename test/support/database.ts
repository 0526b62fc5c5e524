// Integration-test helpers: the worker's real database, lookups by slug, and factories for rows the seed lacks.
// Every test starts on a fresh copy of the seeded template (setup/integration-db.ts), so insert rows in the test
// itself or in beforeEach; rows inserted in beforeAll are gone by the first test.
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { PaperRelationKind } from '@/lib/domain/vocabulary';
import { getDb, type Database } from '@/lib/server/db';

/** The process-wide database the code under test uses: this worker's copy of the template. */
export function testDb(): Database {
  return getDb();
}

let counter = 0;
/** A number no earlier call in this test file returned. */
export function nextNumber(): number {
  counter += 1;
  return counter;
}

/** A slug no other row has, for factories. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${nextNumber()}`;
}

const now = () => new Date().toISOString();

/** Id of the row with this slug; throws if the seed has none (catches typos in tests). */
export async function idBySlug(table: typeof t.body | typeof t.organization | typeof t.paper | typeof t.meeting | typeof t.person, slug: string): Promise<number> {
  const [row] = await testDb().select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`Kein Datensatz mit dem Slug „${slug}“ in der Testdatenbank.`);
  return row.id;
}

/** The seeded agenda item `number` of the meeting `meetingSlug`. */
export async function agendaItemByNumber(meetingSlug: string, number: string): Promise<typeof t.agendaItem.$inferSelect> {
  const meetingId = await idBySlug(t.meeting, meetingSlug);
  const [row] = await testDb().select().from(t.agendaItem).where(and(eq(t.agendaItem.meetingId, meetingId), eq(t.agendaItem.number, number)));
  if (!row) throw new Error(`Kein Tagesordnungspunkt „${number}“ in der Sitzung „${meetingSlug}“.`);
  return row;
}

type PaperValues = Partial<typeof t.paper.$inferInsert>;

/** Inserts a published paper into the Grafschaft Bentheim body (overridable) and returns the row. */
export async function insertPaper(values: PaperValues = {}): Promise<typeof t.paper.$inferSelect> {
  const bodyId = values.bodyId ?? (await idBySlug(t.body, 'landkreis-grafschaft-bentheim'));
  const [row] = await testDb()
    .insert(t.paper)
    .values({ slug: uniqueSlug('testvorlage'), name: 'Testvorlage', paperType: 'antrag', date: '2014-04-01', publishedAt: now(), ...values, bodyId })
    .returning();
  return row!;
}

/** Inserts a draft: a paper that was never published (publishedAt null). */
export function insertDraftPaper(values: PaperValues = {}): Promise<typeof t.paper.$inferSelect> {
  return insertPaper({ ...values, publishedAt: null });
}

/** Inserts a published paper that was then moved to the trash (soft delete). */
export function insertDeletedPaper(values: PaperValues = {}): Promise<typeof t.paper.$inferSelect> {
  return insertPaper({ ...values, deletedAt: now() });
}

/** Relates two papers, e.g. `relatePapers(reply.id, 'repliesTo', motion.id)`. */
export async function relatePapers(fromPaperId: number, kind: PaperRelationKind, toPaperId: number): Promise<void> {
  await testDb().insert(t.paperRelation).values({ fromPaperId, kind, toPaperId });
}

type AgendaValues = Partial<typeof t.agendaItem.$inferInsert>;

/** Inserts a published agenda item into the seeded Integrationsrat meeting (overridable). */
export async function insertAgendaItem(values: AgendaValues = {}): Promise<typeof t.agendaItem.$inferSelect> {
  const meetingId = values.meetingId ?? (await idBySlug(t.meeting, '2022-02-02-integrationsrat'));
  const n = 900 + nextNumber();
  const number = `${values.public === false ? 'N' : 'Ö'} ${n}`;
  const [row] = await testDb()
    .insert(t.agendaItem)
    .values({ order: n, number, name: 'Testpunkt', public: true, publishedAt: now(), ...values, meetingId })
    .returning();
  return row!;
}

/** Inserts a non-public agenda item whose row nevertheless holds minutes, a result and a resolution. */
export function insertNonPublicAgendaItem(values: AgendaValues = {}): Promise<typeof t.agendaItem.$inferSelect> {
  return insertAgendaItem({
    name: 'Personalangelegenheit', public: false,
    minutesMd: 'VERTRAULICH: Niederschrift', minutesHtml: '<p>VERTRAULICH: Niederschrift</p>',
    result: 'VERTRAULICH: Ergebnis', resolutionMd: 'VERTRAULICH: Beschluss', resolutionHtml: '<p>VERTRAULICH: Beschluss</p>',
    ...values,
  });
}

type DemandValues = Partial<typeof t.demand.$inferInsert> & ({ paperId: number } | { agendaItemId: number });

/** Inserts a published demand of a paper or agenda item. */
export async function insertDemand(values: DemandValues): Promise<typeof t.demand.$inferSelect> {
  const [row] = await testDb()
    .insert(t.demand)
    .values({ ordinal: 900 + nextNumber(), title: 'Testforderung', textMd: 'Text', textHtml: '<p>Text</p>', publishedAt: now(), ...values })
    .returning();
  return row!;
}

/** Every row of the content tables, to prove that an operation changed nothing. */
export async function snapshotContent(): Promise<Record<string, unknown[]>> {
  const db = testDb();
  const tables = { body: t.body, organization: t.organization, person: t.person, membership: t.membership, meeting: t.meeting, agendaItem: t.agendaItem, paper: t.paper, paperRelation: t.paperRelation, paperOriginator: t.paperOriginator, consultation: t.consultation, file: t.file, demand: t.demand, followUp: t.followUp, revision: t.revision };
  const entries = await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await db.select().from(table)] as const));
  return Object.fromEntries(entries);
}
