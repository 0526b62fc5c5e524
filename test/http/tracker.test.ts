// The tracker over HTTP: shareable filter URLs, CSV of exactly the shown rows, feeds and calendars with the right types.
// Other files add demands to the shared server meanwhile, so the list tests look at this file's own demands only:
// they are the only ones its own office (an organization made here) is responsible for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { parseFragment, parseXml } from '../support/html';
import { serverUrl } from '../support/base-url';
import { clerkSetup, postForm } from '../support/back-office';
import { uniqueName } from '../support/unique';

async function get(path: string) {
  const response = await fetch(serverUrl(path));
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: await response.text() };
}

/** Titles of the demands listed on a tracker page, in order. */
function listedTitles(html: string): string[] {
  return [...parseFragment(html).querySelectorAll('.tracker-list .item-title')].map((a) => a.textContent!.trim());
}

let db: Database;
/** The slug of this file's office, which is responsible for this file's demands and no others. */
let office: string;
const BODY = 'landkreis-grafschaft-bentheim';
const titles = { overdue: uniqueName('Frist verpasst'), advised: uniqueName('Wird beraten'), decided: uniqueName('Beschlossen') };

beforeAll(async () => {
  const setup = await clerkSetup(BODY);
  db = setup.db;
  const { cookie, bodyId } = setup;
  const ok = (response: Response, what: string) => expect(response.status, what).toBe(303);
  const org = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: uniqueName('Amt für Beschlusskontrolle'), kind: 'office', intent: 'publish' }, cookie);
  ok(org, 'office');
  const officeId = org.headers.get('location')!.match(/gremien\/(\d+)/)![1]!;
  office = (await db.select({ slug: t.organization.slug }).from(t.organization).where(eq(t.organization.id, Number(officeId))))[0]!.slug;
  const paper = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-02', name: uniqueName('Antrag mit Forderungen'), intent: 'save' }, cookie);
  ok(paper, 'paper');
  const paperId = Number(paper.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
  for (const [title, dueDate] of [[titles.overdue, '2020-01-01'], [titles.advised, ''], [titles.decided, '']] as const) {
    // The overdue demand's due date lies before the paper's date: the clerk confirms it, as the form asks.
    ok(await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: String(paperId), title, textMd: 'Text', responsibleOrganizationId: officeId, dueDate, confirmDueDate: 'on' }, cookie), title);
  }
  const [row] = await db.select().from(t.paper).where(eq(t.paper.id, paperId));
  ok(await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', { id: String(paperId), version: String(row!.version), bodyId, paperType: 'antrag', date: row!.date, name: row!.name, intent: 'publish' }, cookie), 'publish');
  const followUp = async (title: string, statusAfter: string, date: string) => {
    const [demand] = await db.select().from(t.demand).where(eq(t.demand.title, title));
    ok(await postForm(`/verwaltung/forderungen/${demand!.id}`, 'followUps.add', { demandId: String(demand!.id), demandVersion: String(demand!.version), date, kind: 'decision', textMd: `Stand: ${statusAfter}`, statusAfter, publish: 'on' }, cookie), `${title}: ${statusAfter}`);
  };
  await followUp(titles.advised, 'in_beratung', '2026-03-10');
  await followUp(titles.decided, 'in_beratung', '2026-03-10');
  await followUp(titles.decided, 'beschlossen', '2026-04-01');
});
afterAll(() => db?.$client.close());

