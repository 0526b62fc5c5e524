// Runs Pagefind's own browser search code in Node against a built, partitioned index (all partitions merged),
// so relevance tests assert on real results. Index files are served to Pagefind through a fetch stub.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchRanking } from '../../src/lib/search-ranking';

const PREFIX = '/__index__';

interface Hit {
  url: string;
  title: string;
  kind: string;
  excerpt: string;
}

let stubbed = false;
function stubFetch(): void {
  if (stubbed) return;
  stubbed = true;
  const real = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    if (!url.pathname.startsWith(`${PREFIX}/`)) return real(input, init);
    const file = decodeURIComponent(url.pathname.slice(PREFIX.length));
    if (!fs.existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(fs.readFileSync(file)));
  }) as typeof fetch;
}

/** Searches the index in `searchDir` (DATA_DIR/search) like the browser does; returns the hits in ranking order. */
export async function searchIndex(searchDir: string, term: string | null, options: { filters?: Record<string, unknown> } = {}): Promise<Hit[]> {
  stubFetch();
  const manifest = JSON.parse(fs.readFileSync(path.join(searchDir, 'manifest.json'), 'utf8')) as { partitions: { dir: string; records: number }[] };
  const parts = manifest.partitions.filter((p) => p.records > 0);
  if (!parts.length) return [];
  const base = (dir: string) => `${PREFIX}${path.join(searchDir, dir)}/`;
  const module = (await import(pathToFileURL(path.join(searchDir, parts[0]!.dir, 'pagefind.js')).href)) as {
    createInstance: (o: object) => {
      init: () => Promise<void>;
      mergeIndex: (p: string, o: object) => Promise<void>;
      filters: () => Promise<unknown>;
      search: (t: string | null, o: object) => Promise<{ results: { data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }> }[] }>;
      destroy: () => Promise<void>;
    };
  };
  const pf = module.createInstance({ basePath: base(parts[0]!.dir), language: 'de', ranking: searchRanking });
  await pf.init();
  for (const p of parts.slice(1)) await pf.mergeIndex(base(p.dir), { language: 'de', ranking: searchRanking });
  await pf.filters();
  const response = await pf.search(term, { filters: options.filters ?? {} });
  const hits = await Promise.all(response.results.map(async (r) => {
    const d = await r.data();
    return { url: d.url, title: d.meta.title ?? '', kind: d.meta.kind ?? '', excerpt: d.excerpt };
  }));
  await pf.destroy();
  return hits;
}
