// `npm run bench:upload [-- --bomb-mb 1024] [--pages 3000] [--root <checkout>]`: what an attachment upload costs the
// server (issue 11, decision 0010). Two uploads as a clerk to a built server on a fresh seeded database: a
// decompression bomb (a PDF whose content stream inflates to `--bomb-mb` MB of zeros, about 1 KB of file per MB)
// and a large normal PDF (`--pages` pages of text, each content stream compressed), then a one-page PDF. Per upload: the time to its
// answer and the answer, the peak RSS of the server process alone and of its process tree (the extraction's child
// included), and the latency of a public page (/vorlagen) fetched every 100 ms (one at a time) while the upload runs.
// `--root` serves another checkout's dist/ (to compare before and after in one sitting). Needs `npm run build`.
// Not a test: the numbers depend on the machine.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { configureFileDatabase, openDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrate';
import { importContent } from '@/lib/server/seed/import';
import { insertAccount } from '../test/support/users';
import { makePdfBomb } from '../test/support/pdf-bomb';
import { processRss, treeRss } from './lib/measure';
import { startPortal } from './lib/portal';

const here = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'bomb-mb': { type: 'string', default: '1024' },
    pages: { type: 'string', default: '3000' },
    root: { type: 'string', default: here },
  },
});
const root = path.resolve(values.root);
const bombMb = Number(values['bomb-mb']);
const pages = Number(values.pages);

/** A PDF of `count` pages with 40 lines of text each, every content stream FlateDecode-compressed. */
function makeLargePdf(count: number): Uint8Array {
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const kids: string[] = [];
  for (let p = 0; p < count; p++) {
    let text = 'BT /F1 10 Tf 50 780 Td 12 TL\n';
    for (let l = 0; l < 40; l++) text += `(Seite ${p + 1}, Zeile ${l + 1}: Der Kreistag beschliesst die Foerderung von Sprachkursen fuer Gefluechtete.) '\n`;
    const stream = zlib.deflateSync(Buffer.from(`${text}ET`, 'latin1'));
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${objects.length + 2} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${count} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
  });
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A fresh data folder with the seed corpus and a clerk; returns its environment and the clerk. */
async function prepare(): Promise<{ env: Record<string, string>; clerk: { email: string; password: string } }> {
  const dir = path.join(here, 'data', 'bench-upload');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const url = `file:${path.join(dir, 'ratsfaden.db')}`;
  const db = openDatabase(url);
  await configureFileDatabase(db, url);
  await applyMigrations(db, path.join(root, 'db/migrations'));
  await importContent(db, path.join(here, 'content'));
  const clerk = await insertAccount(db, { email: 'bench-klerk@example.org', name: 'Bench Klerk', role: 'clerk', password: 'Bench-Upload-Passwort-1' });
  db.$client.close();
  return { env: { DATA_DIR: dir, DATABASE_URL: url, NODE_ENV: 'production' }, clerk };
}

const { env, clerk } = await prepare();
const portal = await startPortal(root, env);
const { base } = portal;
const pid = portal.process.pid!;
try {
  const login = await fetch(`${base}/verwaltung/anmelden?_action=auth.login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ email: clerk.email, password: clerk.password, next: '/verwaltung' }),
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='))!.split(';')[0]!;
  const db = openDatabase(env.DATABASE_URL!);
  const [body] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  db.$client.close();
  const created = await fetch(`${base}/verwaltung/vorlagen/neu?_action=papers.save`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie },
    body: new URLSearchParams({ version: '0', bodyId: String(body!.id), paperType: 'mitteilungsvorlage', date: '2026-11-04', name: 'Vorlage für den Upload-Benchmark', intent: 'save' }),
  });
  const paperId = Number(created.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
  // Warm the public page and the editor once, so the first measured fetch is not a cold render.
  await (await fetch(`${base}/vorlagen`)).text();

  /** One upload with its measurements. */
  async function measure(label: string, bytes: Uint8Array, fileName: string) {
    const form = new FormData();
    form.set('paperId', String(paperId));
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
    const serverBefore = processRss(pid);
    let serverPeak = serverBefore;
    let treePeak = treeRss(pid);
    const sampler = setInterval(() => {
      serverPeak = Math.max(serverPeak, processRss(pid));
      treePeak = Math.max(treePeak, treeRss(pid));
    }, 50);
    const started = performance.now();
    let done = false;
    const answer = fetch(`${base}/verwaltung/vorlagen/${paperId}?_action=files.upload`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: base, Cookie: cookie } }).then(async (response) => {
      const html = await response.text();
      done = true;
      return { status: response.status, ms: performance.now() - started, message: /Der Text der Datei[^.<]*|Die PDF-Datei[^.<]*|Gerade werden[^.<]*/.exec(html)?.[0] ?? '' };
    });
    const latencies: number[] = [];
    let failed = 0;
    while (!done) {
      const t0 = performance.now();
      try {
        const response = await fetch(`${base}/vorlagen`);
        await response.text();
        if (!done || latencies.length === 0) latencies.push(performance.now() - t0);
      } catch {
        // A kept-alive connection the stalled server closed as idle just as it was reused (ECONNRESET).
        failed++;
      }
      // A reader every 100 ms, not a flood: the readers must not take the extraction's CPU.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - t0))));
    }
    const result = await answer;
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    return {
      upload: label,
      'file': mb(bytes.length).replace(/^0 MB$/, `${Math.round(bytes.length / 1024)} KB`),
      'answer': `${result.status}${result.message ? ` (${result.message.slice(0, 40)}…)` : ''}`,
      'time to answer': `${(result.ms / 1000).toFixed(1)} s`,
      'server RSS before → peak': `${mb(serverBefore)} → ${mb(serverPeak)}`,
      'tree peak (with child)': mb(treePeak),
      'public page p50 / max': `${Math.round(latencies[Math.floor(latencies.length / 2)]!)} / ${Math.round(latencies.at(-1)!)} ms (${latencies.length}${failed ? `, ${failed} reset` : ''})`,
    };
  }

  const rows = [];
  rows.push(await measure(`bomb, ${bombMb.toLocaleString('de-DE')} MB inflated`, await makePdfBomb(bombMb), 'bombe.pdf'));
  rows.push(await measure(`normal, ${pages.toLocaleString('de-DE')} pages`, makeLargePdf(pages), 'gross.pdf'));
  rows.push(await measure('normal, 1 page', makeLargePdf(1), 'klein.pdf'));
  console.log(`\nUploads, ${root === here ? 'this checkout' : root}\n`);
  console.table(rows);
} finally {
  portal.stop();
}
