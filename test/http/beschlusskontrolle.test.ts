// The Beschlusskontrolle as council members read it, over HTTP on the built server: a declined demand is not green,
// one identifier per demand everywhere, CSV columns of one kind each, feeds filtered and dated by the documents,
// meeting calendars with their end time, a demand of a meeting still ahead, and follow-ups that link their sources
// (chosen when adding a follow-up or corrected later).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { parseFragment, parseXml } from '../support/html';
import { clerkSetup, getPage, postForm } from '../support/back-office';
import { serverUrl } from '../support/base-url';
import { announceDirectWrites } from '../support/direct-writes';

let db: Database;
let cookie: string;
let aachenId: number;
let bentheimId: number;

const MOTION = 'antrag-gruene-2014-03-05-willkommenskultur';
const REPORT = '3-2-0076-2014';
const RUN = `bk${process.pid}`;

/** A Berlin calendar day `days` from now, as YYYY-MM-DD and as the page shows it (DD.MM.YYYY). */
function dayFromNow(days: number): { iso: string; german: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + days * 86_400_000));
  const [y, m, d] = iso.split('-');
  return { iso, german: `${d}.${m}.${y}` };
}

async function insertMeeting(values: { slug: string; start: string; end?: string | null; name?: string }) {
  const [meeting] = await db.insert(t.meeting).values({ bodyId: aachenId, name: values.name ?? 'Sitzung des Integrationsrates (Test)', meetingState: 'planned', publishedAt: '2026-01-01T10:00:00Z', ...values }).returning();
  const [item] = await db.insert(t.agendaItem).values({ meetingId: meeting!.id, order: 1, number: 'Ö 1', name: 'Bericht des Ausländeramts', public: true, publishedAt: '2026-01-01T10:00:00Z' }).returning();
  await announceDirectWrites(db);
  return { meeting: meeting!, item: item! };
}

beforeAll(async () => {
  let body: string;
  ({ db, cookie, bodyId: body } = await clerkSetup('staedteregion-aachen'));
  aachenId = Number(body);
  const [bentheim] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  bentheimId = bentheim!.id;
});
afterAll(() => db?.$client.close());

async function motionDemandId(): Promise<number> {
  const [row] = await db.select({ id: t.demand.id }).from(t.demand).innerJoin(t.paper, eq(t.paper.id, t.demand.paperId)).where(and(eq(t.paper.slug, MOTION), eq(t.demand.ordinal, 1)));
  return row!.id;
}

