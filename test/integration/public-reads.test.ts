// Renders that do not grow with the corpus: every public page's reads are a fixed number of statements, none of
// which reads a whole content table, and counts, facet options and the tracker's list are computed once per change.
import { describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import { dropDerivedValues } from '@/lib/server/changes/derived';
import { getPaper, listPapers, newestPapers, paperYears, recentlyChangedPapers } from '@/lib/server/papers/read';
import { getMeeting, listMeetings } from '@/lib/server/meetings/read';
import { getOrganization, getPerson, listBodies, listPeople } from '@/lib/server/people/organizations';
import { demandsOfOrganization } from '@/lib/server/tracking/demand-lists';
import { getDemand } from '@/lib/server/tracking/demand-detail';
import { trackerIndex } from '@/lib/server/tracking/cache';
import { meetingsCalendar } from '@/lib/server/feeds/calendars';
import { statusFeed } from '@/lib/server/feeds/atom';
import { idBySlug, testDb } from '../support/database';
import { recordStatements, tableScans } from '../support/statements';

const BODY = 'landkreis-grafschaft-bentheim';
const COUNCIL = 'kreistag-grafschaft-bentheim';
const COMMITTEE = 'integrationsrat-staedteregion-aachen';
const PAPER = '3-2-0076-2014';
const MEETING = '2022-02-02-integrationsrat';
const PERSON = 'joeris-staedteregion-aachen';
const NOW = new Date('2026-11-21T10:00:00Z');
const TODAY = '2026-11-21';

/** Tables that grow with the corpus: no public read may scan one whole. */
const CONTENT_TABLES = ['paper', 'meeting', 'agenda_item', 'demand', 'follow_up', 'file', 'consultation', 'paper_originator', 'paper_relation', 'meeting_organization'];

/** The reads of every public page. */
function publicReads(demandId: number, paperId: number): Record<string, () => Promise<unknown>> {
  return {
    'start page': () => Promise.all([newestPapers(5), listMeetings({ when: 'upcoming', pageSize: 5, now: NOW }), listMeetings({ when: 'past', pageSize: 5, now: NOW }), listBodies()]),
    'paper list': () => Promise.all([listBodies(), paperYears(), listPapers({}, 1, 20)]),
    'paper list, page 3': () => listPapers({}, 3, 20),
    'paper list of a body and year': () => listPapers({ body: BODY, year: 2014 }, 1, 20),
    'paper list of an organization': () => listPapers({ organization: COUNCIL }, 1, 20),
    'paper list by title': () => listPapers({ body: BODY, sort: 'titel' }, 1, 20),
    'paper list searched by title (through the trigram index)': () => listPapers({ q: 'Ausländer' }, 1, 20),
    'paper list searched by reference': () => listPapers({ q: '0076/2014' }, 1, 20),
    'a paper': () => getPaper(PAPER),
    'meetings': () => Promise.all([listMeetings({ when: 'upcoming', pageSize: 50, now: NOW }), listMeetings({ when: 'past', pageSize: 20, now: NOW })]),
    'meetings of an organization': () => listMeetings({ when: 'past', organization: COMMITTEE, pageSize: 20, now: NOW }),
    'a meeting': () => getMeeting(MEETING),
    'an organization': () => Promise.all([getOrganization(COMMITTEE, TODAY), listPapers({ organization: COMMITTEE }, 1, 10), demandsOfOrganization(COMMITTEE, TODAY)]),
    'people': () => listPeople(),
    'a person': () => getPerson(PERSON, TODAY),
    'a demand': () => getDemand(demandId, TODAY),
    'the tracker with a filter': async () => (await trackerIndex(TODAY)).select({ status: 'in_beratung' }),
    'feed of changed papers': () => recentlyChangedPapers({}, 50),
    'feed of a body': () => recentlyChangedPapers({ body: BODY }, 50),
    'feed of an organization': () => recentlyChangedPapers({ organization: COUNCIL }, 50),
    'feed around a paper': () => recentlyChangedPapers({ aroundPaperId: paperId }, 50),
    'feed of status changes': () => statusFeed('https://ratsfaden.example', '/feeds/forderungen.atom', {}, 'alle'),
    'feed of one paper’s demands': () => statusFeed('https://ratsfaden.example', '/feeds/forderungen.atom', { paperIds: [paperId] }, 'eine'),
    'meeting calendar': () => meetingsCalendar('https://ratsfaden.example', { name: 'Sitzungen' }),
  };
}

async function seedIds() {
  const paperId = await idBySlug(t.paper, PAPER);
  const [demand] = await testDb().select({ id: t.demand.id }).from(t.demand).limit(1);
  return { paperId, demandId: demand!.id };
}

/** Statements per read: right after a change (`cold`) and when the derived values are there (`warm`). */
async function statementCounts(reads: Record<string, () => Promise<unknown>>) {
  const counts: Record<string, { cold: number; warm: number }> = {};
  for (const [name, read] of Object.entries(reads)) {
    dropDerivedValues();
    const cold = (await recordStatements(read)).length;
    const warm = (await recordStatements(read)).length;
    counts[name] = { cold, warm };
  }
  return counts;
}

/** Adds 300 papers with originators and consultations, 30 meetings with agenda items, and demands on both. */
async function growCorpus(): Promise<void> {
  const db = testDb();
  const bodyId = await idBySlug(t.body, BODY);
  const councilId = await idBySlug(t.organization, COUNCIL);
  const committeeId = await idBySlug(t.organization, COMMITTEE);
  const published = '2014-06-01T12:00:00.000Z';
  const papers = await db.insert(t.paper).values(Array.from({ length: 300 }, (_, i) => ({
    bodyId, slug: `wachstum-${i}`, name: `Wachstumsvorlage ${i}`, paperType: 'antrag' as const, date: `2014-0${1 + (i % 9)}-1${i % 10}`, publishedAt: published, underDirectionOfId: councilId,
  }))).returning({ id: t.paper.id });
  await db.insert(t.paperOriginator).values(papers.map((p) => ({ paperId: p.id, organizationId: councilId })));
  await db.insert(t.consultation).values(papers.map((p, i) => ({ paperId: p.id, organizationId: committeeId, order: i })));
  await db.insert(t.demand).values(papers.slice(0, 150).map((p, i) => ({ paperId: p.id, ordinal: 1, title: `Wachstumsforderung ${i}`, textMd: 'Text', textHtml: '<p>Text</p>', publishedAt: published })));
  const meetings = await db.insert(t.meeting).values(Array.from({ length: 30 }, (_, i) => ({
    bodyId, slug: `wachstum-sitzung-${i}`, name: `Sitzung ${i}`, start: `2015-0${1 + (i % 9)}-1${i % 10}T17:00:00+01:00`, publishedAt: published,
  }))).returning({ id: t.meeting.id });
  await db.insert(t.meetingOrganization).values(meetings.map((m) => ({ meetingId: m.id, organizationId: committeeId })));
  const items = await db.insert(t.agendaItem).values(meetings.flatMap((m) => [1, 2, 3].map((n) => ({ meetingId: m.id, order: n, number: `Ö ${n}`, name: `Punkt ${n}`, public: true, publishedAt: published })))).returning({ id: t.agendaItem.id });
  await db.insert(t.demand).values(items.map((item, i) => ({ agendaItemId: item.id, ordinal: 1, title: `Forderung aus der Sitzung ${i}`, textMd: 'Text', textHtml: '<p>Text</p>', status: 'in_beratung' as const, publishedAt: published })));
}

describe('public reads at any size of the corpus', () => {
  it('scan no content table whole once counts and options are known', async () => {
    const { demandId, paperId } = await seedIds();
    const problems: string[] = [];
    for (const [name, read] of Object.entries(publicReads(demandId, paperId))) {
      await read();
      const scans = await tableScans(await recordStatements(read), CONTENT_TABLES);
      problems.push(...scans.map((s) => `${name}: ${s}`));
    }
    expect(problems).toEqual([]);
  });

  it('scan nothing whole right after a change either, but to count a list once (the tracker loads all demands by design)', async () => {
    const { demandId, paperId } = await seedIds();
    const loadsTracker = new Set(['the tracker with a filter', 'an organization', 'feed of status changes']);
    const problems: string[] = [];
    for (const [name, read] of Object.entries(publicReads(demandId, paperId))) {
      if (loadsTracker.has(name)) continue;
      dropDerivedValues();
      const scans = await tableScans((await recordStatements(read)).filter((s) => !s.sql.startsWith('select count(*)')), CONTENT_TABLES);
      problems.push(...scans.map((s) => `${name}: ${s}`));
    }
    expect(problems).toEqual([]);
  });

  it('send as many statements with 300 more papers, 30 more meetings and 240 more demands as before', async () => {
    const { demandId, paperId } = await seedIds();
    const reads = publicReads(demandId, paperId);
    const before = await statementCounts(reads);
    await growCorpus();
    const after = await statementCounts(reads);
    expect(after).toEqual(before);
    // Small, too: a page is a handful of statements, and repeat views of lists and the tracker fewer still.
    for (const [name, { cold, warm }] of Object.entries(after)) {
      expect(cold, name).toBeLessThanOrEqual(name === 'paper list' ? 30 : 20);
      expect(warm, name).toBeLessThanOrEqual(cold);
    }
    expect(after['the tracker with a filter']!.warm).toBe(0);
    expect(after['paper list of a body and year']!.warm).toBe(1);
  });

  it('count a list once for all its pages and sort orders, as the list page passes them', async () => {
    await listPapers({ body: BODY }, 1, 20);
    const other = await recordStatements(() => listPapers({ body: BODY, sort: 'aelteste', page: 2 } as Parameters<typeof listPapers>[0], 2, 20));
    expect(other.map((s) => s.sql.startsWith('select count(*)'))).toEqual([false]);
  });

  it('read the year options in one indexed step per year, and not again until a change', async () => {
    const years = await recordStatements(() => paperYears());
    // 2014 and the step that finds nothing below it.
    expect(years).toHaveLength(2);
    expect(await tableScans(years, CONTENT_TABLES)).toEqual([]);
    expect(await recordStatements(() => paperYears())).toHaveLength(0);
  });
});
