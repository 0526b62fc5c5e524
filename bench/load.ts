// `npm run bench:load [-- --papers 100000] [--connections 64] [--duration 20] [--warmup 3]`: drives the built server
// on a generated corpus (bench:corpus, with its search index) with autocannon, route by route, each followed by its
// static twin (the same bytes, served as a file by the same server), and prints a table: req/s, p50, p99, errors and
// timeouts, bytes, the ratios to the twin and whether the targets hold; the server's RSS; and the uncached render
// (200 distinct papers and meetings, each fetched once at one connection).
// Not a test: numbers depend on the machine. Needs `npm run build` (it serves dist/).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/server/db';
import { drive, percentile, removeTwins, stopLoad, timeEach, writeTwin, mediaType, type Load, type LoadSettings } from './lib/load';
import { sampleRss, settled } from './lib/measure';
import { corpus, ensureCorpus, ensureSearchIndex, startPortal, type RunningPortal } from './lib/portal';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { papers: { type: 'string', default: '100000' }, connections: { type: 'string', default: '64' }, duration: { type: 'string', default: '20' }, warmup: { type: 'string', default: '3' } },
});
const [papers, connections, durationS, warmupS] = [values.papers, values.connections, values.duration, values.warmup].map(Number) as [number, number, number, number];
if (![papers, connections, durationS].every((n) => Number.isInteger(n) && n > 0) || !(Number.isInteger(warmupS) && warmupS >= 0)) {
  console.error('--papers, --connections und --duration brauchen ganze Zahlen größer als 0, --warmup eine ganze Zahl ab 0.');
  process.exit(1);
}
const settings: LoadSettings = { connections, warmupS, durationS };
const UNCACHED = 200;
const MB = 1024 * 1024;

/** The first column of each row of a query on the corpus. */
async function column(url: string, sql: string, args: (string | number)[] = []): Promise<string[]> {
  const db = openDatabase(url);
  try {
    return (await db.$client.execute({ sql, args })).rows.map((row) => String(Object.values(row)[0]));
  } finally {
    db.$client.close();
  }
}

const pub = (a: string) => `${a}.published_at IS NOT NULL AND ${a}.deleted_at IS NULL`;
/** `count` published slugs of a table spread evenly over its ids, without `except`. */
const spread = (url: string, table: string, count: number, except: string) =>
  column(url, `SELECT slug FROM (SELECT slug, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM ${table} t WHERE ${pub('t')} AND slug <> ?) WHERE n % max(1, total / ?) = 0 LIMIT ?`, [except, count, count]);

/** A route under load: its row label, the file name of its twin, its path, and whether it may not exist yet. */
interface Route {
  name: string;
  twin: string;
  path: string;
  optional?: boolean;
}

