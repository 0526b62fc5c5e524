// `npm run bench:search [-- --papers 10000,100000] [--reuse-index]`: builds the index of generated corpora
// (bench:corpus) and prints a table: full build time and peak memory of the indexer processes, time from a
// save to searchable, and bytes and time of a first and a second query in headless Chromium.
// Not a test: numbers depend on the machine. Needs `npm run build` (it serves dist/) and /usr/bin/chromium.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { freePort, runMeasured } from '../lib/server/bench/measure';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { papers: { type: 'string', default: '10000,100000' }, 'reuse-index': { type: 'boolean', default: false } } });
const sizes = values.papers.split(',').map(Number);
const MB = 1024 * 1024;

interface Row {
  papers: number;
  records: number;
  partitions: number;
  buildS: number;
  peakMb: number;
  saveMs: number;
  first: { kb: number; ms: number; pageKb: number };
  running: { kb: number; ms: number };
  second: { kb: number; ms: number };
  typed: { kb: number; ms: number };
  rare: { kb: number; ms: number };
}

const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  runMeasured(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });

/** Sums the bytes on the wire of every response (also the Pagefind worker's) while `action` runs. */
async function measure(page: Page, action: () => Promise<void>): Promise<{ search: number; page: number; ms: number }> {
  const bytes = { search: 0, page: 0 };
  // Sizes are asked for after the timing: asking Chromium for them while the page loads would slow it down.
  const finished: import('playwright-core').Request[] = [];
  const onFinished = (request: import('playwright-core').Request) => void finished.push(request);
  page.context().on('requestfinished', onFinished);
  const started = performance.now();
  await action();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 300));
  page.context().off('requestfinished', onFinished);
  for (const request of finished) {
    const s = await request.sizes().catch(() => null);
    if (!s) continue;
    const n = s.responseBodySize + s.responseHeadersSize;
    if (request.url().includes('/suchindex/')) bytes.search += n;
    else bytes.page += n;
  }
  return { ...bytes, ms };
}

/** Until the live region reports the query's hits and the first hit is in the list (server-rendered or the browser's). */
async function waitForResults(page: Page, term: string): Promise<void> {
  await page.waitForFunction(
    (t) => (document.getElementById('suche-status')?.textContent ?? '').includes(`für „${t}“`) && (/^Keine/.test(document.getElementById('suche-status')?.textContent ?? '') || !!document.querySelector('#suche-treffer li h3 a')),
    term,
    { timeout: 60_000, polling: 10 },
  );
}

