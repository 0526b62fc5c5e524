// Copying the parts of DATA_DIR that never change once written: attachments (content-addressed: a file's name is its
// SHA-256) and search bundles (each written once under a fresh name). So a file that an earlier backup holds under
// the same name and size is the same file, and is hard-linked from there instead of copied again.
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest } from '@/lib/server/search/store';

/** What a copy did: files and bytes, and how many of them were hard-linked rather than copied. */
export interface Copied {
  count: number;
  bytes: number;
  linked: number;
}

/** Copies `from` to `to`, or hard-links `same` (the same file in an earlier copy) when it exists with the same size. */
export function copyImmutable(from: string, to: string, same?: string): 'linked' | 'copied' {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (same) {
    try {
      if (fs.statSync(same).size === fs.statSync(from).size) {
        fs.linkSync(same, to);
        return 'linked';
      }
    } catch {
      // Not there, or another file system: copy.
    }
  }
  fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
  return 'copied';
}

function* walk(dir: string, base = dir): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full, base);
    else if (entry.isFile()) yield path.relative(base, full);
  }
}

/** Copies every finished attachment under `from` (not the temporary files of uploads in progress) into `to`. */
export function copyAttachments(from: string, to: string, earlier?: string): Copied {
  const done: Copied = { count: 0, bytes: 0, linked: 0 };
  fs.mkdirSync(to, { recursive: true });
  for (const rel of walk(from)) {
    if (rel.endsWith('.tmp')) continue;
    const source = path.join(from, rel);
    let how: 'linked' | 'copied';
    try {
      how = copyImmutable(source, path.join(to, rel), earlier ? path.join(earlier, rel) : undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    done.count += 1;
    done.bytes += fs.statSync(source).size;
    if (how === 'linked') done.linked += 1;
  }
  return done;
}

/** Copies a search index as its manifest names it: the bundles and key lists of its partitions, then the manifest. */
export function copySearchIndex(from: string, to: string, earlier?: string): (Copied & { manifest: Manifest }) | null {
  // A bundle the manifest names is removed only ten minutes after a newer manifest replaced it; should a copy take
  // that long, it starts over with the manifest then in place.
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(from, 'manifest.json'), 'utf8');
    } catch {
      return null;
    }
    const manifest = JSON.parse(text) as Manifest;
    fs.rmSync(to, { recursive: true, force: true });
    const done: Copied = { count: 0, bytes: 0, linked: 0 };
    try {
      for (const partition of manifest.partitions.filter((p) => p.records > 0)) {
        fs.statSync(path.join(from, partition.dir));
        const keys = path.join('keys', `${path.basename(partition.dir)}.json`);
        for (const rel of [...[...walk(path.join(from, partition.dir))].map((f) => path.join(partition.dir, f)), keys]) {
          const how = copyImmutable(path.join(from, rel), path.join(to, rel), earlier ? path.join(earlier, rel) : undefined);
          done.count += 1;
          done.bytes += fs.statSync(path.join(to, rel)).size;
          if (how === 'linked') done.linked += 1;
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 3) continue;
      throw error;
    }
    fs.writeFileSync(path.join(to, 'manifest.json'), text);
    return { ...done, manifest };
  }
}
