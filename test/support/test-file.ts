// Which test file is running: for tagging its requests to the test server and naming the rows it creates.
import path from 'node:path';
import { expect } from 'vitest';
import { projectRoot } from './paths';

/** The running test file relative to the project root, e.g. "test/http/tracker.test.ts". */
export function currentTestFile(): string {
  const file = expect.getState().testPath;
  if (!file) throw new Error('Keine laufende Testdatei: currentTestFile() gilt nur in Testdateien und ihren setupFiles.');
  return path.relative(projectRoot, file).split(path.sep).join('/');
}

/** The running test file as a short slug, e.g. "http-tracker" or "e2e-search": differs for every test file. */
export function testFileSlug(): string {
  return currentTestFile()
    .replace(/^test\//, '')
    .replace(/\.test\.ts$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
