// Atom feeds and iCalendar files: well-formed, parseable, the right entries and correct times.
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { decodeHTML } from 'entities';
import { parseXml } from '../support/html';
import ICAL from 'ical.js';
import * as t from '@db/schema';
import { papersFeed, statusFeed } from '@/lib/server/feeds/atom';
import { dueDatesCalendar, meetingsCalendar } from '@/lib/server/feeds/calendars';
import { loadTrackedDemands } from '@/lib/server/tracking/load';
import { idBySlug, insertPaper, testDb } from '../support/database';

const ORIGIN = 'https://rat.example';

/** An entry's title as a feed reader shows it: the type="html" text parsed as HTML, which must hold no markup. */
function readerText(raw: string): string {
  expect(raw, 'markup in a type="html" title').not.toMatch(/[<>]/);
  return decodeHTML(raw);
}

function atomEntries(xml: string): { title: string; id: string; link: string }[] {
  expect(parseXml(xml).documentElement.localName).toBe('feed');
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml);
  expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return (doc.feed.entry ?? []).map((e: { title: string | { '#text': string }; id: string; link: { '@_href': string }[] }) => ({
    title: readerText(typeof e.title === 'string' ? e.title : e.title['#text']),
    id: e.id,
    link: e.link[0]!['@_href'],
  }));
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('Atom feed of new and changed papers', () => {
  it('is well-formed and lists both seed papers, newest change first', async () => {
    const entries = atomEntries(await papersFeed(ORIGIN, '/feeds/vorlagen.atom', {}, 'alle Körperschaften'));
    expect(entries.map((e) => e.link).sort()).toEqual([`${ORIGIN}/vorlagen/3-2-0076-2014`, `${ORIGIN}/vorlagen/antrag-gruene-2014-03-05-willkommenskultur`]);
    expect(entries.map((e) => e.title)).toContain('Mitteilungsvorlage 3.2/0076/2014: Willkommenskultur in der Ausländerbehörde');
  });

  it('puts a changed paper on top and leaves out drafts', async () => {
    await insertPaper({ name: 'Neu & <geändert>', updatedAt: '2099-01-01T00:00:00.000Z' });
    await insertPaper({ name: 'Entwurf', publishedAt: null, updatedAt: '2099-02-01T00:00:00.000Z' });
    const entries = atomEntries(await papersFeed(ORIGIN, '/feeds/vorlagen.atom', {}, 'alle'));
    expect(entries[0]?.title).toBe('Antrag: Neu & <geändert>');
    expect(entries.map((e) => e.title).join()).not.toContain('Entwurf');
  });

  it('carries a clerk’s markup in titles and summaries as text, which feed readers show as typed', async () => {
    const name = '<script>alert(1)</script><img src=x onerror=alert(2)> ]]> Ende';
    await insertPaper({ name, updatedAt: '2099-03-01T00:00:00.000Z' });
    const xml = await papersFeed(ORIGIN, '/feeds/vorlagen.atom', {}, 'alle');
    expect(atomEntries(xml)[0]?.title).toBe(`Antrag: ${name}`);
    const entry = parseXml(xml).getElementsByTagName('entry')[0]!;
    for (const field of ['title', 'summary']) {
      const element = entry.getElementsByTagName(field)[0]!;
      expect(element.getAttribute('type')).toBe('html');
      expect(element.textContent, field).not.toMatch(/<(script|img)/i);
    }
  });

  it('narrows to one body or one organization', async () => {
    const aachen = atomEntries(await papersFeed(ORIGIN, '/x', { body: 'staedteregion-aachen' }, 'Aachen'));
    expect(aachen).toEqual([]);
    const group = atomEntries(await papersFeed(ORIGIN, '/x', { organization: 'gruene-kreistagsfraktion-grafschaft-bentheim' }, 'Grüne'));
    expect(group.map((e) => e.link)).toEqual([`${ORIGIN}/vorlagen/antrag-gruene-2014-03-05-willkommenskultur`]);
  });
});

describe('Atom feed of status changes', () => {
  it('has one entry per published follow-up, naming the new status', async () => {
    const entries = atomEntries(await statusFeed(ORIGIN, '/feeds/forderungen.atom', {}, 'alle'));
    expect(entries).toHaveLength(6);
    expect(entries.map((e) => e.title)).toContain('Forderung 1 „Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden“: Stellungnahme vom 12.03.2014 – neuer Stand: Von der Verwaltung abgelehnt');
    expect(new Set(entries.map((e) => e.id)).size).toBe(6);
  });

  it('narrows to the demands of one paper and to one demand', async () => {
    const motion = await idBySlug(t.paper, 'antrag-gruene-2014-03-05-willkommenskultur');
    expect(atomEntries(await statusFeed(ORIGIN, '/x', { paperIds: [motion] }, 'Antrag'))).toHaveLength(1);
    const [overdue] = (await loadTrackedDemands()).filter((d) => d.overdue);
    const entries = atomEntries(await statusFeed(ORIGIN, '/x', { demandIds: [overdue!.id] }, overdue!.title));
    expect(entries.map((e) => e.link)).toEqual([`${ORIGIN}/forderungen/${overdue!.id}`]);
  });
});

describe('iCalendar', () => {
  it('gives the Integrationsrat meeting at 17:00 Berlin time (16:00 UTC in winter)', async () => {
    const [meeting, ...rest] = events(await meetingsCalendar(ORIGIN, { name: 'Sitzungen' }));
    expect(rest).toHaveLength(0);
    expect(meeting?.summary).toBe('Sitzung des Integrationsrates');
    expect(meeting?.startDate.toJSDate().toISOString()).toBe('2022-02-02T16:00:00.000Z');
    expect(meeting?.uid).toBe(`${ORIGIN}/sitzungen/2022-02-02-integrationsrat`);
  });

  it('keeps summer-time meetings at their Berlin hour (UTC+2)', async () => {
    const bodyId = await idBySlug(t.body, 'staedteregion-aachen');
    const orgId = await idBySlug(t.organization, 'integrationsrat-staedteregion-aachen');
    const [m] = await testDb().insert(t.meeting).values({ bodyId, slug: 'sommer', name: 'Sommersitzung', start: '2099-07-01T18:30:00+02:00', publishedAt: '2026-01-01T00:00:00Z' }).returning();
    await testDb().insert(t.meetingOrganization).values({ meetingId: m!.id, organizationId: orgId });
    const list = events(await meetingsCalendar(ORIGIN, { organization: 'integrationsrat-staedteregion-aachen', name: 'Integrationsrat' }));
    expect(list.find((e) => e.summary === 'Sommersitzung')?.startDate.toJSDate().toISOString()).toBe('2099-07-01T16:30:00.000Z');
    expect(events(await meetingsCalendar(ORIGIN, { organization: 'kreistag-grafschaft-bentheim', name: 'Kreistag' }))).toHaveLength(0);
  });

  it('lists due dates of open demands as all-day events on the right day', async () => {
    const list = events(dueDatesCalendar(ORIGIN, await loadTrackedDemands(), 'Fristen'));
    expect(list).toHaveLength(1);
    expect(list[0]?.summary).toBe(`Frist: Forderung ${list[0]?.uid.match(/forderungen\/(\d+)#/)?.[1]} „Terminvergabe verbessern“ (überfällig)`);
    expect(list[0]?.startDate.isDate).toBe(true);
    expect(list[0]?.startDate.toString()).toBe('2022-06-30');
  });
});