const { env } = corpus(root, papers);
await ensureCorpus(root, papers);
await ensureSearchIndex(root, papers);
const [body] = await column(env.DATABASE_URL, `SELECT slug FROM body b WHERE ${pub('b')} ORDER BY id LIMIT 1`);
const [bodyId] = await column(env.DATABASE_URL, `SELECT id FROM body b WHERE ${pub('b')} ORDER BY id LIMIT 1`);
const [paper] = await column(env.DATABASE_URL, `SELECT slug FROM paper p WHERE ${pub('p')} ORDER BY date DESC LIMIT 1`);
const [meeting] = await column(env.DATABASE_URL, `SELECT slug FROM meeting m WHERE ${pub('m')} ORDER BY start DESC LIMIT 1`);
const routes: Route[] = [
  { name: 'Startseite', twin: 'start', path: '/' },
  { name: 'Vorlagen einer Körperschaft, 2020', twin: 'vorlagen-liste', path: `/vorlagen?koerperschaft=${body}&jahr=2020` },
  { name: 'eine Vorlage', twin: 'vorlage', path: `/vorlagen/${paper}` },
  { name: 'eine Sitzung', twin: 'sitzung', path: `/sitzungen/${meeting}` },
  { name: 'Forderungen in Umsetzung', twin: 'forderungen', path: '/forderungen?status=in_umsetzung' },
  { name: 'Suche „Haushalt“', twin: 'suche', path: '/suche?q=Haushalt' },
  { name: 'Atom: Vorlagen', twin: 'feed', path: '/feeds/vorlagen.atom' },
  { name: 'OParl: Vorlagen', twin: 'oparl-vorlagen', path: `/oparl/v1/body/${bodyId}/paper` },
];
// Distinct pages for the uncached render, none of them among the routes above.
const uncachedPapers = (await spread(env.DATABASE_URL, 'paper', UNCACHED, paper!)).map((s) => `/vorlagen/${s}`);
const uncachedMeetings = (await spread(env.DATABASE_URL, 'meeting', UNCACHED, meeting!)).map((s) => `/sitzungen/${s}`);
// OParl list pages (50 papers each, with their consultations, files and demands) starting at ids spread over the body.
const uncachedOparl = (await column(env.DATABASE_URL, `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM paper p WHERE p.body_id = ? AND ${pub('p')}) WHERE n % max(1, total / ?) = 0 LIMIT ?`, [Number(bodyId), UNCACHED, UNCACHED]))
  .map((id) => `/oparl/v1/body/${bodyId}/paper?after=${id}`);
if (uncachedPapers.length < UNCACHED || uncachedMeetings.length < UNCACHED || uncachedOparl.length < UNCACHED) throw new Error(`Der Korpus hat keine ${UNCACHED} Vorlagen und Sitzungen.`);

let portal: RunningPortal | null = null;
// The twins and the server go at every end of the run, Ctrl-C included.
process.on('exit', () => {
  removeTwins(root);
  portal?.stop();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopLoad();
    console.error('Abgebrochen.');
    process.exit(130);
  });
}

const loadAtStart = os.loadavg();
portal = await startPortal(root, env);
const { base } = portal;
const rss = sampleRss(portal.process.pid!);

