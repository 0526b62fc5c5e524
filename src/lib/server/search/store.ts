// The search index on disk: DATA_DIR/search/manifest.json names the bundle folder of every partition.
// Bundles are written under fresh folder names and never changed afterwards; a new manifest is written
// to a temporary file and renamed over the old one, so a reader sees the old index or the new one, never
// a half-written one. Old bundles are removed a while later, once no browser can still be using them.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { dataDir } from '@/lib/server/config';
import { fullBuildRunning, withManifestLock } from './lock';
import { sortPartitions, type Partition } from './partitions';

/** The index as the browser and the reindexer see it. */
export interface Manifest {
  version: 1;
  /** Changes with every swap; the browser uses it to cache a bundle's entry file. */
  generation: string;
  updatedAt: string;
  partitions: Partition[];
  /**
   * Every change of the change log up to this id is in the index (in each partition it touched); reconciliation
   * looks only at later ones (decision record 0011). Absent in indexes built before it was kept.
   */
  reconciledTo?: number;
}

/** What a swap writes: the partitions and how far the index is reconciled with the change log. */
export interface ManifestContent {
  partitions: Partition[];
  reconciledTo?: number;
}

/** How long a replaced bundle stays readable for browsers that loaded the previous manifest. */
const GRACE_MS = 10 * 60 * 1000;

/** Folder holding manifest.json, bundles (p/) and the record keys of each bundle (keys/). */
export function searchDir(root = dataDir()): string {
  return path.join(root, 'search');
}

/** The current manifest, or null when no index was built yet. */
export function readManifest(dir = searchDir()): Manifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Das Suchverzeichnis ${dir} enthält kein lesbares manifest.json; \`npm run search:index\` baut es neu.`, { cause: error });
  }
}

/** A new, unused bundle folder name for a partition (relative to the search directory). */
export function newBundleDir(partitionId: string): string {
  return `p/${partitionId}.${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
}

/** Writes the record keys a bundle holds, so a later save can find where a record lives. */
export function writeKeys(dir: string, bundle: string, keys: string[]): void {
  const file = path.join(dir, 'keys', `${path.basename(bundle)}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(keys));
}

/** The record keys of a bundle (empty when unknown). */
export function readKeys(dir: string, bundle: string): string[] {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'keys', `${path.basename(bundle)}.json`), 'utf8')) as string[];
  } catch {
    return [];
  }
}

/**
 * Replaces the manifest atomically with what `next` makes of the latest one (read under the manifest lock, so that
 * two processes never swap from the same old manifest); `next` returns null to leave it as it is. Then removes
 * bundles it no longer names in the background (a bundle has some 3,000 files: removing them synchronously blocked
 * the server for seconds after a save). Returns the manifest now in place (null when there is none).
 */
export async function swapManifest(dir: string, next: (latest: Manifest | null) => ManifestContent | null): Promise<Manifest | null> {
  const written = await withManifestLock(dir, () => {
    const latest = readManifest(dir);
    const content = next(latest);
    if (!content) return { manifest: latest, swapped: false };
    const sameBundles = !!latest && latest.partitions.length === content.partitions.length && content.partitions.every((p) => latest.partitions.some((q) => q.dir === p.dir && q.id === p.id));
    const manifest: Manifest = {
      version: 1,
      // The browser caches a bundle's entry file per generation: only a change of bundles makes a new one.
      generation: sameBundles ? latest.generation : `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`,
      updatedAt: new Date().toISOString(),
      // Empty partitions stay listed (without a bundle), so their date range keeps its owner.
      partitions: sortPartitions(content.partitions),
      ...(content.reconciledTo !== undefined ? { reconciledTo: content.reconciledTo } : {}),
    };
    const tmp = path.join(dir, `manifest.json.${process.pid}.${crypto.randomBytes(3).toString('hex')}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(manifest, null, 1));
    fs.renameSync(tmp, path.join(dir, 'manifest.json'));
    return { manifest, swapped: !sameBundles };
  });
  if (written.swapped && written.manifest) {
    const cleanup = removeStaleBundles(dir, written.manifest).catch((error) => console.error('Suchindex: alte Teile konnten nicht entfernt werden.', error));
    cleanups.add(cleanup);
    void cleanup.finally(() => cleanups.delete(cleanup));
  }
  return written.manifest;
}

const cleanups = new Set<Promise<void>>();

/** Resolves when the background removals started by swaps so far have finished (for tests and the CLI). */
export async function staleBundlesRemoved(): Promise<void> {
  while (cleanups.size) await Promise.all(cleanups);
}

/** Deletes bundles (and their key files) that the manifest does not name and that are older than the grace period. */
export async function removeStaleBundles(dir: string, manifest: Manifest, graceMs = GRACE_MS): Promise<void> {
  // A full build elsewhere (npm run search:index) writes bundles its manifest will name only at the end.
  if (fullBuildRunning(dir)) return;
  const live = new Set(manifest.partitions.map((p) => path.basename(p.dir)));
  let names: string[];
  try {
    names = await fsp.readdir(path.join(dir, 'p'));
  } catch {
    return;
  }
  for (const name of names) {
    if (live.has(name)) continue;
    const full = path.join(dir, 'p', name);
    try {
      if (Date.now() - (await fsp.stat(full)).mtimeMs < graceMs) continue;
      await fsp.rm(full, { recursive: true, force: true });
      await fsp.rm(path.join(dir, 'keys', `${name}.json`), { force: true });
    } catch {
      // Another process may have removed it already.
    }
  }
}

const startFiles = new LRUCache<string, string[]>({ max: 100 });

/**
 * The files a browser needs first from a bundle (for preload hints): Pagefind's script, WebAssembly, entry and
 * metadata, and its filter chunks (every search loads all of them for the facet counts) as the one batch the
 * search page's fetch batching asks for (names sorted, as src/scripts/index-fetch.ts sends them).
 * Bundles never change, so the list is kept.
 */
export function bundleStartFiles(dir: string, bundle: string): string[] {
  const key = path.join(dir, bundle);
  const known = startFiles.get(key);
  if (known) return known;
  try {
    const entry = JSON.parse(fs.readFileSync(path.join(dir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const hash = entry.languages.de?.hash;
    const filters = fs
      .readdirSync(path.join(dir, bundle, 'filter'))
      .filter((name) => name.endsWith('.pf_filter'))
      .map((name) => name.slice(0, -'.pf_filter'.length))
      .sort();
    const filterFiles = filters.length > 1 ? [`batch/filter/${filters.join(',')}`] : filters.map((name) => `filter/${name}.pf_filter`);
    const files = ['pagefind.js', 'pagefind-entry.json?ts=v1', 'wasm.de.pagefind', ...(hash ? [`pagefind.${hash}.pf_meta`] : []), ...filterFiles];
    startFiles.set(key, files);
    return files;
  } catch {
    return [];
  }
}
