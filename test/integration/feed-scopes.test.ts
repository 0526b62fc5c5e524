// Feeds and calendars scoped to one thing: a paper with its related papers, a paper's or a demand's status feed
// without entries, one meeting's calendar file; and the dates the import gives to seeded documents.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import * as t from '@db/schema';
import { papersFeed, publicPaperId, statusFeed } from '@/lib/server/feeds/atom';
import { meetingCalendar } from '@/lib/server/feeds/calendars';
import { checkFollowUpSources, followUpSourceChoices } from '@/lib/server/tracking/follow-up-sources';
import { idBySlug, insertAgendaItem, insertDemand, insertPaper, relatePapers, testDb } from '../support/database';
import { parseXml } from '../support/html';

const ORIGIN = 'https://rat.example';
const MOTION = 'antrag-gruene-2014-03-05-willkommenskultur';
const REPORT = '3-2-0076-2014';

function feed(xml: string) {
  const doc = parseXml(xml);
  return {
    updated: [...doc.documentElement.children].find((c) => c.localName === 'updated')!.textContent,
    entries: [...doc.getElementsByTagName('entry')].map((e) => ({ link: e.getElementsByTagName('link')[0]!.getAttribute('href'), updated: e.getElementsByTagName('updated')[0]!.textContent })),
  };
}

describe('seeded documents keep their own dates', () => {
  it('publishes the seeded papers and follow-ups on the day of the document, not of the import', async () => {
    const papers = await testDb().select({ slug: t.paper.slug, publishedAt: t.paper.publishedAt, updatedAt: t.paper.updatedAt }).from(t.paper);
    expect(papers.find((p) => p.slug === MOTION)).toMatchObject({ publishedAt: '2014-03-05T12:00:00.000Z', updatedAt: '2014-03-05T12:00:00.000Z' });
    expect(papers.find((p) => p.slug === REPORT)).toMatchObject({ publishedAt: '2014-03-12T12:00:00.000Z', updatedAt: '2014-03-12T12:00:00.000Z' });
    const followUps = await testDb().select({ date: t.followUp.date, publishedAt: t.followUp.publishedAt, updatedAt: t.followUp.updatedAt }).from(t.followUp);
    for (const f of followUps) expect([f.publishedAt, f.updatedAt]).toEqual([`${f.date}T12:00:00.000Z`, `${f.date}T12:00:00.000Z`]);
  });
});

describe('papers feed of one paper', () => {
  it('holds the paper and the papers related to it either way, nothing else', async () => {
    const motion = await idBySlug(t.paper, MOTION);
    const amendment = await insertPaper({ name: 'Änderungsantrag', date: '2014-03-20', publishedAt: '2014-03-20T09:00:00.000Z', updatedAt: '2014-03-21T09:00:00.000Z' });
    await relatePapers(amendment.id, 'amends', motion);
    await insertPaper({ name: 'Unbeteiligt', date: '2014-03-21' });
    const { entries, updated } = feed(await papersFeed(ORIGIN, '/x', { aroundPaperId: motion }, 'Antrag'));
    expect(entries.map((e) => e.link).sort()).toEqual([`${ORIGIN}/vorlagen/${REPORT}`, `${ORIGIN}/vorlagen/${MOTION}`, `${ORIGIN}/vorlagen/${amendment.slug}`].sort());
    expect(updated).toBe('2014-03-21T09:00:00.000Z');
  });

  it('does not resolve a draft paper', async () => {
    const draft = await insertPaper({ publishedAt: null });
    expect(await publicPaperId(draft.slug)).toBeNull();
  });
});

describe('status feed without entries', () => {
  it('is dated by the paper it belongs to, never 1970', async () => {
    const report = await publicPaperId(REPORT);
    const { entries, updated } = feed(await statusFeed(ORIGIN, '/x', { paperIds: [report!.id] }, 'MV', report!.changedAt));
    expect(entries).toEqual([]);
    expect(updated).toBe('2014-03-12T12:00:00.000Z');
  });

  it('falls back to the newest demand’s day when the caller gives no date', async () => {
    const paper = await insertPaper({ date: '2015-04-01' });
    const demand = await insertDemand({ paperId: paper.id });
    const { entries, updated } = feed(await statusFeed(ORIGIN, '/x', { demandIds: [demand.id] }, 'Forderung'));
    expect(entries).toEqual([]);
    expect(updated).toBe('2015-04-01T12:00:00.000Z');
  });
});