describe('a demand the administration declined', () => {
  it('reads "Von der Verwaltung abgelehnt" on its page, with no green mark anywhere', async () => {
    const id = await motionDemandId();
    const { status, html } = await getPage(`/forderungen/${id}`);
    expect(status).toBe(200);
    const page = parseFragment(html);
    const mark = page.querySelector('.facts .status')!;
    expect(mark.textContent).toBe('Von der Verwaltung abgelehnt');
    expect(mark.classList.contains('declined')).toBe(true);
    expect(page.querySelectorAll('.status.fulfilled')).toHaveLength(0);
    expect(html).not.toContain('Erledigt');
    // The history says where it went, and the reply links the Mitteilungsvorlage that declined it.
    const history = [...page.querySelectorAll('#statusverlauf ~ table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(history).toEqual([['05.03.2014', 'Eingereicht', 'eingebracht'], ['12.03.2014', 'Von der Verwaltung abgelehnt', 'Stellungnahme']]);
    expect(page.querySelector('.timeline a[href="/vorlagen/3-2-0076-2014"]')?.textContent).toContain('3.2/0076/2014');
  });

  it('is counted as declined in the tracker, not as fulfilled', async () => {
    const page = parseFragment((await getPage(`/forderungen?status=von_verwaltung_abgelehnt&koerperschaft=landkreis-grafschaft-bentheim`)).html);
    expect([...page.querySelectorAll('.tracker-list .status')].map((m) => m.textContent)).toEqual(['Von der Verwaltung abgelehnt']);
    const table = page.querySelector('#chart-koerperschaft-caption')!.closest('figure')!.querySelector('table')!;
    const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === 'Landkreis Grafschaft Bentheim')!;
    const cells = Object.fromEntries([...row.querySelectorAll('td')].map((td, i) => [headings[i + 1], td.textContent]));
    expect(cells).toMatchObject({ 'Erfüllt oder umgesetzt': '0', 'Abgelehnt (Gremium oder Verwaltung)': '1' });
  });
});

describe('one identifier per demand', () => {
  it('names a demand by the number of its address on its page, in the tracker, the CSV, the feed and the calendar', async () => {
    const tracker = parseFragment((await getPage('/forderungen?koerperschaft=staedteregion-aachen')).html);
    const rows = [...tracker.querySelectorAll('.tracker-list > li')];
    expect(rows.length).toBeGreaterThan(1);
    const csv: string[][] = parseCsv((await (await fetch(serverUrl('/forderungen.csv?koerperschaft=staedteregion-aachen'))).text()).replace(/^\ufeff/, ''), { delimiter: ';' });
    const feed = parseXml((await getPage('/feeds/forderungen.atom')).html);
    const calendar = (await getPage('/kalender/fristen.ics?koerperschaft=staedteregion-aachen')).html;
    // Rows are matched by address: other test files may add demands between the requests.
    const csvByAddress = new Map(csv.slice(1).map((r) => [new URL(r.at(-1)!).pathname, r]));
    let matched = 0;
    for (const row of rows) {
      const href = row.querySelector('.item-title')!.getAttribute('href')!;
      const id = Number(href.match(/^\/forderungen\/(\d+)$/)![1]);
      expect(row.querySelector('.demand-id')?.textContent).toBe(`Forderung ${id}`);
      const page = parseFragment((await getPage(href)).html);
      expect(page.querySelector('[data-kennung]')?.textContent).toMatch(new RegExp(`^Forderung ${id} · Nr\\. \\d+ (der Vorlage|zu TOP [^·]+) · StädteRegion Aachen$`));
      const record = csvByAddress.get(href);
      if (record) {
        expect(record[0]).toBe(`Forderung ${id}`);
        matched++;
      }
      for (const entry of [...feed.getElementsByTagName('entry')].filter((e) => e.getElementsByTagName('link')[0]?.getAttribute('href')?.endsWith(href))) {
        expect(entry.getElementsByTagName('title')[0]?.textContent).toMatch(new RegExp(`^Forderung ${id} „`));
      }
      if (calendar.includes(`${href}#frist`)) expect(calendar).toContain(`SUMMARY:Frist: Forderung ${id} „`);
    }
    expect(matched).toBeGreaterThan(1);
  });

  it('never heads a demand page with its position in the source instead', async () => {
    const id = await motionDemandId();
    const kennung = parseFragment((await getPage(`/forderungen/${id}`)).html).querySelector('[data-kennung]')!.textContent!;
    expect(kennung).toBe(`Forderung ${id} · Nr. 1 der Vorlage · Landkreis Grafschaft Bentheim`);
  });
});

describe('CSV of the tracker', () => {
  it('has a yes/no column "Überfällig" and the number of days in a column of its own', async () => {
    const response = await fetch(serverUrl('/forderungen.csv'));
    const [header, ...records]: string[][] = parseCsv((await response.text()).replace(/^\ufeff/, ''), { delimiter: ';' });
    const overdue = header!.indexOf('Überfällig');
    const days = header!.indexOf('Tage überfällig');
    expect(days).toBe(overdue + 1);
    expect(new Set(records.map((r) => r[overdue]))).toEqual(new Set(['ja', 'nein']));
    for (const r of records) {
      if (r[overdue] === 'ja') expect(r[days]).toMatch(/^[1-9]\d*$/);
      else expect(r[days]).toBe('');
    }
    expect(records.find((r) => r[header!.indexOf('Forderung')] === 'Terminvergabe verbessern')?.[overdue]).toBe('ja');
  });
});

describe('feeds', () => {
  const feedOf = async (path: string) => {
    const { status, html } = await getPage(path);
    expect(status, path).toBe(200);
    const doc = parseXml(html);
    const updated = [...doc.documentElement.children].find((c) => c.localName === 'updated')!.textContent;
    const entries = [...doc.getElementsByTagName('entry')].map((e) => ({
      link: e.getElementsByTagName('link')[0]!.getAttribute('href')!,
      updated: e.getElementsByTagName('updated')[0]!.textContent,
      title: e.getElementsByTagName('title')[0]!.textContent,
    }));
    return { updated, entries };
  };

  it('narrows the paper feed to one paper and the papers related to it, dated by the documents', async () => {
    const { updated, entries } = await feedOf(`/feeds/vorlagen.atom?vorlage=${MOTION}`);
    expect(entries.map((e) => new URL(e.link).pathname).sort()).toEqual([`/vorlagen/${REPORT}`, `/vorlagen/${MOTION}`].sort());
    // Seeded papers carry the document's date, not the day of the import.
    expect(Object.fromEntries(entries.map((e) => [new URL(e.link).pathname, e.updated]))).toEqual({
      [`/vorlagen/${MOTION}`]: '2014-03-05T12:00:00.000Z',
      [`/vorlagen/${REPORT}`]: '2014-03-12T12:00:00.000Z',
    });
    expect(updated).toBe('2014-03-12T12:00:00.000Z');
  });

  it.each(['/feeds/vorlagen.atom?vorlage=gibt-es-nicht', '/feeds/vorlagen.atom?vorlage='])('answers the unknown paper of %s with a German 404', async (path) => {
    const { status, html } = await getPage(path);
    expect(status).toBe(404);
    expect(html).toBe('Diese Vorlage ist nicht bekannt. Bitte prüfen Sie die Adresse.\n');
  });

  it('dates a paper’s demand feed by its newest entry, or by the paper when there is none', async () => {
    const motion = await feedOf(`/feeds/forderungen.atom?vorlage=${MOTION}`);
    expect(motion.entries.map((e) => e.updated)).toEqual(['2014-03-12T12:00:00.000Z']);
    expect(motion.updated).toBe('2014-03-12T12:00:00.000Z');
    const report = await feedOf(`/feeds/forderungen.atom?vorlage=${REPORT}`);
    expect(report.entries).toEqual([]);
    expect(report.updated).toBe('2014-03-12T12:00:00.000Z');
  });
});

describe('meeting calendars', () => {
  it('gives a meeting with an end time its DTEND in Berlin time, also in a calendar file of its own linked from its page', async () => {
    const slug = `${RUN}-sitzung-mit-ende`;
    await insertMeeting({ slug, start: '2026-12-03T17:00:00+01:00', end: '2026-12-03T19:30:00+01:00' });
    const page = await getPage(`/sitzungen/${slug}`);
    expect(page.status).toBe(200);
    expect(parseFragment(page.html).querySelector(`a[href="/sitzungen/${slug}.ics"]`)?.textContent).toContain('Kalender');

    const response = await fetch(serverUrl(`/sitzungen/${slug}.ics`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261203T170000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261203T193000');
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const root = new ICAL.Component(ICAL.parse(ics));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-12-03T18:30:00.000Z');

    const all = (await getPage('/kalender/sitzungen.ics')).html;
    const entry = all.split('BEGIN:VEVENT').find((e) => e.includes(`/sitzungen/${slug}\r\n`))!;
    expect(entry).toContain('DTEND;TZID=Europe/Berlin:20261203T193000');
  });

  it('answers the calendar file of an unknown meeting with a German 404', async () => {
    const { status, html } = await getPage('/sitzungen/gibt-es-nicht.ics');
    expect(status).toBe(404);
    expect(html).toContain('Diese Sitzung ist nicht bekannt.');
  });
});

describe('a demand raised in a meeting still ahead', () => {
  it('says when it will be discussed and starts its history "In Beratung"', async () => {
    const day = dayFromNow(40);
    const { item } = await insertMeeting({ slug: `${RUN}-kuenftige-sitzung`, start: `${day.iso}T17:00:00+01:00` });
    const raised = await postForm(`/verwaltung/tagesordnungspunkte/${item.id}`, 'demands.save', { agendaItemId: String(item.id), title: `Zukunftsforderung ${RUN}`, textMd: 'Der Integrationsrat bittet um einen Bericht.' }, cookie);
    expect(raised.status).toBe(303);
    const [demand] = await db.select().from(t.demand).where(eq(t.demand.agendaItemId, item.id));
    expect(demand!.status).toBe('in_beratung');
    const { status, html } = await getPage(`/forderungen/${demand!.id}`);
    expect(status).toBe(200);
    const page = parseFragment(html);
    expect(page.querySelector('.facts')?.textContent).toContain(`Wird in der Sitzung am ${day.german} beraten`);
    expect(html).not.toContain('Erhoben am');
    const history = [...page.querySelectorAll('#statusverlauf ~ table tbody tr')].map((tr) => tr.querySelectorAll('td')[1]!.textContent);
    expect(history).toEqual(['In Beratung']);
  });
});

describe('follow-up sources in the back office', () => {
  it('links the source paper and agenda item a clerk chose, on the public timeline', async () => {
    const [motion] = await db.insert(t.paper).values({ bodyId: aachenId, slug: `${RUN}-antrag`, name: `Antrag ${RUN}`, paperType: 'antrag', date: '2026-10-01', publishedAt: '2026-10-01T10:00:00Z' }).returning();
    const [reply] = await db.insert(t.paper).values({ bodyId: aachenId, slug: `${RUN}-antwort`, reference: `MV ${RUN}`, name: 'Antwort der Verwaltung', paperType: 'mitteilungsvorlage', date: '2026-10-20', publishedAt: '2026-10-20T10:00:00Z' }).returning();
    const [foreign] = await db.insert(t.paper).values({ bodyId: bentheimId, slug: `${RUN}-fremd`, name: 'Vorlage einer anderen Körperschaft', paperType: 'mitteilungsvorlage', date: '2026-10-20', publishedAt: '2026-10-20T10:00:00Z' }).returning();
    const { meeting, item } = await insertMeeting({ slug: `${RUN}-beratung`, start: '2026-10-28T17:00:00+01:00', name: 'Sitzung mit Bericht' });
    const [demand] = await db.insert(t.demand).values({ paperId: motion!.id, ordinal: 1, title: `Quellenforderung ${RUN}`, textMd: 'Text', textHtml: '<p>Text</p>', publishedAt: '2026-10-01T10:00:00Z' }).returning();

    const form = parseFragment((await getPage(`/verwaltung/forderungen/${demand!.id}`, cookie)).html);
    const options = (id: string) => [...form.querySelectorAll(`#${id} option`)].map((o) => o.getAttribute('value'));
    expect(options('sachstand-quelle-vorlage')).toContain(String(reply!.id));
    expect(options('sachstand-quelle-vorlage')).not.toContain(String(foreign!.id));
    expect(options('sachstand-quelle-top')).toContain(String(item.id));

    const fields = { demandId: String(demand!.id), demandVersion: '1', date: '2026-10-28', kind: 'reply', textMd: 'Die Verwaltung antwortet.', publish: 'on' };
    const refused = await postForm(`/verwaltung/forderungen/${demand!.id}`, 'followUps.add', { ...fields, sourcePaperId: String(foreign!.id) }, cookie);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Diese Vorlage gibt es nicht (mehr) bei dieser Körperschaft.');

    const added = await postForm(`/verwaltung/forderungen/${demand!.id}`, 'followUps.add', { ...fields, sourcePaperId: String(reply!.id), sourceAgendaItemId: String(item.id) }, cookie);
    expect(added.status).toBe(303);
    const timeline = parseFragment((await getPage(`/forderungen/${demand!.id}`)).html).querySelector('.timeline')!;
    expect(timeline.querySelector(`a[href="/vorlagen/${reply!.slug}"]`)?.textContent).toBe(`MV ${RUN} „Antwort der Verwaltung“`);
    expect(timeline.querySelector(`a[href="/sitzungen/${meeting.slug}#top-oe-1"]`)?.textContent).toContain('TOP Ö 1');
  });

  it('corrects a follow-up\'s sources: the public page links the new one, a foreign paper is refused, clearing removes the link', async () => {
    const paper = (slug: string, values: Partial<typeof t.paper.$inferInsert> = {}) =>
      db.insert(t.paper).values({ bodyId: aachenId, slug: `${RUN}-korr-${slug}`, name: `Vorlage ${slug}`, paperType: 'mitteilungsvorlage', date: '2026-11-20', publishedAt: '2026-11-20T10:00:00Z', ...values }).returning().then(([row]) => row!);
    const motion = await paper('antrag', { name: `Antrag ${RUN} Korrektur`, paperType: 'antrag', date: '2026-11-01' });
    const first = await paper('erste', { reference: `MV ${RUN}/1`, name: 'Erste Antwort' });
    const second = await paper('zweite', { reference: `MV ${RUN}/2`, name: 'Berichtigte Antwort' });
    const foreign = await paper('fremd', { bodyId: bentheimId, name: 'Vorlage einer anderen Körperschaft' });
    const { meeting, item } = await insertMeeting({ slug: `${RUN}-korr-beratung`, start: '2026-11-25T17:00:00+01:00', name: 'Sitzung zur Korrektur' });
    const [demand] = await db.insert(t.demand).values({ paperId: motion.id, ordinal: 1, title: `Korrekturforderung ${RUN}`, textMd: 'Text', textHtml: '<p>Text</p>', publishedAt: '2026-11-01T10:00:00Z' }).returning();
    const path = `/verwaltung/forderungen/${demand!.id}`;
    const added = await postForm(path, 'followUps.add', { demandId: String(demand!.id), demandVersion: '1', date: '2026-11-25', kind: 'reply', textMd: 'Die Verwaltung antwortet.', sourcePaperId: String(first.id), sourceAgendaItemId: String(item.id), publish: 'on' }, cookie);
    expect(added.status).toBe(303);
    const [fu] = await db.select().from(t.followUp).where(eq(t.followUp.demandId, demand!.id));
    const paperSelect = `#sachstand-${fu!.id}-quelle-vorlage`;
    const itemSelect = `#sachstand-${fu!.id}-quelle-top`;
    const selected = (page: ReturnType<typeof parseFragment>, select: string) => page.querySelector(`${select} option[selected]`)?.getAttribute('value') ?? null;
    const timeline = async () => parseFragment((await getPage(`/forderungen/${demand!.id}`)).html).querySelector('.timeline')!;

    // The correction form offers the add form's lists, preselected with the stored sources.
    const form = parseFragment((await getPage(path, cookie)).html);
    expect(form.querySelector(`label[for="${paperSelect.slice(1)}"]`)?.textContent).toBe('Quelle: Vorlage');
    expect(form.querySelector(`label[for="${itemSelect.slice(1)}"]`)?.textContent).toBe('Quelle: Tagesordnungspunkt (Niederschrift)');
    expect(selected(form, paperSelect)).toBe(String(first.id));
    expect(selected(form, itemSelect)).toBe(String(item.id));
    const offered = [...form.querySelectorAll(`${paperSelect} option`)].map((o) => o.getAttribute('value'));
    expect(offered).toEqual([...form.querySelectorAll('#sachstand-quelle-vorlage option')].map((o) => o.getAttribute('value')));
    expect(offered).toContain(String(second.id));
    expect(offered).not.toContain(String(foreign.id));

    const correction = { id: String(fu!.id), version: '1', date: '2026-11-25', kind: 'reply', sourceAgendaItemId: String(item.id), publish: 'on' };
    const refused = await postForm(path, 'followUps.edit', { ...correction, textMd: 'Die Verwaltung antwortet ausführlich.', sourcePaperId: String(foreign.id) }, cookie);
    expect(refused.status).toBe(422);
    const again = parseFragment(await refused.text());
    expect(again.querySelector(`${paperSelect}-fehler`)?.textContent).toBe('Diese Vorlage gibt es nicht (mehr) bei dieser Körperschaft. Bitte wählen Sie eine Vorlage aus der Liste.');
    expect(again.querySelector(`#sachstand-${fu!.id}-text`)?.textContent).toBe('Die Verwaltung antwortet ausführlich.');
    expect(selected(again, paperSelect)).toBe(String(foreign.id));
    expect(selected(again, itemSelect)).toBe(String(item.id));
    const [unchanged] = await db.select().from(t.followUp).where(eq(t.followUp.id, fu!.id));
    expect(unchanged).toMatchObject({ version: 1, textMd: 'Die Verwaltung antwortet.', sourcePaperId: first.id, sourceAgendaItemId: item.id });

    const corrected = await postForm(path, 'followUps.edit', { ...correction, textMd: 'Die Verwaltung antwortet.', sourcePaperId: String(second.id) }, cookie);
    expect(corrected.status).toBe(303);
    let shown = await timeline();
    expect(shown.querySelector(`a[href="/vorlagen/${second.slug}"]`)?.textContent).toBe(`MV ${RUN}/2 „Berichtigte Antwort“`);
    expect(shown.querySelector(`a[href="/vorlagen/${first.slug}"]`)).toBeNull();
    expect(shown.querySelector(`a[href="/sitzungen/${meeting.slug}#top-oe-1"]`)).not.toBeNull();
    expect(selected(parseFragment((await getPage(path, cookie)).html), paperSelect)).toBe(String(second.id));

    const cleared = await postForm(path, 'followUps.edit', { ...correction, version: '2', textMd: 'Die Verwaltung antwortet.', sourcePaperId: '', sourceAgendaItemId: '' }, cookie);
    expect(cleared.status).toBe(303);
    shown = await timeline();
    expect(shown.querySelector(`a[href="/vorlagen/${second.slug}"]`)).toBeNull();
    expect(shown.querySelector(`a[href="/sitzungen/${meeting.slug}#top-oe-1"]`)).toBeNull();
    expect(shown.textContent).toContain('Die Verwaltung antwortet.');
    expect(shown.textContent).not.toContain('Quelle:');
    const [row] = await db.select().from(t.followUp).where(eq(t.followUp.id, fu!.id));
    expect(row).toMatchObject({ version: 3, sourcePaperId: null, sourceAgendaItemId: null });
  });

  it('keeps a stored source that went to the trash since when the clerk corrects the text', async () => {
    const [motion] = await db.insert(t.paper).values({ bodyId: aachenId, slug: `${RUN}-papierkorb-antrag`, name: `Antrag ${RUN} Papierkorb`, paperType: 'antrag', date: '2026-12-01', publishedAt: '2026-12-01T10:00:00Z' }).returning();
    const [reply] = await db.insert(t.paper).values({ bodyId: aachenId, slug: `${RUN}-papierkorb-antwort`, name: 'Später entfernte Antwort', paperType: 'mitteilungsvorlage', date: '2026-12-02', publishedAt: '2026-12-02T10:00:00Z' }).returning();
    const [demand] = await db.insert(t.demand).values({ paperId: motion!.id, ordinal: 1, title: `Papierkorbforderung ${RUN}`, textMd: 'Text', textHtml: '<p>Text</p>', publishedAt: '2026-12-01T10:00:00Z' }).returning();
    const path = `/verwaltung/forderungen/${demand!.id}`;
    const added = await postForm(path, 'followUps.add', { demandId: String(demand!.id), demandVersion: '1', date: '2026-12-03', kind: 'reply', textMd: 'Antwort mit Tippfeler.', sourcePaperId: String(reply!.id), publish: 'on' }, cookie);
    expect(added.status).toBe(303);
    await db.update(t.paper).set({ deletedAt: '2026-12-04T10:00:00Z' }).where(eq(t.paper.id, reply!.id));
    const [fu] = await db.select().from(t.followUp).where(eq(t.followUp.demandId, demand!.id));

    const form = parseFragment((await getPage(path, cookie)).html);
    expect(form.querySelector(`#sachstand-${fu!.id}-quelle-vorlage option[selected]`)?.textContent).toBe(`Nr. ${reply!.id} (nicht in der Liste)`);
    const corrected = await postForm(path, 'followUps.edit', { id: String(fu!.id), version: '1', date: '2026-12-03', kind: 'reply', textMd: 'Antwort ohne Tippfehler.', sourcePaperId: String(reply!.id), sourceAgendaItemId: '', publish: 'on' }, cookie);
    expect(corrected.status).toBe(303);
    const [row] = await db.select().from(t.followUp).where(eq(t.followUp.id, fu!.id));
    expect(row).toMatchObject({ version: 2, textMd: 'Antwort ohne Tippfehler.', sourcePaperId: reply!.id });
  });
});