// Each route's bytes once, written as its static twin; the twin must come back as the same bytes and media type.
const measured: { route: Route; kb: number; dynamic: Load; twin: Load }[] = [];
const leftOut: Route[] = [];
const twins = new Map<Route, { path: string; kb: number }>();
for (const route of routes) {
  const response = await fetch(`${base}${route.path}`, { redirect: 'manual' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status === 404 && route.optional) {
    leftOut.push(route);
    continue;
  }
  if (response.status !== 200) throw new Error(`${route.path} antwortete mit ${response.status}.`);
  const twin = writeTwin(root, route.twin, response.headers.get('content-type'), bytes);
  const served = await fetch(`${base}${twin}`);
  const servedBytes = new Uint8Array(await served.arrayBuffer());
  if (served.status !== 200 || Buffer.compare(servedBytes, bytes) !== 0 || mediaType(served.headers.get('content-type')) !== mediaType(response.headers.get('content-type'))) {
    throw new Error(`Der statische Zwilling ${twin} kam nicht als dieselbe Datei zurück (${served.status}, ${served.headers.get('content-type')}).`);
  }
  twins.set(route, { path: twin, kb: bytes.byteLength / 1024 });
}

/** Waits until the server has finished the requests a run left in flight (they would slow the next run), then drives a URL. */
async function driveSettled(url: string): Promise<Load> {
  const waited = await settled(portal!.process.pid!);
  if (waited > 2000) console.error(`  (${(waited / 1000).toFixed(1)} s gewartet, bis der Server fertig war)`);
  return drive(url, settings);
}

// Route, then its twin: alternating keeps the ratio fair on a machine whose other load changes meanwhile.
for (const [route, twin] of twins) {
  console.error(`${route.name}: ${route.path} …`);
  const dynamic = await driveSettled(`${base}${route.path}`);
  measured.push({ route, kb: twin.kb, dynamic, twin: await driveSettled(`${base}${twin.path}`) });
}

// The first view of each URL is a render whatever a cache does: each of these is fetched exactly once in the run.
console.error(`Ungecachtes Rendern: ${UNCACHED} Vorlagen, ${UNCACHED} Sitzungen, ${UNCACHED} OParl-Listenseiten …`);
await settled(portal.process.pid!);
const uncached = { Vorlagen: await timeEach(base, uncachedPapers), Sitzungen: await timeEach(base, uncachedMeetings), 'OParl-Listenseiten (je 50 Vorlagen)': await timeEach(base, uncachedOparl) };
const rssEnd = rss.now();
rss.stop();
portal.stop();
const loadAtEnd = os.loadavg();

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const ms = (n: number) => f(n, n < 10 ? 1 : 0);
const yes = (ok: boolean) => (ok ? 'ja' : '**nein**');
console.log('');
console.log(`${f(papers)} Vorlagen, autocannon mit ${connections} Verbindungen, je ${warmupS} s Aufwärmen und ${durationS} s Messung pro Route und pro statischem Zwilling (dieselben Bytes als Datei vom selben Server, direkt danach). Node ${process.version}, ${os.cpus().length} Kerne; Last (1/5/15 min) zu Beginn ${loadAtStart.map((n) => f(n, 2)).join(' / ')}, am Ende ${loadAtEnd.map((n) => f(n, 2)).join(' / ')}.`);
console.log('');
console.log('| Route | req/s | p50 | p99 | Fehler | Timeouts | KB | statisch: req/s | p50 | p99 | req/s ÷ statisch | p99 ÷ statisch | Ziele |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const { route, kb, dynamic: d, twin: s } of measured) {
  const share = d.reqPerS / s.reqPerS;
  const p99Ratio = d.p99Ms / s.p99Ms;
  const clean = d.errors === 0 && d.timeouts === 0;
  const targets = `${yes(share >= 0.6)} / ${yes(p99Ratio <= 2)} / ${yes(clean)}`;
  const twinErrors = s.errors + s.timeouts ? ` (statisch ${s.errors} Fehler, ${s.timeouts} Timeouts)` : '';
  console.log(`| ${route.name} | ${f(d.reqPerS)} | ${ms(d.p50Ms)} ms | ${ms(d.p99Ms)} ms | ${d.errors} | ${d.timeouts} | ${f(kb, 1)} | ${f(s.reqPerS)} | ${ms(s.p50Ms)} ms | ${ms(s.p99Ms)} ms | ${f(share * 100, 1)} % | ${f(p99Ratio, 1)}× | ${targets}${twinErrors} |`);
}
for (const route of leftOut) console.log(`\n${route.name} (${route.path}) antwortete mit 404 und wurde ausgelassen.`);
console.log('\nZiele je Route: req/s ≥ 60 % des statischen Zwillings / p99 ≤ 2× dessen p99 / keine Fehler und Timeouts.');
console.log('');
console.log(`Ungecachtes Rendern: ${UNCACHED} verschiedene Seiten je Art, jede genau einmal im Lauf abgerufen, eine Verbindung (bis der letzte Byte gelesen ist).`);
console.log('');
console.log('| Seiten | Median | p95 | max | Ziel p95 < 30 ms |');
console.log('|---|---:|---:|---:|---|');
for (const [name, times] of Object.entries(uncached)) {
  console.log(`| ${UNCACHED} ${name} | ${ms(percentile(times, 0.5))} ms | ${ms(percentile(times, 0.95))} ms | ${ms(Math.max(...times))} ms | ${yes(percentile(times, 0.95) < 30)} |`);
}
console.log('');
console.log(`Server-RSS (VmRSS des Serverprozesses, Threads eingeschlossen, alle 200 ms): Start ${f(rss.start / MB)} MB, Spitze ${f(rss.peak() / MB)} MB, Ende ${f(rssEnd / MB)} MB; Ziel < 400 MB: ${yes(rss.peak() < 400 * MB)}.`);
