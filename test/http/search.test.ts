// /suche without JavaScript, and the index files the browser loads from /suchindex/.
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../support/base-url';
import { parseFragment } from '../support/html';

describe('search without JavaScript', () => {
  it('every page has a search box that leads to /suche', async () => {
    const doc = parseFragment(await (await fetch(serverUrl('/vorlagen'))).text());
    const form = doc.querySelector('form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/suche');
    expect(form?.querySelector('input[name="q"]')).not.toBeNull();
  });

  it('/suche explains that search needs JavaScript and links to the lists, filtered by the query', async () => {
    const response = await fetch(serverUrl('/suche?q=Willkommenskultur'));
    expect(response.status).toBe(200);
    const doc = parseFragment(await response.text());
    const fallback = doc.querySelector('#suche-ohne-js')!;
    expect(fallback.textContent).toContain('braucht JavaScript');
    const links = [...fallback.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('/vorlagen?q=Willkommenskultur');
    expect(links).toContain('/sitzungen');
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
