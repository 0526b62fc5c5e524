// A bad value already in the database (an impossible date, a status or kind outside the vocabulary, a size that is no
// number) never takes a page down: every page, export, feed and calendar answers 200 and shows a German placeholder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase } from '../support/base-url';
import { getPage, loginAs, postForm } from '../support/back-office';
import { parseFragment, parseXml } from '../support/html';
import { announceDirectWrites } from '../support/direct-writes';

let db: Database;
const now = new Date().toISOString();
const ids = { paper: 0, oddPaper: 0, unknownDue: 0, unknownStatus: 0, unknownPromise: 0, fromMeeting: 0, followUp: 0, meeting: 0 };
/** Stored values outside what the schema's types allow, written as an import or an old version could have left them. */
const bad = <T,>(value: unknown) => value as T;

beforeAll(async () => {
  db = openServerDatabase();
  const published = { publishedAt: now };
  const [body] = await db.insert(t.body).values({ slug: 'formatierung-testkreis', name: 'Testkreis Formatierung', replyDeadlineDays: bad<number>('sechs Wochen'), ...published }).returning();
  const bodyId = body!.id;
  const [org] = await db.insert(t.organization).values({ bodyId, slug: 'arbeitskreis-formatierung', name: 'Arbeitskreis Formatierung', kind: bad<'committee'>('arbeitskreis'), ...published }).returning();
  const [paper] = await db.insert(t.paper).values({ bodyId, slug: 'formatierung-antrag', name: 'Antrag mit unmöglichem Datum', paperType: 'antrag', date: '2026-02-31', ...published }).returning();
  const [odd] = await db.insert(t.paper).values({ bodyId, slug: 'formatierung-sonderdruck', name: 'Sonderdruck ohne Datum', paperType: bad<'antrag'>('sonderdruck'), date: 'garbage', ...published, updatedAt: 'garbage' }).returning();
  await db.insert(t.paperOriginator).values({ paperId: paper!.id, organizationId: org!.id });
  await db.insert(t.paperRelation).values({ fromPaperId: odd!.id, toPaperId: paper!.id, kind: bad<'repliesTo'>('widerspricht') });
  await db.insert(t.file).values({ paperId: odd!.id, name: 'Anlage mit unlesbarer Größe', size: bad<number>('viel'), ...published });

  const text = { textMd: 'Text', textHtml: '<p>Text</p>' };
  const demands = await db.insert(t.demand).values([
    { paperId: paper!.id, ordinal: 1, title: 'Forderung mit unmöglicher Frist', status: 'in_beratung', dueDate: '2026-13-01', ...text, ...published },
    { paperId: paper!.id, ordinal: 2, title: 'Forderung mit unbekanntem Status', status: bad<'eingereicht'>('verschollen'), dueDate: '2030-06-30', ...text, ...published },
    { paperId: paper!.id, ordinal: 3, title: 'Forderung mit kaputter Zusage', status: 'eingereicht', ...text, ...published },
  ]).returning();
  [ids.unknownDue, ids.unknownStatus, ids.unknownPromise] = demands.map((d) => d.id) as [number, number, number];
  const [followUp] = await db.insert(t.followUp).values([
    { demandId: ids.unknownDue, date: 'garbage', kind: bad<'reply'>('telefonat'), statusAfter: bad<'umgesetzt'>('kaputt'), ...text, ...published },
    { demandId: ids.unknownPromise, date: '2026-11-30', kind: 'promise', nextDueDate: '2026-02-31', ...text, ...published },
  ]).returning();

  const [noDate] = await db.insert(t.meeting).values({ bodyId, slug: 'formatierung-sitzung-ohne-datum', name: 'Sitzung ohne Datum', start: 'garbage', meetingState: bad<'held'>('vertagt'), ...published }).returning();
  // SQLite reads 31 February as 3 March, so this meeting is listed among the past ones; the pages must not.
  const [february] = await db.insert(t.meeting).values({ bodyId, slug: 'formatierung-sitzung-31-februar', name: 'Sitzung am 31. Februar', start: '2026-02-31T17:00:00+01:00', end: 'bald', ...published }).returning();
  await db.insert(t.meetingOrganization).values([{ meetingId: noDate!.id, organizationId: org!.id }, { meetingId: february!.id, organizationId: org!.id }]);
  const [item] = await db.insert(t.agendaItem).values({ meetingId: noDate!.id, order: 1, number: 'Ö 1', name: 'Punkt mit Forderung', public: true, ...published }).returning();
  const [fromMeeting] = await db.insert(t.demand).values({ agendaItemId: item!.id, ordinal: 1, title: 'Forderung aus einer Sitzung ohne Datum', status: 'in_beratung', ...text, ...published }).returning();
  await db.insert(t.consultation).values({ paperId: paper!.id, meetingId: february!.id, organizationId: org!.id, role: 'Vorberatung' });
  Object.assign(ids, { paper: paper!.id, oddPaper: odd!.id, fromMeeting: fromMeeting!.id, followUp: followUp!.id, meeting: noDate!.id });

  // Written past the app: the server learns of it only through the change log (its cached pages and tracker list).
  await announceDirectWrites(db);
});

