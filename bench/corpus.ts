// `npm run bench:corpus -- --papers 100000 [--seed 1] [--dir data/bench-100000]`: a generated corpus of
// German council documents in its own data folder (database only; the index is built by bench:search).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { progress } from '@clack/prompts';
import { openDatabase } from '@/lib/server/db';
import { prepareDatabase } from '@/lib/server/prepare';
import { generateCorpus } from './lib/corpus';

const { values } = parseArgs({ options: { papers: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, dir: { type: 'string' } } });
const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1) {
  console.error('--papers braucht eine ganze Zahl größer als 0, z. B. --papers 100000.');
  process.exit(1);
}
const dir = path.resolve(values.dir ?? `data/bench-${papers}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const url = `file:${path.join(dir, 'ratsfaden.db')}`;
const db = openDatabase(url);
const started = Date.now();
const bar = progress({ style: 'heavy', max: papers });
try {
  await prepareDatabase(db, { url, seedIfEmpty: false });
  bar.start(`Korpus mit ${papers.toLocaleString('de-DE')} Vorlagen wird erzeugt`);
  let last = 0;
  const counts = await generateCorpus(db, { papers, seed: Number(values.seed), onProgress: (done) => { bar.advance(done - last, `${done.toLocaleString('de-DE')} Vorlagen`); last = done; } });
  await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  bar.stop(`Korpus fertig in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, n]) => `${k} ${n.toLocaleString('de-DE')}`).join(', ')} (${dir})`);
} catch (error) {
  bar.error('Der Korpus konnte nicht erzeugt werden.');
  console.error(error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
