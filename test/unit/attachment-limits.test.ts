// The limits of attachment uploads that need no process: the size limit per accepted type, the extraction settings
// from the environment, and the slots that bound how many extractions run and wait.
import { describe, expect, it } from 'vitest';
import { attachmentTypeOf, attachmentTypes, MAX_UPLOAD_BYTES, sizeProblem } from '@/lib/server/files/attachment-types';
import { extractionLimitsFromEnv } from '@/lib/server/files/extraction';
import { createSlots, SlotsFullError } from '@/lib/server/workers/slots';

const MB = 1024 * 1024;

describe('size limit per type', () => {
  it('accepts PDFs up to 20 MB and names the type and its limit when refusing', () => {
    const pdf = attachmentTypeOf(new TextEncoder().encode('%PDF-1.7\n'))!;
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', label: 'PDF', maxBytes: 20 * MB });
    expect(sizeProblem(pdf, 20 * MB)).toBeNull();
    expect(sizeProblem(pdf, 20 * MB + 1)).toBe('Die Datei ist zu groß. PDF-Dateien dürfen höchstens 20 MB groß sein.');
  });

  it('has a limit for every accepted type, the largest of which is the upload limit', () => {
    for (const type of attachmentTypes) expect(type.maxBytes, type.label).toBeGreaterThan(0);
    expect(MAX_UPLOAD_BYTES).toBe(Math.max(...attachmentTypes.map((type) => type.maxBytes)));
    // scripts/serve.mjs refuses upload bodies above 21 MB before reading them: every type's limit must fit below.
    expect(MAX_UPLOAD_BYTES).toBeLessThan(21 * MB);
  });

  it('knows no type for other content', () => {
    expect(attachmentTypeOf(new TextEncoder().encode('MZ\u0090\u0000'))).toBeNull();
    expect(attachmentTypeOf(new Uint8Array())).toBeNull();
  });
});

describe('extraction limits', () => {
  it('default to 60 seconds and 512 MB, with four waiting', () => {
    expect(extractionLimitsFromEnv({})).toMatchObject({ timeoutMs: 60_000, memoryBytes: 512 * MB, queue: 4 });
    expect(extractionLimitsFromEnv({}).parallel).toBeGreaterThanOrEqual(1);
  });

  it('are read from the environment, ignoring values that make no sense', () => {
    expect(extractionLimitsFromEnv({ EXTRACT_TIMEOUT_SECONDS: '5', EXTRACT_MEMORY_MB: '256', EXTRACT_PARALLEL: '3', EXTRACT_QUEUE: '0' })).toEqual({ timeoutMs: 5000, memoryBytes: 256 * MB, parallel: 3, queue: 0 });
    expect(extractionLimitsFromEnv({ EXTRACT_TIMEOUT_SECONDS: '0', EXTRACT_MEMORY_MB: 'viel', EXTRACT_PARALLEL: '0', EXTRACT_QUEUE: '-1' })).toEqual(extractionLimitsFromEnv({}));
  });
});

describe('slots', () => {
  /** A task that runs until it is let go. */
  function held() {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    return { work: () => done, release };
  }

  it('run at most their number at once, let the line wait in order, and refuse beyond it', async () => {
    const slots = createSlots(1, 1);
    const first = held();
    const started: string[] = [];
    const running = slots.run(async () => {
      started.push('first');
      await first.work();
    });
    const waiting = slots.run(async () => void started.push('second'));
    expect({ running: slots.running, waiting: slots.waiting }).toEqual({ running: 1, waiting: 1 });
    await expect(slots.run(async () => 'third')).rejects.toBeInstanceOf(SlotsFullError);
    expect(started).toEqual(['first']);
    first.release();
    await Promise.all([running, waiting]);
    expect(started).toEqual(['first', 'second']);
    expect({ running: slots.running, waiting: slots.waiting }).toEqual({ running: 0, waiting: 0 });
  });

  it('free a slot when the work fails', async () => {
    const slots = createSlots(1, 0);
    await expect(slots.run(async () => Promise.reject(new Error('kaputt')))).rejects.toThrow('kaputt');
    await expect(slots.run(async () => 'danach')).resolves.toBe('danach');
  });
});
