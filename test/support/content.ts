// Scratch copies of the seed corpus with one file edited, for tests of the seed import; removed after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { contentRoot } from './paths';

const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of content/ in a temporary folder, with `edit` applied to the file at `relative` (which it must change). */
export function editedContent(relative: string, edit: (source: string) => string): { root: string; file: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsfaden-content-'));
  scratchDirs.push(root);
  fs.cpSync(contentRoot, root, { recursive: true });
  const file = path.join(root, relative);
  const source = fs.readFileSync(file, 'utf8');
  const edited = edit(source);
  expect(edited, 'the edit must change the file').not.toBe(source);
  fs.writeFileSync(file, edited);
  return { root, file };
}
