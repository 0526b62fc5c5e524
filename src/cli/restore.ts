// `npm run restore -- <Sicherungsordner> [--force]`: brings a backup written by `npm run backup` back into DATA_DIR,
// with every server of the installation stopped (src/lib/server/backup/restore.ts). What DATA_DIR held is moved
// aside, never deleted. The command's logic is `main`; the lines at the end only wire it to the process.
import { parseArgs } from 'node:util';
import { describeBackup } from '@/lib/server/backup/layout';
import { restoreBackup } from '@/lib/server/backup/restore';
import { dataDir } from '@/lib/server/config';

const usage = 'Aufruf: npm run restore -- <Sicherungsordner> [--force]\nAlle Server der Installation müssen beendet sein. Mit --force werden vorhandene Daten beiseitegelegt (nicht gelöscht).';

/** Restores one backup; returns the exit code (0 restored, 1 with a German message on `io.err`). */
export async function main(argv: string[], io: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(usage);
    const result = await restoreBackup(positionals[0]!, { force: values.force });
    io.out(`Sicherung vom ${new Date(result.manifest.createdAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })} wiederhergestellt nach ${dataDir()}:`);
    for (const line of describeBackup(result.manifest)) io.out(line);
    if (result.setAside) io.out(`Die vorher vorhandenen Daten liegen unverändert in ${result.setAside}.`);
    if (result.databaseLeftToServer) io.out('Die Datenbank liegt auf einem libsql-Server: stellen Sie dort den Stand derselben Sicherung wieder her, bevor Sie die Server starten.');
    io.out('Starten Sie jetzt den Server (npm start): er wendet fehlende Migrationen an, und der Suchindex holt nach, was nach seiner Sicherung noch gespeichert wurde.');
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
