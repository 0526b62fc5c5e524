// `npm run bench:cpu [-- --papers 100000] [--runs 20] [--root <checkout>] [--seconds 15]`: what each public route costs
// the server in CPU, and whether a slow route stalls the others (decision 0009, the worker pool).
// Per route, requests one after another: median wall time, CPU of the whole server process per request (all threads),
// and CPU of its main thread (the event loop) per request, read from /proc (Linux). Then /suche under load from
// 64 concurrent clients: its req/s and p99, and meanwhile the p50/p99 of a paper page fetched once at a time (what
// the other readers feel), and the server's RSS with the pool busy. `--root` serves another checkout's dist/ on the
// same corpus (to compare before and after in one sitting). Not a test: numbers depend on the machine.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/server/db';
import { treeRss } from './lib/measure';
import { corpus, ensureCorpus, startPortal } from './lib/portal';

const here = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '20' },
    root: { type: 'string', default: here },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '64' },
    'load-only': { type: 'boolean', default: false },
  },
});
const papers = Number(values.papers);
const runs = Number(values.runs);
const root = path.resolve(values.root);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** Search terms, taken in turn so no two consecutive searches are the same query. */
const TERMS = ['Haushalt', 'Radweg', 'Schule', 'Kindertagesstätte', 'Straße', 'Antrag', 'Sanierung', 'Integration'];

const TICK_MS = 1000 / 100;
/** CPU time (ms) a process, or one of its threads, has used so far (utime + stime from /proc). */
function cpuMs(pid: number, tid?: number): number {
  const stat = fs.readFileSync(tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function first(url: string, sql: string): Promise<string> {
  const db = openDatabase(url);
  try {
    return String(Object.values((await db.$client.execute(sql)).rows[0] ?? {})[0]);
  } finally {
    db.$client.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;

async function get(base: string, url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${url}`);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} antwortete mit ${response.status}.`);
  return performance.now() - started;
}

const { env } = corpus(here, papers);
await ensureCorpus(here, papers);
const pub = (a: string) => `${a}.published_at IS NOT NULL AND ${a}.deleted_at IS NULL`;
const paper = await first(env.DATABASE_URL, `SELECT slug FROM paper p WHERE ${pub('p')} ORDER BY date DESC LIMIT 1`);
const meeting = await first(env.DATABASE_URL, `SELECT m.slug FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE ${pub('m')} GROUP BY m.id ORDER BY count(*) DESC LIMIT 1`);
const body = await first(env.DATABASE_URL, `SELECT slug FROM body b WHERE ${pub('b')} ORDER BY id LIMIT 1`);
const routes: [string, (i: number) => string][] = [
  ['/suche?q=…', (i) => `/suche?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}`],
  ['/suche?q=…&jahr=2020', (i) => `/suche?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&jahr=2020`],
  ['/', () => '/'],
  ['Vorlagen einer Körperschaft, 2020', () => `/vorlagen?koerperschaft=${body}&jahr=2020`],
  ['eine Vorlage', () => `/vorlagen/${paper}`],
  ['eine Sitzung (meiste TOPs)', () => `/sitzungen/${meeting}`],
  ['Forderungen in Umsetzung', () => '/forderungen?status=in_umsetzung'],
  ['Atom: Vorlagen', () => '/feeds/vorlagen.atom'],
  ['Atom: Forderungen', () => '/feeds/forderungen.atom'],
  ['iCalendar: Sitzungen', () => '/kalender/sitzungen.ics'],
  ['iCalendar: Fristen', () => '/kalender/fristen.ics'],
  ['CSV: alle Forderungen', () => '/forderungen.csv'],
];

const portal = await startPortal(root, env);
const pid = portal.process.pid!;
try {
  console.log(`\nCPU je Anfrage, ${papers.toLocaleString('de-DE')} Vorlagen, ${root === here ? 'dieser Stand' : root}, ${runs} Anfragen nacheinander je Route\n`);
  console.log('| Route | Median ms | CPU ms/Anfrage (Prozess) | davon Hauptthread ms | RSS MB danach |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, url] of values['load-only'] ? routes.filter(([n]) => n === '/') : routes) {
    for (let i = 0; i < 3; i++) await get(portal.base, url(i + 100));
    const cpu0 = cpuMs(pid);
    const main0 = cpuMs(pid, pid);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await get(portal.base, url(i)));
    const cpu = (cpuMs(pid) - cpu0) / runs;
    const main = (cpuMs(pid, pid) - main0) / runs;
    console.log(`| ${name} | ${median(times).toFixed(1)} | ${cpu.toFixed(1)} | ${main.toFixed(1)} | ${(treeRss(pid) / 2 ** 20).toFixed(0)} |`);
  }

  // Load: `connections` clients search; meanwhile one reader opens a paper page again and again.
  let searches = 0;
  let failed = 0;
  const searchTimes: number[] = [];
  const paperTimes: number[] = [];
  const rssBefore = treeRss(pid);
  let peakRss = 0;
  const until = performance.now() + seconds * 1000;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 250);
  const client = async (c: number) => {
    for (let i = c; performance.now() < until; i += connections) {
      const started = performance.now();
      const response = await fetch(`${portal.base}/suche?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}`).catch(() => null);
      await response?.arrayBuffer();
      if (response?.status === 200) {
        searches++;
        searchTimes.push(performance.now() - started);
      } else failed++;
    }
  };
  const reader = async () => {
    while (performance.now() < until) paperTimes.push(await get(portal.base, `/vorlagen/${paper}`));
  };
  await Promise.all([...Array.from({ length: connections }, (_, c) => client(c)), reader()]);
  clearInterval(sampler);
  console.log(`\n/suche unter Last: ${connections} Verbindungen, ${seconds} s\n`);
  console.log(`Threads im Pool: ${process.env.WORKER_THREADS ?? 'Standard'}\n`);
  console.log('| Suche req/s | Suche p50 ms | Suche p99 ms | Fehler (nicht 200) | Vorlage nebenher p50 ms | Vorlage p99 ms | RSS vorher MB | RSS-Spitze MB |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${(searches / seconds).toFixed(1)} | ${median(searchTimes).toFixed(0)} | ${quantile(searchTimes, 0.99).toFixed(0)} | ${failed} | ${median(paperTimes).toFixed(0)} | ${quantile(paperTimes, 0.99).toFixed(0)} | ${(rssBefore / 2 ** 20).toFixed(0)} | ${(peakRss / 2 ** 20).toFixed(0)} |`,
  );
} finally {
  portal.stop();
}