afterAll(() => db?.$client.close());

async function get(path: string, cookie?: string) {
  const page = await getPage(path, cookie);
  expect(page.status, path).toBe(200);
  expect(page.html, path).not.toContain('Internal server error');
  return page.html;
}

/** The text of the tracker row, demand list entry or timeline entry that contains `title`. */
function itemText(html: string, selector: string, title: string): string {
  const item = [...parseFragment(html).querySelectorAll(selector)].find((el) => el.textContent!.includes(title));
  expect(item, title).toBeDefined();
  return item!.textContent!.replace(/\s+/g, ' ');
}

describe('pages with bad stored values', () => {
  it('lists the tracker with unknown dates and statuses, and does not call a demand with an unreadable due date overdue', async () => {
    const html = await get('/forderungen');
    const due = itemText(html, '.tracker-list > li', 'Forderung mit unmöglicher Frist');
    expect(due).toContain('Fällig: Datum unbekannt (festgelegte Frist)');
    expect(due).not.toContain('überfällig');
    expect(itemText(html, '.tracker-list > li', 'Forderung mit unbekanntem Status')).toContain('Status unbekannt');
    expect(itemText(html, '.tracker-list > li', 'Forderung mit kaputter Zusage')).toContain('Fällig: Datum unbekannt (Zusage)');
    expect(itemText(html, '.tracker-list > li', 'Forderung aus einer Sitzung ohne Datum')).toContain('Sitzung ohne Datum, Datum unbekannt, TOP Ö 1');
    expect(html).toContain('Jahr unbekannt');
    expect(await get('/forderungen?ueberfaellig=ja')).not.toContain('Forderung mit unmöglicher Frist');
  });

  it('exports the placeholders as CSV', async () => {
    const rows: string[][] = parseCsv((await get('/forderungen.csv?koerperschaft=formatierung-testkreis')).replace(/^\ufeff/, ''), { delimiter: ';' });
    const [header, ...lines] = rows;
    const column = (name: string) => header!.indexOf(name);
    const row = (title: string) => lines.find((r) => r[column('Forderung')] === title)!;
    expect(row('Forderung mit unmöglicher Frist')[column('Fällig am')]).toBe('Datum unbekannt');
    expect(row('Forderung mit unmöglicher Frist')[column('Überfällig')]).toBe('nein');
    expect(row('Forderung mit unmöglicher Frist')[column('Erhoben am')]).toBe('Datum unbekannt');
    expect(row('Forderung mit unbekanntem Status')[column('Status')]).toBe('Status unbekannt');
    expect(row('Forderung aus einer Sitzung ohne Datum')[column('Quelle')]).toContain('Sitzung ohne Datum am Datum unbekannt');
  });

  it('serves the calendar of due dates, leaving out the due date that is no day and naming the unknown status', async () => {
    const events = new ICAL.Component(ICAL.parse(await get('/kalender/fristen.ics'))).getAllSubcomponents('vevent');
    const urls = events.map((e) => String(e.getFirstPropertyValue('url')));
    expect(urls.some((u) => u.endsWith(`/forderungen/${ids.unknownDue}`))).toBe(false);
    expect(urls.some((u) => u.endsWith(`/forderungen/${ids.unknownPromise}`))).toBe(false);
    const unknownStatus = events.find((e) => String(e.getFirstPropertyValue('url')).endsWith(`/forderungen/${ids.unknownStatus}`));
    expect(String(unknownStatus?.getFirstPropertyValue('description'))).toContain('Stand: Status unbekannt');
  });

  it('serves the meeting calendar without the meeting whose start is no date', async () => {
    const events = new ICAL.Component(ICAL.parse(await get('/kalender/sitzungen.ics'))).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => String(e.getFirstPropertyValue('url'))).filter((u) => u.includes('formatierung-sitzung'))).toEqual([]);
  });

  it('serves both Atom feeds with the placeholders', async () => {
    for (const path of ['/feeds/vorlagen.atom', '/feeds/vorlagen.atom?koerperschaft=formatierung-testkreis']) {
      const feed = parseXml(await get(path));
      const titles = [...feed.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]!.textContent);
      expect(titles, path).toContain('Vorlage (Art unbekannt): Sonderdruck ohne Datum');
      expect(titles, path).toContain('Antrag: Antrag mit unmöglichem Datum');
    }
    for (const path of ['/feeds/forderungen.atom', '/feeds/forderungen.atom?vorlage=formatierung-antrag', `/feeds/forderungen.atom?forderung=${ids.unknownDue}`]) {
      const feed = parseXml(await get(path));
      const titles = [...feed.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]!.textContent);
      expect(titles, path).toContain(`Forderung ${ids.unknownDue} „Forderung mit unmöglicher Frist“: Eintrag (Art unbekannt) vom Datum unbekannt – neuer Stand: Status unbekannt`);
    }
  });

  it('shows the paper with an impossible date and its demands', async () => {
    const html = await get('/vorlagen/formatierung-antrag');
    expect(html).toMatch(/<dt>Datum<\/dt><dd><time>Datum unbekannt<\/time><\/dd>/);
    expect(itemText(html, '.demands > li', 'Forderung mit unmöglicher Frist')).toContain('Fällig: Datum unbekannt');
    expect(itemText(html, '.demands > li', 'Forderung mit unbekanntem Status')).toContain('Status unbekannt');
    expect(html).toContain('Verknüpft mit:');
    // The Beratungsfolge names the meeting of 31 February without a date.
    expect(itemText(html, 'table.data tr', 'Vorberatung')).toContain('Datum unbekannt');
  });

  it('shows the paper of an unknown type without a date, with an attachment of unreadable size', async () => {
    const html = await get('/vorlagen/formatierung-sonderdruck');
    expect(html).toContain('<dt>Art</dt><dd>Vorlage (Art unbekannt)</dd>');
    expect(html).toContain('Datum unbekannt');
    expect(html).toContain('Größe unbekannt');
    expect(html).toContain('Verknüpft mit:');
  });

  it('shows the meetings whose start is no date', async () => {
    const noDate = await get('/sitzungen/formatierung-sitzung-ohne-datum');
    expect(noDate).toContain('<dt>Datum</dt><dd><time>Datum unbekannt</time></dd>');
    expect(noDate).toContain('<dt>Beginn</dt><dd>Uhrzeit unbekannt</dd>');
    expect(noDate).toContain('<dt>Status</dt><dd>Stand unbekannt</dd>');
    expect(noDate).toContain('Forderung aus einer Sitzung ohne Datum');
    const february = await get('/sitzungen/formatierung-sitzung-31-februar');
    expect(february).toContain('<dt>Beginn</dt><dd>Uhrzeit unbekannt – Ende Uhrzeit unbekannt</dd>');
    expect(itemText(await get('/sitzungen'), '.item-list > li', 'Sitzung am 31. Februar')).toContain('Datum unbekannt, Uhrzeit unbekannt');
  });

  it('shows each demand page with unknown values in place', async () => {
    const unknownDue = await get(`/forderungen/${ids.unknownDue}`);
    expect(unknownDue).toContain('Fällig am <time>Datum unbekannt</time> (festgelegte Frist)');
    expect(unknownDue).not.toContain('überfällig');
    const entry = itemText(unknownDue, '.timeline > li', 'Text');
    expect(entry).toContain('Datum unbekannt: Eintrag (Art unbekannt)');
    expect(entry).toContain('Neuer Stand: Status unbekannt');
    expect(await get(`/forderungen/${ids.unknownStatus}`)).toContain('Status unbekannt');
    expect(await get(`/forderungen/${ids.unknownPromise}`)).toContain('Zugesagt bis: <time>Datum unbekannt</time>');
    expect(await get(`/forderungen/${ids.fromMeeting}`)).toContain('<dt>Sitzung</dt><dd>Erhoben in der Sitzung am <time>Datum unbekannt</time></dd>');
  });

  it('shows the start page with the paper that has no date', async () => {
    const html = await get('/');
    expect(itemText(html, '.item-list > li', 'Sonderdruck ohne Datum')).toContain('Vorlage (Art unbekannt) · Datum unbekannt');
  });

  it('lists organizations of an unknown kind instead of leaving them out', async () => {
    const section = parseFragment(await get('/gremien')).querySelector('section[aria-labelledby="koerperschaft-formatierung-testkreis"]')!;
    const heading = [...section.querySelectorAll('h3')].find((h) => h.textContent === 'Weitere (Art unbekannt)');
    expect(heading?.nextElementSibling?.textContent).toContain('Arbeitskreis Formatierung');
    expect(await get('/gremien/arbeitskreis-formatierung')).toContain('Art unbekannt · Testkreis Formatierung');
  });

  it('offers no impossible year in the paper list', async () => {
    const years = [...parseFragment(await get('/vorlagen')).querySelectorAll('#f-jahr option')].map((o) => o.textContent);
    expect(years.every((y) => y === 'Alle' || /^\d{4}$/.test(y!))).toBe(true);
  });

  it('opens the back-office editors of those records', async () => {
    const cookie = await loginAs('clerk');
    expect(await get(`/verwaltung/forderungen/${ids.unknownStatus}`, cookie)).toContain('Status: <strong>Status unbekannt</strong>');
    expect(await get(`/verwaltung/forderungen/${ids.unknownDue}`, cookie)).toContain('Eintrag (Art unbekannt)');
    expect(await get(`/verwaltung/vorlagen/${ids.oddPaper}`, cookie)).toContain('Verknüpft mit');
    await get(`/verwaltung/vorlagen/${ids.paper}`, cookie);
    await get(`/verwaltung/sitzungen/${ids.meeting}`, cookie);
  });
});
