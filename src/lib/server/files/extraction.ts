// Reading an attachment's text for search, outside the server's process: each file is read by a child process of
// its own with a time and a memory limit (workers/child-process.ts), at most EXTRACT_PARALLEL at once with
// EXTRACT_QUEUE more waiting. A crafted file (a compressed stream inflating to gigabytes) costs the child its limit,
// not the server its memory or its readers their answers. Decision record 0010.
import os from 'node:os';
import { ChildTaskError, runInChildProcess } from '@/lib/server/workers/child-process';
import { createSlots, SlotsFullError, type Slots } from '@/lib/server/workers/slots';
import type { AttachmentType } from './attachment-types';

/** Limits of text extraction; each has a default from the environment. */
export interface ExtractionLimits {
  /** Longest one extraction may run (from its start; waiting in line not counted). */
  timeoutMs: number;
  /** Most resident memory of one extraction's process. */
  memoryBytes: number;
  /** Extractions running at once. */
  parallel: number;
  /** Extractions waiting beyond those; more are refused at once. */
  queue: number;
}

/** Why no text: the file is not readable as its type, it needed too much memory or time, or too many are in line. */
export type ExtractionFailure = 'unreadable' | 'memory' | 'timeout' | 'busy' | 'failed';

/** The text, or why there is none. */
export type TextExtraction = { ok: true; text: string } | { ok: false; reason: ExtractionFailure; limits: ExtractionLimits };

const number = (value: string | undefined, fallback: number, min: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= min ? n : fallback;
};

/**
 * The defaults: 60 seconds and 512 MB per extraction (a 3,000-page text PDF needs about 7 s and 300 MB, see
 * decision 0010), one at a time on up to two cores (the server keeps a core), otherwise two; four waiting.
 */
export function extractionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ExtractionLimits {
  return {
    timeoutMs: number(env.EXTRACT_TIMEOUT_SECONDS, 60, 1) * 1000,
    memoryBytes: number(env.EXTRACT_MEMORY_MB, 512, 64) * 1024 * 1024,
    parallel: Math.floor(number(env.EXTRACT_PARALLEL, os.availableParallelism() > 2 ? 2 : 1, 1)),
    queue: Math.floor(number(env.EXTRACT_QUEUE, 4, 0)),
  };
}

let shared: { limits: ExtractionLimits; slots: Slots } | null = null;

function extractor() {
  if (!shared) {
    const limits = extractionLimitsFromEnv();
    shared = { limits, slots: createSlots(limits.parallel, limits.queue) };
  }
  return shared;
}

/** Reads the text of a file of `type` in a child process, within the limits; never throws for the file's sake. */
export async function extractText(type: AttachmentType, bytes: Uint8Array): Promise<TextExtraction> {
  const { limits, slots } = extractor();
  try {
    const text = await slots.run(() => runInChildProcess<string>(type.textTask, bytes, limits));
    return { ok: true, text };
  } catch (error) {
    if (error instanceof SlotsFullError) {
      console.warn(`Textauslesen abgelehnt: ${limits.parallel} laufen, ${limits.queue} warten bereits.`);
      return { ok: false, reason: 'busy', limits };
    }
    if (!(error instanceof ChildTaskError)) throw error;
    if (error.reason === 'threw') return { ok: false, reason: 'unreadable', limits };
    if (error.reason === 'crashed') console.error(`Textauslesen fehlgeschlagen: ${error.message}`, error.cause ?? '');
    else console.warn(`Textauslesen abgebrochen (${type.label}, ${bytes.length} Bytes): ${error.message}`);
    return { ok: false, reason: error.reason === 'crashed' ? 'failed' : error.reason, limits };
  }
}
