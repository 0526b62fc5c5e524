// `npm run backup`: writes a consistent, dated copy of the database, attachments and search index while the server
// runs (src/lib/server/backup/create.ts), into BACKUP_DIR (default DATA_DIR/backups/<YYYY-MM-DD-HHmmss>/).
// The command's logic is `main`, which tests may call in-process; the lines at the end only wire it to the process.
import { parseArgs } from 'node:util';
import { createBackup } from '@/lib/server/backup/create';
import { describeBackup } from '@/lib/server/backup/layout';
import { databaseUrl } from '@/lib/server/config';

const usage = 'Aufruf: npm run backup [-- --ziel <Ordner>]\nOhne --ziel wird in BACKUP_DIR geschrieben (Standard: DATA_DIR/backups).';

/** Writes one backup; returns the exit code (0 written, 1 with a German message on `io.err`). */
export async function main(argv: string[], io: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { ziel: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const result = await createBackup({ root: values.ziel });
    io.out(`Sicherung geschrieben: ${result.folder}`);
    for (const line of describeBackup(result.manifest)) io.out(line);
    if (result.linkedFiles) io.out(`  (${result.linkedFiles.toLocaleString('de-DE')} unveränderte Dateien aus der vorigen Sicherung verknüpft statt kopiert)`);
    if (result.manifest.database !== 'enthalten') {
      io.out(`Die Datenbank liegt auf einem libsql-Server (${databaseUrl().replace(/\?.*$/, '')}) und ist nicht enthalten: sichern Sie sie mit den Mitteln des Servers zur selben Zeit (siehe README, „Sicherung“).`);
    }
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
