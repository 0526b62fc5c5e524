// `npm run import:oparl -- <system-url> [--files] [--voll]`: mirrors an OParl system into the database
// (src/lib/server/oparl/import/), with a progress bar per body, then the tables of counts and deviations, and
// brings the search index up to date. The command's logic is `main`; the lines at the end wire it to the process.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { progress } from '@clack/prompts';
import { closeDb, configureFileDatabase, getDb } from '@/lib/server/db';
import { dataDir } from '@/lib/server/config';
import type { Deviation } from '@/lib/server/oparl/import/deviations';
import { applyMigrations } from '@/lib/server/migrate';
import { importOparl, NotOparl, type RunProgress } from '@/lib/server/oparl/import/run';
import { SourceUnavailable } from '@/lib/server/oparl/import/fetch';
import { countsLine, countsTable, deviationTable, typeLabels } from '@/lib/server/oparl/import/report';
import { buildAll } from '@/lib/server/search/indexer';
import { readManifest } from '@/lib/server/search/store';

const usage = [
  'Aufruf: npm run import:oparl -- <URL des OParl-System-Objekts> [--files] [--voll] [--parallel <n>]',
  '  --files       Anlagen herunterladen und ihren Text für die Suche lesen (Grenzen wie beim Hochladen)',
  '  --voll        alles neu abfragen statt nur der Änderungen seit dem letzten vollständigen Lauf',
  '  --parallel n  höchstens n gleichzeitige Anfragen an die Quelle (Standard 4)',
].join('\n');

/** Runs one import; returns the exit code (0 done, 1 with a German message on `io.err`). */
export async function main(argv: string[], io: { out: (line: string) => void; err: (line: string) => void; bar?: boolean }): Promise<number> {
  let bar: ReturnType<typeof progress> | null = null;
  // Every deviation with its object's id goes to a file as it is found (kept when the run stops), the summary to the terminal.
  const logFile = path.join(dataDir(), 'oparl-import', `abweichungen-${new Date().toISOString().replace(/[:.]/g, '-')}.tsv`);
  let logged = 0;
  const onDeviation = (d: Deviation) => {
    if (logged++ === 0) {
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(logFile, 'Abweichung\tObjekt\tHinweis\n');
    }
    fs.appendFileSync(logFile, `${[d.kind, d.id, d.detail ?? ''].map((v) => v.replace(/[\t\n]/g, ' ')).join('\t')}\n`);
  };
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {
      files: { type: 'boolean' }, voll: { type: 'boolean' }, parallel: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) return (io.out(usage), 0);
    const [systemUrl] = positionals;
    if (!systemUrl || positionals.length > 1 || !/^https?:\/\//.test(systemUrl)) return (io.err(`Bitte genau eine http(s)-URL eines OParl-Systems angeben.\n${usage}`), 1);
    const concurrency = values.parallel === undefined ? 4 : Number(values.parallel);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) return (io.err('--parallel erwartet eine ganze Zahl von 1 bis 32.'), 1);
    const db = getDb();
    await configureFileDatabase(db);
    await applyMigrations(db);
    const started = Date.now();
    let current = '';
    let done = 0;
    const onProgress = (p: RunProgress) => {
      if (!io.bar) return;
      // One bar per body: each of its lists is a hundredth-share per page, so the bar moves with the pages read.
      if (current !== p.body) {
        bar?.stop(`${current}: fertig`);
        bar = progress({ style: 'heavy', max: p.listCount * 100 });
        bar.start(`${p.body} (${p.bodyNumber}/${p.bodyCount})`);
        current = p.body;
        done = 0;
      }
      const pages = p.page.totalPages ?? p.page.currentPage ?? 1;
      const page = p.page.next === null ? pages : Math.min(pages, p.page.currentPage ?? 1);
      const reached = (p.listNumber - 1) * 100 + Math.round((page / Math.max(1, pages)) * 100);
      bar!.advance(Math.max(0, reached - done), `${typeLabels[p.list]}: Seite ${page}/${pages} – ${countsLine(p.counts)}`);
      done = Math.max(done, reached);
    };
    const result = await importOparl(db, { systemUrl, files: values.files, full: values.voll, fetch: { concurrency }, onProgress, onDeviation });
    (bar as ReturnType<typeof progress> | null)?.stop(`${current}: fertig`);
    bar = null;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(`${result.resumed ? 'Unterbrochenen Import fortgesetzt' : result.since ? `Änderungen seit ${result.since} abgefragt` : 'Vollständiger Import'}: ${result.systemName}, ${seconds} s, ${result.requests.toLocaleString('de-DE')} Anfragen (${result.retries} wiederholt)${values.files ? `, ${result.filesDownloaded} Anlagen geladen` : ''}.`);
    for (const line of countsTable(result.counts)) io.out(line);
    io.out('');
    for (const line of deviationTable(result.deviations)) io.out(line);
    if (logged) io.out(`Alle ${logged.toLocaleString('de-DE')} Abweichungen mit der ID des Objekts: ${logFile}`);
    const changed = Object.values(result.counts).some((c) => c.created + c.updated + c.deleted > 0) || result.filesDownloaded > 0;
    if (changed && readManifest()) {
      await buildAll(db.$client);
      io.out('Suchindex aktualisiert.');
    } else if (changed) io.out('Noch kein Suchindex vorhanden: „npm run search:index“ baut ihn auf (npm start tut es beim Start).');
    return 0;
  } catch (error) {
    (bar as ReturnType<typeof progress> | null)?.error('Der Import wurde abgebrochen.');
    if (logged) io.err(`Die bis hierher gefundenen Abweichungen stehen in ${logFile}.`);
    if (error instanceof SourceUnavailable || error instanceof NotOparl) io.err(error.message);
    else if (String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) io.err(`Unbekannte oder unvollständige Option.\n${usage}`);
    else io.err(`Der Import ist fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}. Bitte erneut starten; er setzt dort fort, wo er stand.`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), bar: process.stdout.isTTY });
  closeDb();
}
