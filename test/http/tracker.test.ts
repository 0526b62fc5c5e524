// The tracker over HTTP: shareable filter URLs, CSV of exactly the shown rows, feeds and calendars with the right types.
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { parseFragment, parseXml } from '../support/html';
import { serverUrl } from '../support/base-url';

async function get(path: string) {
  const response = await fetch(serverUrl(path));
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: await response.text() };
}

/** Titles of the demands listed on a tracker page, in order. */
function listedTitles(html: string): string[] {
  return [...parseFragment(html).querySelectorAll('.tracker-list .item-title')].map((a) => a.textContent!.trim());
}

describe('/forderungen', () => {
  // Other test files add demands to the shared server, so counts are checked against the listed rows, not fixed numbers.
  it('lists the overdue demand first and counts per status what it lists', async () => {
    const { status, body } = await get('/forderungen?seite=1');
    expect(status).toBe(200);
    expect(listedTitles(body)[0]).toBe('Terminvergabe verbessern');
    const page = parseFragment(body);
    const marks = [...page.querySelectorAll('.tracker-list .status')].map((m) => m.textContent!);
    const count = (label: string) => Number(body.match(new RegExp(`>${label}: (\\d+)<`))?.[1]);
    expect(count('Alle')).toBe(marks.length);
    expect(count('In Beratung')).toBe(marks.filter((m) => m.startsWith('In Beratung')).length);
    expect(count('Von der Verwaltung abgelehnt')).toBe(marks.filter((m) => m.startsWith('Von der Verwaltung abgelehnt')).length);
    expect(count('Von der Verwaltung abgelehnt')).toBeGreaterThanOrEqual(1);
    expect(count('Überfällig')).toBe(marks.filter((m) => m.endsWith('überfällig')).length);
    expect(count('Überfällig')).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(/class="chart-plot[^"]*" role="img"/);
    expect(body).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it('keeps filters in a shareable URL and the form', async () => {
    const { body } = await get('/forderungen?ueberfaellig=ja&koerperschaft=staedteregion-aachen');
    expect(listedTitles(body)).toEqual(['Terminvergabe verbessern']);
    const page = parseFragment(body);
    expect((page.querySelector('#f-ueberfaellig') as HTMLInputElement).checked).toBe(true);
    expect((page.querySelector('#f-koerperschaft') as HTMLSelectElement).value).toBe('staedteregion-aachen');
    expect(page.querySelector('a[href^="/forderungen.csv"]')?.getAttribute('href')).toBe('/forderungen.csv?koerperschaft=staedteregion-aachen&ueberfaellig=ja');
  });

  it('answers bad filter values with a notice, not an error', async () => {
    const { status, body } = await get('/forderungen?status=kaputt&seite=abc&jahr=1800');
    expect(status).toBe(200);
    expect(body).toContain('ist ungültig');
    expect(listedTitles(body)).toEqual(listedTitles((await get('/forderungen')).body));
  });

  it('exports exactly the rows the page shows as CSV', async () => {
    for (const query of ['', '?zustaendig=auslaenderamt-staedteregion-aachen', '?status=von_verwaltung_abgelehnt', '?ueberfaellig=ja']) {
      const page = await get(`/forderungen${query}`);
      const csv = await get(`/forderungen.csv${query}`);
      expect(csv.type).toBe('text/csv; charset=utf-8');
      expect(csv.disposition).toMatch(/^attachment; filename="forderungen-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows: string[][] = parseCsv(csv.body.replace(/^\ufeff/, ''), { delimiter: ';' });
      expect(rows.slice(1).map((r) => r[2]), query).toEqual(listedTitles(page.body));
    }
  });
});

describe('demand page', () => {
  it('shows the timeline with its source and links back to the minutes', async () => {
    const tracker = parseFragment((await get('/forderungen?ueberfaellig=ja')).body);
    const href = tracker.querySelector('.tracker-list .item-title')!.getAttribute('href')!;
    const { status, body } = await get(href);
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
