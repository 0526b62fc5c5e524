// Two processes swapping the search manifest at the same time, as two instances reindexing after their saves: each
// adds its own partitions, one swap after another. Under the manifest lock every swap reads the latest manifest,
// so no process loses the other's partitions (before, each swap wrote what its process had read moments earlier).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { readManifest } from '@/lib/server/search/store';
import { projectRoot, tmpDir } from '../support/paths';

const SWAPS = 40;

it('keeps every partition two processes swap in concurrently', async () => {
  const dir = path.join(tmpDir, `manifest-lock-${process.env.VITEST_POOL_ID ?? '0'}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const script = path.join(projectRoot, 'test/fixtures/swap-partitions.ts');
  const run = (name: string) => promisify(execFile)(process.execPath, ['--import', 'tsx', script, dir, name, String(SWAPS)], { cwd: projectRoot, encoding: 'utf8' });
  await Promise.all([run('a'), run('b')]);
  const ids = readManifest(dir)!.partitions.map((p) => p.id).sort();
  expect(ids).toHaveLength(2 * SWAPS);
  expect(ids).toEqual([...Array.from({ length: SWAPS }, (_, i) => `a${i}`), ...Array.from({ length: SWAPS }, (_, i) => `b${i}`)].sort());
  fs.rmSync(dir, { recursive: true, force: true });
  // Two tsx processes start in seconds on a busy machine; the timeout only guards against a hang.
}, 120_000);