describe('/forderungen', () => {
  it('lists the overdue demand first and counts per status what it lists', async () => {
    const { status, body } = await get(`/forderungen?zustaendig=${office}`);
    expect(status).toBe(200);
    expect(listedTitles(body)[0]).toBe(titles.overdue);
    expect(listedTitles(body).sort()).toEqual(Object.values(titles).sort());
    const page = parseFragment(body);
    const marks = [...page.querySelectorAll('.tracker-list .status')].map((m) => m.textContent!);
    const counts = [...page.querySelectorAll('.status-counts a')].map((a) => /^(.+): (\d+)$/.exec(a.textContent!.trim())!.slice(1));
    for (const [label, n] of counts) {
      const listed = label === 'Alle' ? marks : label === 'Überfällig' ? marks.filter((m) => m.endsWith('überfällig')) : marks.filter((m) => m.startsWith(label!));
      expect(Number(n), label).toBe(listed.length);
    }
    expect(counts.find(([label]) => label === 'Überfällig')).toEqual(['Überfällig', '1']);
    expect(body).toMatch(/class="chart-plot[^"]*" role="img"/);
    expect(body).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it('keeps filters in a shareable URL and the form', async () => {
    const { body } = await get(`/forderungen?ueberfaellig=ja&zustaendig=${office}&koerperschaft=${BODY}`);
    expect(listedTitles(body)).toEqual([titles.overdue]);
    const page = parseFragment(body);
    expect((page.querySelector('#f-ueberfaellig') as HTMLInputElement).checked).toBe(true);
    expect((page.querySelector('#f-koerperschaft') as HTMLSelectElement).value).toBe(BODY);
    expect((page.querySelector('#f-zustaendig') as HTMLSelectElement).value).toBe(office);
    expect(page.querySelector('a[href^="/forderungen.csv"]')?.getAttribute('href')).toBe(`/forderungen.csv?koerperschaft=${BODY}&zustaendig=${office}&ueberfaellig=ja`);
  });

  it('answers bad filter values with a notice, not an error', async () => {
    const { status, body } = await get(`/forderungen?zustaendig=${office}&status=kaputt&seite=abc&jahr=1800`);
    expect(status).toBe(200);
    expect(body).toContain('ist ungültig');
    expect(listedTitles(body)).toEqual(listedTitles((await get(`/forderungen?zustaendig=${office}`)).body));
  });

  it('exports exactly the rows the page shows as CSV', async () => {
    for (const query of [`?zustaendig=${office}`, `?zustaendig=${office}&status=in_beratung`, `?zustaendig=${office}&ueberfaellig=ja`, `?koerperschaft=${BODY}&zustaendig=${office}&jahr=2026`]) {
      const page = await get(`/forderungen${query}`);
      const csv = await get(`/forderungen.csv${query}`);
      expect(csv.type).toBe('text/csv; charset=utf-8');
      expect(csv.disposition).toMatch(/^attachment; filename="forderungen-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows: string[][] = parseCsv(csv.body.replace(/^\ufeff/, ''), { delimiter: ';' });
      expect(listedTitles(page.body).length, query).toBeGreaterThan(0);
      expect(rows.slice(1).map((r) => r[2]), query).toEqual(listedTitles(page.body));
    }
  });
});

describe('demand page', () => {
  it('shows the timeline with its source and links back to the minutes', async () => {
    // The seed's overdue promise of the Integrationsrat, found by its title: no other file changes seed rows.
    const [seeded] = await db.select({ id: t.demand.id }).from(t.demand).where(eq(t.demand.title, 'Terminvergabe verbessern'));
    const { status, body } = await get(`/forderungen/${seeded!.id}`);
    expect(status).toBe(200);
    expect(body).toContain('Fällig am <time datetime="2022-06-30">30.06.2022</time> (Zusage)');
    expect(body).toContain('href="/sitzungen/2022-02-02-integrationsrat#top-oe-13"');
    expect(body).toContain('voraussichtlich im Juni');
    expect(body).toContain('Statusverlauf');
  });

  it.each(['/forderungen/999999', '/forderungen/abc', '/forderungen/-1'])('answers %s with 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe('feeds and calendars', () => {
  it.each(['/feeds/vorlagen.atom', '/feeds/vorlagen.atom?koerperschaft=landkreis-grafschaft-bentheim', '/feeds/vorlagen.atom?gremium=integrationsrat-staedteregion-aachen', '/feeds/forderungen.atom', '/feeds/forderungen.atom?vorlage=antrag-gruene-2014-03-05-willkommenskultur'])(
    'serves %s as well-formed Atom',
    async (path) => {
      const { status, type, body } = await get(path);
      expect(status).toBe(200);
      expect(type).toBe('application/atom+xml; charset=utf-8');
      expect(parseXml(body).documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    },
  );

  it.each(['/feeds/vorlagen.atom?gremium=unbekannt', '/feeds/forderungen.atom?vorlage=unbekannt', '/feeds/forderungen.atom?forderung=abc', '/kalender/sitzungen.ics?gremium=unbekannt'])(
    'answers unknown scope %s with a German 404',
    async (path) => {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(body).toContain('Bitte prüfen Sie die Adresse');
    },
  );

  it.each(['/kalender/sitzungen.ics', '/kalender/sitzungen.ics?gremium=integrationsrat-staedteregion-aachen', '/kalender/fristen.ics'])('serves %s as parseable iCalendar', async (path) => {
    const { status, type, body } = await get(path);
    expect(status).toBe(200);
    expect(type).toBe('text/calendar; charset=utf-8');
    expect(new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').length).toBeGreaterThan(0);
  });

  it('announces feeds on the pages they belong to', async () => {
    expect((await get('/')).body).toContain('href="/kalender/sitzungen.ics"');
    expect((await get('/vorlagen/antrag-gruene-2014-03-05-willkommenskultur')).body).toContain('href="/feeds/forderungen.atom?vorlage=antrag-gruene-2014-03-05-willkommenskultur"');
    expect((await get('/gremien/integrationsrat-staedteregion-aachen')).body).toContain('href="/kalender/sitzungen.ics?gremium=integrationsrat-staedteregion-aachen"');
  });
});
