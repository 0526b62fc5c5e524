// `npm run bench:import [-- --papers 2000]`: what mirroring an OParl system costs (issue 12). A generated fixture
// server on loopback (test/support/oparl-fixture.ts) with `--papers` papers, a meeting per 8 papers with 8 agenda
// items, two files' metadata per paper, in pages of 50; `npm run import:oparl` as its own process on a fresh,
// migrated database: the first import, a second run without changes, a third after changes and deletions. Per run:
// the time, the peak RSS of the importing process tree, the requests the source answered; then the same source naming
// its sub-objects by URL (one request each, 4 at a time). Then the deviation summary
// of the broken fixture the tests use. Not a test: the numbers depend on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startOparlFixture, type OparlFixture } from '../test/support/oparl-fixture';
import { runMeasured } from './lib/measure';

const here = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { papers: { type: 'string', default: '2000' } } });
const papers = Number(values.papers);
const tsx = path.join(here, 'node_modules/.bin/tsx');

async function importRun(fixture: OparlFixture, dir: string, db = 'bench.db'): Promise<{ ms: number; peakRss: number; requests: number }> {
  const before = fixture.requests();
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, db)}`, DATA_DIR: dir };
  const result = await runMeasured(tsx, [path.join(here, 'src/cli/import-oparl.ts'), fixture.systemUrl], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.code !== 0) throw new Error(`Der Import endete mit Code ${result.code}.`);
  return { ...result, requests: fixture.requests() - before };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsfaden-bench-import-'));
const fixture = await startOparlFixture({
  name: 'Bench-RIS', papersPerBody: papers, meetingsPerBody: Math.ceil(papers / 8), agendaItemsPerMeeting: 8, filesPerPaper: 2,
  organizationsPerBody: 30, peoplePerBody: 120, pageSize: 50,
});
const counts = Object.entries(fixture.ids).map(([type, ids]) => `${ids.length.toLocaleString('de-DE')} ${type}`).join(', ');
console.log(`Fixture: ${counts}`);
const rows: [string, { ms: number; peakRss: number; requests: number }][] = [];
try {
  rows.push(['Erster Import', await importRun(fixture, dir)]);
  rows.push(['Zweiter Lauf, keine Änderungen', await importRun(fixture, dir)]);
  fixture.advance();
  rows.push(['Dritter Lauf, Änderungen + Löschungen', await importRun(fixture, dir)]);
} finally {
  await fixture.close();
}
// The same source naming memberships, agenda items, consultations and files by URL: one request per object.
const referenced = await startOparlFixture({
  name: 'Bench-RIS-URL', papersPerBody: papers, meetingsPerBody: Math.ceil(papers / 8), agendaItemsPerMeeting: 8, filesPerPaper: 2,
  organizationsPerBody: 30, peoplePerBody: 120, pageSize: 50, referenced: true,
});
try {
  rows.push(['Erster Import, Unterobjekte per URL', await importRun(referenced, dir, 'referenced.db')]);
  rows.push(['Zweiter Lauf, Unterobjekte per URL', await importRun(referenced, dir, 'referenced.db')]);
} finally {
  await referenced.close();
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log('\n| Lauf | Zeit | Spitze RSS | Anfragen |\n|---|---:|---:|---:|');
for (const [name, r] of rows) console.log(`| ${name} | ${(r.ms / 1000).toFixed(1)} s | ${mb(r.peakRss)} | ${r.requests.toLocaleString('de-DE')} |`);
console.log(`\nZiele: erster Import < 120 s, zweiter Lauf < 15 s. ${os.cpus().length} CPU-Kerne, Node ${process.version}.`);

// The deviation summary of the broken fixture (the one the tests import), as the command prints it.
const broken = await startOparlFixture({ broken: true, examples: true });
try {
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'broken.db')}`, DATA_DIR: dir };
  // Asynchronous: the fixture answers from this process's event loop.
  const out = await promisify(execFile)(tsx, [path.join(here, 'src/cli/import-oparl.ts'), broken.systemUrl], { env, encoding: 'utf8' });
  console.log('\nAbweichungen der fehlerhaften Fixture (test/support/oparl-fixture.ts, broken + Beispiele der Spezifikation):\n');
  console.log(out.stdout.split('\n').filter((l) => !/^[│◇◆■└┌]/.test(l)).join('\n'));
} finally {
  await broken.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
