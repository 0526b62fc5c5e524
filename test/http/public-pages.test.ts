// The built server answers the public pages with the seed corpus, in German, with the right status codes.
import { describe, expect, inject, it } from 'vitest';
import { parseFragment } from '../support/html';
import { uniqueToken } from '../support/unique';

const base = () => inject('baseUrl');

async function get(path: string): Promise<{ status: number; html: string; type: string | null }> {
  const response = await fetch(new URL(path, base()), { redirect: 'manual' });
  return { status: response.status, html: await response.text(), type: response.headers.get('content-type') };
}

/** Internal links of a page, as absolute paths without fragment. */
function links(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

describe('public pages', () => {
  it('serves the start page in German with newest papers, meetings and bodies', async () => {
    const { status, html, type } = await get('/');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Neueste Vorlagen');
    expect(html).toContain('Landkreis Grafschaft Bentheim');
    expect(html).toContain('StädteRegion Aachen');
    expect(html).toMatch(/<form[^>]+role="search"/);
  });

  it('reaches every seed document from the start page in at most two clicks', async () => {
    const seen = new Set<string>(['/']);
    let frontier = ['/'];
    for (let depth = 0; depth < 2; depth++) {
      const next: string[] = [];
      for (const page of frontier) {
        for (const link of links((await get(page)).html)) {
          if (!seen.has(link) && !link.startsWith('/_astro') && !link.endsWith('.svg')) {
            seen.add(link);
            next.push(link);
          }
        }
      }
      frontier = next;
    }
    expect(seen).toContain('/vorlagen/3-2-0076-2014');
    expect(seen).toContain('/vorlagen/antrag-gruene-2014-03-05-willkommenskultur');
    expect(seen).toContain('/sitzungen/2022-02-02-integrationsrat');
  });

  it('shows the Mitteilungsvorlage with its metadata, full text and the motion it answers', async () => {
    const { status, html } = await get('/vorlagen/3-2-0076-2014');
    expect(status).toBe(200);
    for (const text of ['3.2/0076/2014', '3.2/Hei.', 'Mitteilungsvorlage', '12.03.2014', 'Federführung', 'Ausländerbehörde']) expect(html).toContain(text);
    expect(html).toContain('Vergleichsring „Ausländerwesen“');
    expect(html).toContain('Antwort auf');
    expect(html).toContain('href="/vorlagen/antrag-gruene-2014-03-05-willkommenskultur"');
    expect(html).toContain('Die Datei liegt Ratsfaden nicht vor.');
  });

  it('shows the motion as an editorial summary, answered by the report, with its demand declined by the administration', async () => {
    const { status, html } = await get('/vorlagen/antrag-gruene-2014-03-05-willkommenskultur');
    expect(status).toBe(200);
    expect(html).toContain('Redaktionelle Zusammenfassung');
    expect(html).toContain('beantwortet durch');
    expect(html).toContain('href="/vorlagen/3-2-0076-2014"');
    expect(html).toContain('Kreistagsfraktion BÜNDNIS 90/DIE GRÜNEN');
    expect(html).toContain('Teilnahme am Pilotprojekt');
    expect(parseFragment(html).querySelector('.demands .status')?.textContent).toBe('Von der Verwaltung abgelehnt');
    expect(parseFragment(html).querySelector('.demands .status')?.classList.contains('declined')).toBe(true);
    expect(html).toContain('0 von 1 Forderung erfüllt oder umgesetzt, 1 von der Verwaltung abgelehnt');
    expect(html).toContain('05.03.2014');
  });

  it('shows the Integrationsrat meeting with date, agenda marks, minutes and the overdue promise', async () => {
    const { status, html } = await get('/sitzungen/2022-02-02-integrationsrat');
    expect(status).toBe(200);
    expect(html).toContain('Mittwoch, 2. Februar 2022');
    expect(html).toContain('17:00 Uhr');
    expect(html).toContain('Vorstellung der neuen Leitung des Ausländeramts');
    expect(html).toContain('Frau Kreisdirektorin Nolte');
    expect(html).toContain('Kund*innen');
    expect(html).toContain('N 2');
    expect(html).toContain('nichtöffentlich');
    expect(html).toMatch(/Terminvergabe verbessern[\s\S]*?überfällig/);
    expect(html).toContain('30.06.2022');
  });

  it('lists organizations and shows members of an office', async () => {
    expect((await get('/gremien')).html).toContain('Integrationsrat der StädteRegion Aachen');
    const office = await get('/gremien/auslaenderamt-staedteregion-aachen');
    expect(office.status).toBe(200);
    expect(office.html).toContain('href="/personen/joeris-staedteregion-aachen"');
    const person = await get('/personen/joeris-staedteregion-aachen');
    expect(person.status).toBe(200);
    expect(person.html).toContain('Leiter des Ausländeramts');
  });

  it('filters the paper list by type and year and keeps the filters in the form', async () => {
    const { html } = await get('/vorlagen?art=antrag&jahr=2014');
    expect(html).toContain('/vorlagen/antrag-gruene-2014-03-05-willkommenskultur');
    expect(html).not.toContain('/vorlagen/3-2-0076-2014"');
    expect(html).toMatch(/<option value="antrag" selected/);
    // No paper of any test file has this test file's token in its title.
    const none = await get(`/vorlagen?jahr=2020&q=${uniqueToken()}`);
    expect(none.html).toContain('Keine Vorlage entspricht diesen Filtern');
  });

  it('finds a paper by its number through the search box target', async () => {
    const { html } = await get(`/vorlagen?q=${encodeURIComponent('3.2/0076/2014')}`);
    expect(html).toContain('/vorlagen/3-2-0076-2014');
    expect(html).not.toContain('/vorlagen/antrag-gruene-2014-03-05-willkommenskultur"');
  });

  it.each([
    '/vorlagen?jahr=abc&art=gutachten&sortierung=zufall&seite=0',
    '/vorlagen?gremium=gibt-es-nicht&koerperschaft=GROSS',
    '/vorlagen?seite=999',
    '/vorlagen?q=%25%27%22%3Cscript%3E',
    '/sitzungen?gremium=unbekannt&seite=abc',
  ])('answers invalid list parameters %s with the list and a German notice, not an error', async (path) => {
    const { status, html } = await get(path);
    expect(status).toBe(200);
    if (!path.includes('q=')) expect(html).toMatch(/ungültig|nicht bekannt|gibt es nicht/);
    const page = parseFragment(html);
    expect(page.querySelectorAll('script').length, 'no script reaches the page').toBe(0);
    const q = new URL(path, 'http://x').searchParams.get('q');
    if (q) expect((page.querySelector('#f-q') as HTMLInputElement).value, 'the search box keeps what was typed').toBe(q);
  });

  it.each(['/vorlagen/gibt-es-nicht', '/sitzungen/gibt-es-nicht', '/gremien/gibt-es-nicht', '/personen/gibt-es-nicht', '/dateien/999999', '/dateien/abc', '/irgendwo'])(
    'answers unknown record %s with a German 404 page',
    async (path) => {
      const { status, html } = await get(path);
      expect(status).toBe(404);
      expect(html).toContain('Seite nicht gefunden');
    },
  );
});
