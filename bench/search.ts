// `npm run bench:search [-- --papers 10000,100000] [--reuse-index] [--runs 5]`: builds the index of generated corpora
// (bench:corpus) and prints a table: full build time and peak memory of the indexer processes, time from a
// save to searchable, and bytes and time of a first and a second query in headless Chromium.
// Not a test: numbers depend on the machine. Needs `npm run build` (it serves dist/) and /usr/bin/chromium.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { firstHitPaintedAt } from '../test/support/first-hit';
import { treeRss } from './lib/measure';
import { corpus, ensureCorpus, runScript, startPortal } from './lib/portal';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { papers: { type: 'string', default: '10000,100000' }, 'reuse-index': { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } },
});
const sizes = values.papers.split(',').map(Number);
const MB = 1024 * 1024;

/** One timed query: bytes of index files, and milliseconds on the browser's clock and on the benchmark's. */
interface Timed {
  kb: number;
  /** From navigation start (page opened) or the Enter key (typed) until the first hit was painted (Element Timing). */
  paintMs: number;
  /** From Playwright's command until the first hit was in the DOM: adds the automation's own round trips. */
  wallMs: number;
}

interface Row {
  papers: number;
  records: number;
  partitions: number;
  buildS: number;
  peakMb: number;
  saveMs: number;
  pageKb: number;
  /** Resident memory of the portal's server after all queries and a rare term by URL (it keeps Pagefind instances for server-rendered hits). */
  serverMb: number;
  first: Timed;
  running: Timed;
  typed: Timed;
  second: Timed;
  rare: Timed;
}

/** Until the live region reports the query's hits and the first hit is in the list (server-rendered or the browser's). */
async function waitForResults(page: Page, term: string): Promise<void> {
  await page.waitForFunction(
    (t) => (document.getElementById('suche-status')?.textContent ?? '').includes(`für „${t}“`) && (/^Keine/.test(document.getElementById('suche-status')?.textContent ?? '') || !!document.querySelector('#suche-treffer li h3 a')),
    term,
    { timeout: 60_000, polling: 10 },
  );
}

/** Runs `action` (which ends once the hits are in the DOM) and sums the bytes on the wire of every response meanwhile. */
async function measure(page: Page, action: () => Promise<void>): Promise<{ searchKb: number; pageKb: number; wallMs: number }> {
  // Sizes are asked for after the timing: asking Chromium for them while the page loads would slow it down.
  const finished: Request[] = [];
  const onFinished = (request: Request) => void finished.push(request);
  page.context().on('requestfinished', onFinished);
  const started = performance.now();
  await action();
  const wallMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 300));
  page.context().off('requestfinished', onFinished);
  const bytes = { search: 0, page: 0 };
  for (const request of finished) {
    const s = await request.sizes().catch(() => null);
    if (!s) continue;
    const n = s.responseBodySize + s.responseHeadersSize;
    if (request.url().includes('/suchindex/')) bytes.search += n;
    else bytes.page += n;
  }
  return { searchKb: bytes.search / 1024, pageKb: bytes.page / 1024, wallMs };
}

/** Opens the search page with a query in a new browser context (empty cache, new connections) and times its first hit. */
async function openWithQuery(browser: Browser, base: string, term: string): Promise<Timed & { pageKb: number; page: Page }> {
  const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  const m = await measure(page, async () => {
    await page.goto(`${base}/suche?q=${encodeURIComponent(term)}`, { waitUntil: 'commit' });
    await waitForResults(page, term);
  });
  return { kb: m.searchKb, pageKb: m.pageKb, wallMs: m.wallMs, paintMs: await firstHitPaintedAt(page), page };
}

/** Types a query into the open search page and times it from the Enter key (the typing itself is not waited for). */
async function typeQuery(page: Page, term: string): Promise<Timed> {
  // Enter follows at once, well within the 300 ms after which typing alone starts the search (the submit cancels that timer).
  await page.fill('#suche-q', term);
  await page.evaluate(() => {
    const w = window as unknown as { enterAt?: number };
    delete w.enterAt;
    document.addEventListener('keydown', (e) => void (w.enterAt = e.timeStamp), { capture: true, once: true });
  });
  const m = await measure(page, async () => {
    await page.press('#suche-q', 'Enter');
    await waitForResults(page, term);
  });
  const enterAt = await page.evaluate(() => (window as unknown as { enterAt?: number }).enterAt ?? NaN);
  return { kb: m.searchKb + m.pageKb, wallMs: m.wallMs, paintMs: (await firstHitPaintedAt(page, enterAt)) - enterAt };
}