describe('calendar file of one meeting', () => {
  function only(ics: string) {
    const root = new ICAL.Component(ICAL.parse(ics));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const list = root.getAllSubcomponents('vevent');
    expect(list).toHaveLength(1);
    return { event: new ICAL.Event(list[0]!), raw: list[0]! };
  }
  const base = { slug: 'sitzung', name: 'Kreistag', location: 'Kreishaus', cancelled: false, organizations: [{ slug: 'kreistag', name: 'Kreistag' }] };

  it('writes start and end in Berlin time, across the change to summer time', async () => {
    const { event, raw } = only(meetingCalendar(ORIGIN, { ...base, start: '2026-03-28T18:00:00+01:00', end: '2026-03-29T10:00:00+02:00' }));
    expect(raw.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-28T17:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(event.location).toBe('Kreishaus');
  });

  it('leaves out an end that is missing or lies before the start, and marks a cancelled meeting', async () => {
    expect(only(meetingCalendar(ORIGIN, { ...base, start: '2026-03-28T18:00:00+01:00', end: null })).raw.hasProperty('dtend')).toBe(false);
    expect(only(meetingCalendar(ORIGIN, { ...base, start: '2026-03-28T18:00:00+01:00', end: '2026-03-28T17:00:00+01:00' })).raw.hasProperty('dtend')).toBe(false);
    const cancelled = only(meetingCalendar(ORIGIN, { ...base, cancelled: true, start: '2026-03-28T18:00:00+01:00', end: null }));
    expect(cancelled.raw.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.summary).toBe('ABGESAGT: Kreistag');
  });
});

describe('sources of a follow-up', () => {
  it('offers and accepts papers and agenda items of the demand’s body only', async () => {
    const aachen = await idBySlug(t.body, 'staedteregion-aachen');
    const motion = await insertPaper({ bodyId: aachen, date: '2022-01-10' });
    const reply = await insertPaper({ bodyId: aachen, date: '2022-03-01', paperType: 'mitteilungsvorlage', reference: 'MV 1/2022' });
    const earlier = await insertPaper({ bodyId: aachen, date: '2021-01-01' });
    const foreign = await insertPaper({ date: '2022-03-01' });
    const item = await insertAgendaItem();
    const demand = await insertDemand({ paperId: motion.id });

    const choices = await followUpSourceChoices(demand.id, { paperIds: [], agendaItemIds: [] });
    const values = choices.papers.map((c) => Number(c.value));
    expect(values).toContain(reply.id);
    expect(values).not.toContain(foreign.id);
    expect(values).not.toContain(earlier.id);
    expect(choices.papers.find((c) => c.value === String(reply.id))?.label).toBe(`MV 1/2022 Testvorlage (01.03.2022)`);
    expect(choices.agendaItems.map((c) => Number(c.value))).toContain(item.id);
    // A source chosen before stays on offer, even outside the usual range.
    expect((await followUpSourceChoices(demand.id, { paperIds: [earlier.id], agendaItemIds: [] })).papers.map((c) => Number(c.value))).toContain(earlier.id);

    expect(await checkFollowUpSources(testDb(), demand.id, { sourcePaperId: reply.id, sourceAgendaItemId: item.id })).toEqual({ ok: true });
    expect(await checkFollowUpSources(testDb(), demand.id, { sourcePaperId: foreign.id })).toMatchObject({ ok: false, field: 'sourcePaperId' });
    await testDb().update(t.agendaItem).set({ deletedAt: '2026-01-01T00:00:00Z' }).where(eq(t.agendaItem.id, item.id));
    expect(await checkFollowUpSources(testDb(), demand.id, { sourceAgendaItemId: item.id })).toMatchObject({ ok: false, field: 'sourceAgendaItemId' });
  });
});
