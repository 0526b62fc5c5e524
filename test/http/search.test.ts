// /suche without JavaScript, and the index files the browser loads from /suchindex/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../support/base-url';
import { parseFragment } from '../support/html';
import { splitBatch } from '@/scripts/index-fetch';
import { tmpDir } from '../support/paths';

/** The names of a bundle's filter chunks, from the test server's data folder (test/support/server.ts). */
function filterNames(dir: string): string[] {
  return fs.readdirSync(path.join(tmpDir, 'server-data', 'search', dir, 'filter')).map((f) => f.replace(/\.pf_filter$/, ''));
}

describe('search on the server (also without JavaScript)', () => {
  it('every page has a search box that leads to /suche', async () => {
    const doc = parseFragment(await (await fetch(serverUrl('/vorlagen'))).text());
    const form = doc.querySelector('form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/suche');
    expect(form?.querySelector('input[name="q"]')).not.toBeNull();
  });

  it('/suche?q= renders the first page of hits on the server: titles, links, meta, excerpts with <mark>, the count in the live region', async () => {
    const response = await fetch(serverUrl('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'));
    expect(response.status).toBe(200);
    const doc = parseFragment(await response.text());
    const app = doc.querySelector('#suche-app')!;
    expect(app.hasAttribute('hidden')).toBe(false);
    expect(app.getAttribute('data-server-state')).toBe('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden');
    const status = doc.querySelector('#suche-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toMatch(/^\d+ Treffer für „Ausländerbehörden“\.$/);
    const hits = [...doc.querySelectorAll('#suche-treffer > li')];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(10);
    const paper = hits.find((li) => li.querySelector('h3 a')?.getAttribute('href') === '/vorlagen/3-2-0076-2014')!;
    expect(paper).toBeDefined();
    expect(paper.querySelector('.meta')!.textContent).toContain('Mitteilungsvorlage');
    expect(paper.querySelector('.meta')!.textContent).toContain('3.2/0076/2014');
    expect(doc.querySelectorAll('#suche-treffer mark').length).toBeGreaterThan(0);
    // Excerpts hold text and <mark> only.
    for (const li of hits) expect([...li.querySelectorAll('p:not(.meta) *')].every((el) => el.tagName === 'MARK')).toBe(true);
    // The facets are the browser's; without JavaScript their empty section stays hidden, as does the notice.
    expect(doc.querySelector('#suche-facetten-bereich')!.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('#suche-ohne-js')!.hasAttribute('hidden')).toBe(true);
  });

  it('/suche pages server-rendered hits with links that work without JavaScript', async () => {
    const doc = parseFragment(await (await fetch(serverUrl('/suche?q=Ausl%C3%A4nder'))).text());
    const status = doc.querySelector('#suche-status')!.textContent ?? '';
    const pages = /Seite 1 von (\d+)/.exec(status);
    if (!pages) return expect(doc.querySelectorAll('#suche-treffer > li').length).toBeGreaterThan(0);
    const next = doc.querySelector('#suche-seiten a[rel="next"]')!.getAttribute('href')!;
    expect(next).toBe('/suche?q=Ausl%C3%A4nder&seite=2');
    const second = parseFragment(await (await fetch(serverUrl(next))).text());
    expect(second.querySelector('#suche-status')!.textContent).toContain(`Seite 2 von ${pages[1]}`);
    const first = [...doc.querySelectorAll('#suche-treffer h3 a')].map((a) => a.getAttribute('href'));
    const then = [...second.querySelectorAll('#suche-treffer h3 a')].map((a) => a.getAttribute('href'));
    expect(then.length).toBeGreaterThan(0);
    expect(then.filter((href) => first.includes(href))).toEqual([]);
  });

  it('/suche without a query renders no hits and links to the lists, filtered by the query', async () => {
    const doc = parseFragment(await (await fetch(serverUrl('/suche'))).text());
    expect(doc.querySelectorAll('#suche-treffer > li').length).toBe(0);
    const fallback = doc.querySelector('#suche-ohne-js')!;
    expect(fallback.hasAttribute('hidden')).toBe(false);
    expect(doc.querySelector('#suche-formular')!.getAttribute('action')).toBe('/suche');
    const withQuery = parseFragment(await (await fetch(serverUrl('/suche?q=Willkommenskultur'))).text());
    const links = [...withQuery.querySelectorAll('#suche-ohne-js a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('/vorlagen?q=Willkommenskultur');
    expect(links).toContain('/sitzungen');
  });

  it('/suche with a query that finds nothing says so in the live region and shows help instead of empty facets', async () => {
    // Pagefind answers a word it does not hold with its longest prefix that it does hold, down to the first letter
    // (another file indexes "XSS"); hits that share only that letter with the word are dropped (src/lib/pagefind.ts).
    const doc = parseFragment(await (await fetch(serverUrl(`/suche?q=${encodeURIComponent('Xylophonkonzertsaal')}`))).text());
    expect(doc.querySelector('#suche-status')!.textContent).toBe('Keine Treffer für „Xylophonkonzertsaal“.');
    expect(doc.querySelectorAll('#suche-treffer > li').length).toBe(0);
    expect(doc.querySelector('#suche-facetten-bereich')!.hasAttribute('hidden')).toBe(true);
    const help = doc.querySelector('#suche-hilfe')!;
    expect(help.hasAttribute('hidden')).toBe(false);
    expect(help.textContent).toContain('Schreibweise');
    expect(help.textContent).toContain('weniger oder anderen Wörtern');
    const links = [...help.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    for (const list of ['/vorlagen', '/sitzungen', '/forderungen']) expect(links).toContain(list);
    // No filters to remove; every partition was searched, so there is nothing older to include.
    expect(help.querySelector('#suche-hilfe-filter')!.hasAttribute('hidden')).toBe(true);
    expect(help.querySelector('#suche-hilfe-zeitraum')!.hasAttribute('hidden')).toBe(true);
  });

  it('/suche with filters that leave nothing offers links that remove them, which work without JavaScript', async () => {
    const doc = parseFragment(await (await fetch(serverUrl('/suche?q=Joeris&art=Vorlage&jahr=2014'))).text());
    expect(doc.querySelector('#suche-status')!.textContent).toBe('Keine Treffer für „Joeris“.');
    const removals = [...doc.querySelectorAll('#suche-hilfe-filter a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(removals).toEqual([
      ['Art „Vorlage“ entfernen', '/suche?q=Joeris&jahr=2014'],
      ['Jahr „2014“ entfernen', '/suche?q=Joeris&art=Vorlage'],
      ['Alle Filter entfernen', '/suche?q=Joeris'],
    ]);
    const unfiltered = parseFragment(await (await fetch(serverUrl(removals[2]![1]!))).text());
    expect(unfiltered.querySelector('#suche-treffer h3 a')!.getAttribute('href')).toBe('/sitzungen/2022-02-02-integrationsrat#top-oe-13');
    expect(unfiltered.querySelector('#suche-hilfe')!.hasAttribute('hidden')).toBe(true);
  });

  it('/suche?q=<Drucksachen-Nr.> shows the paper with that number first', async () => {
    for (const q of ['3.2/0076/2014', '0076/2014']) {
      const doc = parseFragment(await (await fetch(serverUrl(`/suche?q=${encodeURIComponent(q)}`))).text());
      const first = doc.querySelector('#suche-treffer > li')!;
      expect(first.querySelector('h3 a')!.getAttribute('href'), q).toBe('/vorlagen/3-2-0076-2014');
      expect(first.querySelector('.meta')!.textContent).toContain('3.2/0076/2014');
    }
  });
});

describe('index files', () => {
  it('serves the manifest uncached and bundle files as immutable, with a CSP allowing only WebAssembly for scripts', async () => {
    const manifest = await fetch(serverUrl('/suchindex/manifest.json'));
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const { partitions } = (await manifest.json()) as { partitions: { dir: string; records: number }[] };
    expect(partitions.filter((p) => p.records > 0).length).toBeGreaterThanOrEqual(2);
    const js = await fetch(serverUrl(`/suchindex/${partitions[0]!.dir}/pagefind-worker.js`));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
  });

  it("sends Pagefind's gzip files as they are: with Content-Encoding when the client accepts gzip, else as stored", async () => {
    const { partitions } = (await (await fetch(serverUrl('/suchindex/manifest.json'))).json()) as { partitions: { dir: string; records: number }[] };
    const dir = partitions.find((p) => p.records > 0)!.dir;
    const wasm = serverUrl(`/suchindex/${dir}/wasm.de.pagefind`);
    const encoded = await fetch(wasm, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(encoded.headers.get('content-encoding')).toBe('gzip');
    expect(encoded.headers.get('vary')).toBe('Accept-Encoding');
    // fetch inflates it: what Pagefind's script gets starts with Pagefind's signature.
    expect(new TextDecoder().decode((await encoded.arrayBuffer()).slice(0, 12))).toBe('pagefind_dcd');
    const stored = await fetch(wasm, { headers: { 'Accept-Encoding': 'identity' } });
    expect(stored.headers.get('content-encoding')).toBeNull();
    const bytes = new Uint8Array(await stored.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  });

  it("serves Pagefind's script with its start-up wait shortened from 50 ms steps to 5 ms", async () => {
    const { partitions } = (await (await fetch(serverUrl('/suchindex/manifest.json'))).json()) as { partitions: { dir: string; records: number }[] };
    const script = await (await fetch(serverUrl(`/suchindex/${partitions.find((p) => p.records > 0)!.dir}/pagefind.js`))).text();
    // Fails when a new Pagefind writes the wait differently: then files.ts needs a look.
    expect(script).toContain('await asyncSleep(5)');
    expect(script).not.toContain('await asyncSleep(50)');
  });

  it('serves several index files of a bundle in one batch, each inflated and preceded by its length', async () => {
    const { partitions } = (await (await fetch(serverUrl('/suchindex/manifest.json'))).json()) as { partitions: { dir: string; records: number }[] };
    const dir = partitions.find((p) => p.records > 0)!.dir;
    const names = filterNames(dir);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const batch = await fetch(serverUrl(`/suchindex/${dir}/batch/filter/${names.join(',')}`), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('content-encoding')).toBe('gzip');
    expect(batch.headers.get('cache-control')).toContain('immutable');
    const files = splitBatch(await batch.arrayBuffer(), names.length);
    for (const [i, name] of names.entries()) {
      const single = new Uint8Array(await (await fetch(serverUrl(`/suchindex/${dir}/filter/${name}.pf_filter`), { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer());
      expect(Buffer.from(files[i]!).equals(Buffer.from(single)), name).toBe(true);
    }
    for (const bad of [`${dir}/batch/filter/${names[0]},de_0000000`, `${dir}/batch/filter/${Array(65).fill(names[0]).join(',')}`, `${dir}/batch/keys/${names[0]}`, `p/../batch/filter/${names[0]}`]) {
      expect((await fetch(serverUrl(`/suchindex/${bad}`))).status, bad).toBe(404);
    }
  });

  it("/suche preloads the newest bundle's start files, its filter chunks as one batch with sorted names", async () => {
    // With hits rendered by the server nothing is preloaded: the page shows them first, the browser's search loads later.
    const withHits = parseFragment(await (await fetch(serverUrl('/suche?q=Ausl%C3%A4nderbeh%C3%B6rden'))).text());
    expect(withHits.querySelectorAll('#suche-treffer > li').length).toBeGreaterThan(0);
    expect(withHits.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]').length).toBe(0);
    const doc = parseFragment(await (await fetch(serverUrl('/suche'))).text());
    const hrefs = [...doc.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].map((l) => l.getAttribute('href')!);
    const batch = hrefs.find((h) => h.includes('/batch/filter/'))!;
    expect(batch).toBeDefined();
    const names = batch.slice(batch.lastIndexOf('/') + 1).split(',');
    expect(names).toEqual([...names].sort());
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) expect((await fetch(serverUrl(href))).status, href).toBe(200);
  });

  it('refuses paths outside the index', async () => {
    for (const path of ['/suchindex/../ratsfaden.db', '/suchindex/p/..%2F..%2Fratsfaden.db', '/suchindex/keys/x.json', '/suchindex/p/x/%2E%2E/%2E%2E/ratsfaden.db']) {
      expect((await fetch(serverUrl(path))).status, path).toBe(404);
    }
  });

  it('the page CSP allows WebAssembly but no eval of scripts', async () => {
    const csp = (await fetch(serverUrl('/suche'))).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
  });
});
