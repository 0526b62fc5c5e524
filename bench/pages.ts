// `npm run bench:pages [-- --papers 10000,100000] [--runs 20]`: times the public pages, feeds and calendars over HTTP
// on generated corpora (bench:corpus) and prints a table: median and slowest response of each, and its size.
// Not a test: numbers depend on the machine. Needs `npm run build` (it serves dist/).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/server/db';
import { corpus, ensureCorpus, startPortal } from './lib/portal';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { papers: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '20' } } });
const sizes = values.papers.split(',').map(Number);
const runs = Number(values.runs);

/** One row of a page's first value from the corpus (a slug or an id), to build its URL. */
async function first(url: string, sql: string): Promise<string> {
  const db = openDatabase(url);
  try {
    const row = (await db.$client.execute(sql)).rows[0];
    if (!row) throw new Error(`Der Korpus hat keine Zeile für: ${sql}`);
    return String(Object.values(row)[0]);
  } finally {
    db.$client.close();
  }
}

/** The URLs a reader opens most, with real slugs and ids of the corpus. */
async function pagesOf(url: string): Promise<Record<string, string>> {
  const pub = (a: string) => `${a}.published_at IS NOT NULL AND ${a}.deleted_at IS NULL`;
  const paper = await first(url, `SELECT slug FROM paper p WHERE ${pub('p')} ORDER BY date DESC LIMIT 1`);
  const meeting = await first(url, `SELECT slug FROM meeting m WHERE ${pub('m')} ORDER BY start DESC LIMIT 1`);
  const organization = await first(url, `SELECT slug FROM organization o WHERE ${pub('o')} AND kind = 'committee' ORDER BY id LIMIT 1`);
  const body = await first(url, `SELECT slug FROM body b WHERE ${pub('b')} ORDER BY id LIMIT 1`);
  const demand = await first(url, `SELECT d.id FROM demand d JOIN paper p ON p.id = d.paper_id WHERE ${pub('d')} AND ${pub('p')} ORDER BY p.date DESC LIMIT 1`);
  return {
    Startseite: '/',
    'Vorlagen, Seite 1': '/vorlagen',
    'Vorlagen, Seite 200': '/vorlagen?seite=200',
    'Vorlagen einer Körperschaft, 2020': `/vorlagen?koerperschaft=${body}&jahr=2020`,
    'Vorlagen, Titelsuche': '/vorlagen?q=Radweg',
    'eine Vorlage': `/vorlagen/${paper}`,
    Sitzungen: '/sitzungen',
    'eine Sitzung': `/sitzungen/${meeting}`,
    'ein Gremium': `/gremien/${organization}`,
    Forderungen: '/forderungen',
    'Forderungen, überfällig': '/forderungen?ueberfaellig=ja',
    'eine Forderung': `/forderungen/${demand}`,
    'Atom: Vorlagen': '/feeds/vorlagen.atom',
    'Atom: Forderungen': '/feeds/forderungen.atom',
    'iCalendar: Sitzungen': '/kalender/sitzungen.ics',
    'iCalendar: Fristen': '/kalender/fristen.ics',
    'CSV: alle Forderungen': '/forderungen.csv',
  };
}

interface Timing {
  name: string;
  path: string;
  medianMs: number;
  maxMs: number;
  kb: number;
}

async function benchSize(papers: number): Promise<Timing[]> {
  const { env } = corpus(root, papers);
  await ensureCorpus(root, papers);
  const pages = await pagesOf(env.DATABASE_URL);
  const portal = await startPortal(root, env);
  try {
    const timings: Timing[] = [];
    for (const [name, url] of Object.entries(pages)) {
      const times: number[] = [];
      let bytes = 0;
      // The first request fills the tracker's in-memory list and the database's page cache: not counted.
      for (let i = 0; i <= runs; i++) {
        const started = performance.now();
        const response = await fetch(`${portal.base}${url}`);
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} antwortete mit ${response.status}.`);
        if (i > 0) times.push(performance.now() - started);
        bytes = body.byteLength;
      }
      times.sort((a, b) => a - b);
      timings.push({ name, path: url, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times.at(-1)!, kb: bytes / 1024 });
    }
    return timings;
  } finally {
    portal.stop();
  }
}

const results = new Map<number, Timing[]>();
for (const papers of sizes) results.set(papers, await benchSize(papers));
const f = (n: number, digits = 0) => n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('');
console.log(`Antwortzeiten über HTTP (bis der letzte Byte gelesen ist), Median und langsamste aus ${runs} Abrufen nach einem ersten, ungezählten.`);
console.log('');
console.log(`| Seite | ${sizes.map((n) => `${f(n)} Vorlagen: Median / max (KB)`).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
const names = results.get(sizes[0]!)!.map((t) => t.name);
for (const name of names) {
  const cells = sizes.map((n) => {
    const t = results.get(n)!.find((x) => x.name === name)!;
    return `${f(t.medianMs, 1)} / ${f(t.maxMs, 1)} ms (${f(t.kb, 1)})`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
