// Writes one partition's records as a Pagefind bundle (Node API, language de) into a fresh folder.
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records';

/** Files of Pagefind's own UIs, which the portal does not use; removed to keep bundles small on disk. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.|^wasm\.unknown\./;

function failed(step: string, errors: string[]): Error {
  return new Error(`Pagefind konnte den Suchindex nicht schreiben (${step}): ${errors.join('; ')}`);
}

/**
 * Indexes the records into `outDir` (which must not exist yet; it is written under a temporary name
 * and renamed at the end). Stops Pagefind's indexer process afterwards, so its memory is returned.
 */
export async function writeBundle(records: SearchRecord[], outDir: string): Promise<void> {
  const tmp = `${outDir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'de' });
    if (!index) throw failed('createIndex', errors);
    for (const r of records) {
      const added = await index.addCustomRecord({ url: r.url, content: r.content, language: 'de', meta: r.meta, filters: r.filters, sort: { date: r.date } });
      if (added.errors.length) throw failed(`Datensatz ${r.key}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: tmp });
    if (written.errors.length) throw failed('writeFiles', written.errors);
    for (const name of fs.readdirSync(tmp)) if (UNUSED.test(name)) fs.rmSync(path.join(tmp, name), { force: true });
    fs.renameSync(tmp, outDir);
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
}
