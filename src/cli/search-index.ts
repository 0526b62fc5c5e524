// `npm run search:index`: rebuilds the whole search index from the database, with a progress bar.
import { progress } from '@clack/prompts';
import { closeDb, getDb } from '@/lib/server/db';
import { buildAll } from '@/lib/server/search/indexer';
import { searchDir, staleBundlesRemoved } from '@/lib/server/search/store';

const started = Date.now();
let bar: ReturnType<typeof progress> | null = null;
let last = 0;
const de = (n: number) => n.toLocaleString('de-DE');
try {
  const manifest = await buildAll(getDb().$client, {
    onProgress: (p) => {
      // The bar counts documents; it is created once the partitions are planned and the total is known.
      if (!bar) {
        bar = progress({ style: 'heavy', max: Math.max(1, p.records) });
        bar.start(`Suchindex: ${de(p.records)} Dokumente in ${p.partitions} Teilen`);
      }
      if (p.partitionsDone === 0) return;
      bar.advance(p.recordsDone - last, `Teil ${p.partition} fertig (${p.partitionsDone}/${p.partitions} Teile, ${de(p.recordsDone)}/${de(p.records)} Dokumente)`);
      last = p.recordsDone;
    },
  });
  await staleBundlesRemoved();
  const records = manifest.partitions.reduce((n, p) => n + p.records, 0);
  const done = `Suchindex fertig: ${de(records)} Dokumente in ${manifest.partitions.length} Teilen, ${((Date.now() - started) / 1000).toFixed(1)} s (${searchDir()}).`;
  if (bar) (bar as ReturnType<typeof progress>).stop(done);
  else console.log(done);
} catch (error) {
  if (bar) (bar as ReturnType<typeof progress>).error('Der Suchindex konnte nicht aufgebaut werden.');
  console.error(error instanceof Error ? `${error.message}${error.cause ? `\nUrsache: ${error.cause}` : ''}` : error);
  process.exitCode = 1;
} finally {
  closeDb();
}