async function benchSize(papers: number): Promise<Row> {
  const dir = path.join(root, 'data', `bench-${papers}`);
  const env = { DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, 'ratsfaden.db')}` };
  if (!fs.existsSync(path.join(dir, 'ratsfaden.db'))) {
    console.error(`Korpus ${papers} fehlt, wird erzeugt …`);
    await tsx('src/cli/bench-corpus.ts', ['--papers', String(papers)], {});
  }
  let buildS = NaN;
  let peakMb = NaN;
  if (!values['reuse-index'] || !fs.existsSync(path.join(dir, 'search', 'manifest.json'))) {
    fs.rmSync(path.join(dir, 'search'), { recursive: true, force: true });
    console.error(`Index für ${papers} Vorlagen wird gebaut …`);
    const build = await tsx('src/cli/search-index.ts', [], env);
    if (build.code !== 0) throw new Error(`search:index endete mit ${build.code}`);
    buildS = build.ms / 1000;
    peakMb = build.peakRss / MB;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'search', 'manifest.json'), 'utf8')) as { partitions: { records: number }[] };

  // The portal, as built, on this corpus.
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, 'dist/server/entry.mjs')], { cwd: root, env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/suche`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    // Save to searchable: a clerk's edit of the newest paper, reported through the same hook every save uses;
    // searchable once the rebuilt partition's manifest is swapped in (any reader loading /suche now finds it).
    process.env.DATA_DIR = env.DATA_DIR;
    process.env.DATABASE_URL = env.DATABASE_URL;
    const { getDb, closeDb } = await import('../lib/server/db');
    const { contentChanged } = await import('../lib/server/content-changes');
    const { reindexIdle } = await import('../lib/server/search/reindex');
    const db = getDb();
    const newest = (await db.$client.execute('SELECT id FROM paper WHERE published_at IS NOT NULL ORDER BY date DESC LIMIT 1')).rows[0]!;
    const word = `Benchwort${papers}x${Date.now() % 100000}`;
    await db.$client.execute({ sql: "UPDATE paper SET name = name || ' ' || ? WHERE id = ?", args: [word, Number(newest.id)] });
    const saved = performance.now();
    contentChanged({ table: 'paper', id: Number(newest.id), action: 'update' });
    await reindexIdle();
    const saveMs = performance.now() - saved;
    closeDb();

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      // Timed until the hits are in the DOM (as the reader sees them), not until the page's `load` event: the
      // server renders the first page of hits into the HTML, and `load` also waits for the script and the
      // index files the page preloads for the browser's own search.
      const first = await measure(page, async () => {
        await page.goto(`${base}/suche?q=Feuerwehrgerätehaus`, { waitUntil: 'commit' });
        await waitForResults(page, 'Feuerwehrgerätehaus');
      });
      // The same for a new visitor whose browser is already running (a fresh context: empty cache, new connections,
      // but Chromium's processes started): the cold measure above also pays Chromium's own start-up. Median of three.
      const warm: { search: number; ms: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ locale: 'de-DE' });
        const visitor = await context.newPage();
        warm.push(
          await measure(visitor, async () => {
            await visitor.goto(`${base}/suche?q=Feuerwehrgerätehaus`, { waitUntil: 'commit' });
            await waitForResults(visitor, 'Feuerwehrgerätehaus');
          }),
        );
        await context.close();
      }
      const running = warm.sort((a, b) => a.ms - b.ms)[1]!;
      // A typed query is timed from the Enter key, as a reader waits from there: the typing itself (Playwright's
      // fill, with its own checks, 60–140 ms here) is not part of the wait. Enter follows at once, well within the
      // 300 ms after which typing alone starts the search (the submit cancels that timer).
      await page.fill('#suche-q', 'Glasfaser');
      const second = await measure(page, async () => {
        await page.press('#suche-q', 'Enter');
        await waitForResults(page, 'Glasfaser');
      });
      // First query typed into the loaded page (Pagefind and the newest partitions' metadata are loaded at page load).
      const page2 = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await page2.goto(`${base}/suche`);
      await page2.waitForFunction(() => /Suchbegriff/.test(document.getElementById('suche-status')?.textContent ?? ''), null, { timeout: 60_000 });
      await page2.fill('#suche-q', 'Feuerwehrgerätehaus');
      const typed = await measure(page2, async () => {
        await page2.press('#suche-q', 'Enter');
        await waitForResults(page2, 'Feuerwehrgerätehaus');
      });
      // The saved word is found by a reader (confirms the swap above). It is rare, so older partitions are added
      // step by step until a page is full: the worst case for bytes.
      await page.fill('#suche-q', word);
      const rare = await measure(page, async () => {
        await page.press('#suche-q', 'Enter');
        await waitForResults(page, word);
      });
      const found = await page.locator('#suche-treffer li').count();
      if (found < 1) throw new Error('Die gespeicherte Änderung wurde nicht gefunden.');
      return {
        papers,
        records: manifest.partitions.reduce((n, p) => n + p.records, 0),
        partitions: manifest.partitions.filter((p) => p.records > 0).length,
        buildS,
        peakMb,
        saveMs,
        first: { kb: first.search / 1024, ms: first.ms, pageKb: first.page / 1024 },
        running: { kb: running.search / 1024, ms: running.ms },
        second: { kb: (second.search + second.page) / 1024, ms: second.ms },
        typed: { kb: typed.search / 1024, ms: typed.ms },
        rare: { kb: rare.search / 1024, ms: rare.ms },
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}

const rows: Row[] = [];
for (const papers of sizes) rows.push(await benchSize(papers));
const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
console.log('');
console.log('| Vorlagen | Dokumente (Teile) | Vollaufbau | Spitzen-RSS Indexer | Speichern → auffindbar | 1. Abfrage, Seite neu geladen: Index-KB / ms (Seite KB) | dito, Browser lief schon (Median aus 3) | 1. Abfrage, in geladene Seite getippt: KB / ms | 2. Abfrage: KB / ms | seltener Begriff (ältere Teile): KB / ms |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${f(r.papers)} | ${f(r.records)} (${r.partitions}) | ${f(r.buildS, 1)} s | ${f(r.peakMb)} MB | ${f(r.saveMs / 1000, 2)} s | ${f(r.first.kb, 1)} KB / ${f(r.first.ms)} ms (${f(r.first.pageKb, 1)}) | ${f(r.running.kb, 1)} KB / ${f(r.running.ms)} ms | ${f(r.typed.kb, 1)} KB / ${f(r.typed.ms)} ms | ${f(r.second.kb, 1)} KB / ${f(r.second.ms)} ms | ${f(r.rare.kb, 1)} KB / ${f(r.rare.ms)} ms |`);
}
console.log('\nZiele bei 100.000: 1. Abfrage < 300 KB und < 300 ms, nächste < 50 KB, Speichern → auffindbar < 10 s, Indexer < 1 GiB.');