const median = <T,>(runs: T[], by: (t: T) => number): T => [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;
const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
/** Runs per timed figure; the table shows the median run. */
const RUNS = Number(values.runs);

async function benchSize(papers: number): Promise<Row> {
  const { dir, env } = corpus(root, papers);
  await ensureCorpus(root, papers);
  let buildS = NaN;
  let peakMb = NaN;
  if (!values['reuse-index'] || !fs.existsSync(path.join(dir, 'search', 'manifest.json'))) {
    fs.rmSync(path.join(dir, 'search'), { recursive: true, force: true });
    console.error(`Index für ${papers} Vorlagen wird gebaut …`);
    const build = await runScript(root, 'src/cli/search-index.ts', [], env);
    if (build.code !== 0) throw new Error(`search:index endete mit ${build.code}`);
    buildS = build.ms / 1000;
    peakMb = build.peakRss / MB;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'search', 'manifest.json'), 'utf8')) as { partitions: { records: number }[] };

  // The portal, as built, on this corpus.
  const portal = await startPortal(root, env);
  const { base } = portal;
  try {
    // A page without a query starts the server's Pagefind, as a visitor would have before.
    await fetch(`${base}/suche`).then((r) => r.text());

    // Save to searchable: a clerk's edit of the newest paper, reported through the same hook every save uses;
    // searchable once the rebuilt partition's manifest is swapped in (any reader loading /suche now finds it).
    process.env.DATA_DIR = env.DATA_DIR;
    process.env.DATABASE_URL = env.DATABASE_URL;
    const { getDb, closeDb } = await import('@/lib/server/db');
    const { contentChanged } = await import('@/lib/server/changes/report');
    const { reindexIdle } = await import('@/lib/server/search/reindex');
    const { staleBundlesRemoved } = await import('@/lib/server/search/store');
    const db = getDb();
    const newest = (await db.$client.execute('SELECT id FROM paper WHERE published_at IS NOT NULL ORDER BY date DESC LIMIT 1')).rows[0]!;
    const word = `Benchwort${papers}x${Date.now() % 100000}`;
    await db.$client.execute({ sql: "UPDATE paper SET name = name || ' ' || ? WHERE id = ?", args: [word, Number(newest.id)] });
    const saved = performance.now();
    contentChanged({ table: 'paper', id: Number(newest.id), action: 'update' });
    await reindexIdle();
    const saveMs = performance.now() - saved;
    await staleBundlesRemoved();
    closeDb();

    const term = 'Feuerwehrgerätehaus';
    // A page opened with ?q= in a freshly started Chromium: the browser's clock starts at navigation, so Chromium's
    // own start-up is not counted, but its first page (new renderer, cold caches) is.
    const firstRuns: (Timed & { pageKb: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const browser = await launch();
      try {
        const { page: _, ...run } = await openWithQuery(browser, base, term);
        firstRuns.push(run);
      } finally {
        await browser.close();
      }
    }
    const browser = await launch();
    try {
      // The same for visitors whose browser is already running: each in a fresh context (empty cache, new connections).
      const runningRuns: Timed[] = [];
      let page: Page | null = null;
      for (let i = 0; i < RUNS; i++) {
        const { page: opened, pageKb: _, ...run } = await openWithQuery(browser, base, term);
        runningRuns.push(run);
        if (page) await page.context().close();
        page = opened;
      }
      // First query typed into a loaded page (Pagefind and the newest partition's metadata load with the page).
      const typedRuns: Timed[] = [];
      for (let i = 0; i < RUNS; i++) {
        const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
        await visitor.goto(`${base}/suche`);
        await visitor.waitForFunction(() => /Suchbegriff/.test(document.getElementById('suche-status')?.textContent ?? ''), null, { timeout: 60_000 });
        typedRuns.push(await typeQuery(visitor, term));
        await visitor.context().close();
      }
      // A second query on the page opened with the first.
      const second = await typeQuery(page!, 'Glasfaser');
      // The saved word is found by a reader (confirms the swap above). It is rare, so older partitions are added
      // step by step until a page is full: the worst case for bytes.
      const rare = await typeQuery(page!, word);
      if ((await page!.locator('#suche-treffer li').count()) < 1) throw new Error('Die gespeicherte Änderung wurde nicht gefunden.');
      const first = median(firstRuns, (r) => r.paintMs);
      // The worst case for the server's memory: a rare term opened by URL makes it search older partitions too.
      if (!(await fetch(`${base}/suche?q=${encodeURIComponent(word)}`).then((r) => r.text())).includes('/vorlagen/')) throw new Error('Der Server hat die gespeicherte Änderung nicht gefunden.');
      const serverMb = portal.process.pid ? treeRss(portal.process.pid) / MB : NaN;
      return {
        papers,
        records: manifest.partitions.reduce((n, p) => n + p.records, 0),
        partitions: manifest.partitions.filter((p) => p.records > 0).length,
        buildS,
        peakMb,
        saveMs,
        pageKb: first.pageKb,
        serverMb,
        first,
        running: median(runningRuns, (r) => r.paintMs),
        typed: median(typedRuns, (r) => r.paintMs),
        second,
        rare,
      };
    } finally {
      await browser.close();
    }
  } finally {
    portal.stop();
  }
}

const rows: Row[] = [];
for (const papers of sizes) rows.push(await benchSize(papers));
const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const timed = (t: Timed) => `${f(t.kb, 1)} KB / **${f(t.paintMs)} ms** (${f(t.wallMs)})`;
console.log('');
console.log(`Zeiten: bis der erste Treffer gezeichnet ist, auf der Uhr des Browsers (Element Timing) ab Navigationsbeginn bzw. ab der Enter-Taste; in Klammern ab Playwrights Befehl bis zum Treffer im DOM. Median aus ${RUNS} Läufen, wo angegeben.`);
console.log('');
console.log(`| Vorlagen | Dokumente (Teile) | Vollaufbau | Spitzen-RSS Indexer | Speichern → auffindbar | Seite (KB) | Server-RSS | 1. Abfrage, Seite mit ?q= in neu gestartetem Chromium | dito, Browser lief schon | 1. Abfrage, in geladene Seite getippt | 2. Abfrage | seltener Begriff (ältere Teile) |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${f(r.papers)} | ${f(r.records)} (${r.partitions}) | ${f(r.buildS, 1)} s | ${f(r.peakMb)} MB | ${f(r.saveMs / 1000, 2)} s | ${f(r.pageKb, 1)} | ${f(r.serverMb)} MB | ${timed(r.first)} | ${timed(r.running)} | ${timed(r.typed)} | ${timed(r.second)} | ${timed(r.rare)} |`);
}
console.log('\nZiele bei 100.000: 1. Abfrage < 300 KB und < 300 ms, nächste < 50 KB, Speichern → auffindbar < 10 s, Indexer < 1 GiB.');
