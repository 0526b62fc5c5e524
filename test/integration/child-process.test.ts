// Work in a child process of its own (src/lib/server/workers/child-process.ts) and attachment text extraction on top
// of it: answers come back, and a task that throws, runs too long or takes too much memory (ArrayBuffers, which
// V8's heap limit does not count) ends in a ChildTaskError that says which, with the process gone.
import { describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { ChildTaskError, runInChildProcess } from '@/lib/server/workers/child-process';
import { extractText as extractAttachmentText } from '@/lib/server/files/extraction';
import { attachmentTypes } from '@/lib/server/files/attachment-types';
import type { ChildTestTask } from '../support/tasks/child.task';
import { makePdf } from '../support/pdf';
import { makePdfBomb } from '../support/pdf-bomb';

const task = new URL('../support/tasks/child.task.ts', import.meta.url);
const limits = { timeoutMs: 60_000, memoryBytes: 256 * 1024 * 1024 };
const run = (input: ChildTestTask, overrides: Partial<typeof limits> = {}) => runInChildProcess(task, input, { ...limits, ...overrides });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof ChildTaskError ? { reason: error.reason, message: error.message } : error));

describe('a task in a child process', () => {
  it('answers with structured-cloneable values, bytes included', async () => {
    expect(await run({ op: 'echo', value: { text: 'Sachstand', bytes: new Uint8Array([1, 2, 3]) } })).toEqual({ text: 'Sachstand', bytes: new Uint8Array([1, 2, 3]) });
  });

  it('reports the error of a task that throws', async () => {
    expect(await failure(run({ op: 'throw', message: 'Datei kaputt' }))).toEqual({ reason: 'threw', message: 'Error: Datei kaputt' });
  });

  it('tells a task module that cannot be loaded apart from a task that threw', async () => {
    const missing = new URL('../support/tasks/missing.task.ts', import.meta.url);
    expect(await failure(runInChildProcess(missing, null, limits))).toMatchObject({ reason: 'crashed', message: expect.stringContaining('konnte nicht geladen werden') });
  });

  it('stops a task that runs past its time limit', async () => {
    expect(await failure(run({ op: 'spin' }, { timeoutMs: 1500 }))).toMatchObject({ reason: 'timeout' });
  });

  it('stops a task whose memory outside the JavaScript heap passes the limit', async () => {
    expect(await failure(run({ op: 'grow' }))).toMatchObject({ reason: 'memory' });
  });
});

describe('attachment text extraction', () => {
  const pdf = attachmentTypes.find((type) => type.mimeType === 'application/pdf')!;

  it('reads the same text as unpdf did on the request thread before', async () => {
    const bytes = makePdf('Der Kreistag beschliesst die Foerderung von Sprachkursen (Antrag 3.2/0076/2014)');
    const before = (await extractText(new Uint8Array(bytes), { mergePages: true })).text.replace(/\s+\n/g, '\n').trim();
    expect(await extractAttachmentText(pdf, bytes)).toEqual({ ok: true, text: before });
  });

  it('calls a damaged file unreadable', async () => {
    expect(await extractAttachmentText(pdf, new TextEncoder().encode('%PDF-1.4\nkaputt'))).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('refuses a decompression bomb for its memory', async () => {
    expect(await extractAttachmentText(pdf, await makePdfBomb(2048))).toMatchObject({ ok: false, reason: 'memory', limits: { memoryBytes: 512 * 1024 * 1024 } });
  });
});
