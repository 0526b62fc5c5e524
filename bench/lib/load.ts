// Load for the benchmarks: autocannon against one URL (warm-up, then measured), static twins of responses that the
// portal serves itself as files from dist/client, single timed fetches, and percentiles.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

/** What one measured autocannon run saw. */
export interface Load {
  reqPerS: number;
  /** NaN when no response came back within the run. */
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx responses and socket errors, timeouts not included. */
  errors: number;
  /** Requests without an answer within autocannon's 10 s. */
  timeouts: number;
}

/** How hard and how long: connections, seconds of warm-up (not counted) and seconds measured. */
export interface LoadSettings {
  connections: number;
  warmupS: number;
  durationS: number;
}

let running: autocannon.Instance | null = null;

function run(url: string, connections: number, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    running = autocannon({ url, connections, duration }, (error, result) => {
      running = null;
      if (error) reject(error);
      else resolve(result);
    });
  });
}

/** Drives one URL with autocannon: a warm-up run, then the measured run. */
export async function drive(url: string, settings: LoadSettings): Promise<Load> {
  if (settings.warmupS > 0) await run(url, settings.connections, settings.warmupS);
  const r = await run(url, settings.connections, settings.durationS);
  // Without a single answer within the run autocannon reports latencies of 0: they are unknown instead.
  const answered = r.requests.total > 0;
  return { reqPerS: r.requests.average, p50Ms: answered ? r.latency.p50 : NaN, p99Ms: answered ? r.latency.p99 : NaN, errors: r.non2xx + r.errors - r.timeouts, timeouts: r.timeouts };
}

/** Stops the autocannon run in progress, if any (on Ctrl-C). */
export function stopLoad(): void {
  running?.stop();
}

/** The media type of a Content-Type header, without parameters, in lower case. */
export const mediaType = (contentType: string | null): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

const EXTENSIONS: Record<string, string> = { 'text/html': 'html', 'application/atom+xml': 'atom', 'application/json': 'json', 'application/xml': 'xml' };

/** Folder of the static twins: inside the built client, so the portal's own static file handler serves them. */
export const twinDir = (root: string): string => path.join(root, 'dist/client/__bench');

/** Writes a response's bytes as a static file with the extension of its media type; returns the file's URL path. */
export function writeTwin(root: string, name: string, contentType: string | null, bytes: Uint8Array): string {
  const extension = EXTENSIONS[mediaType(contentType)];
  if (!extension) throw new Error(`Kein Dateityp für ${contentType} bekannt (${name}).`);
  fs.mkdirSync(twinDir(root), { recursive: true });
  fs.writeFileSync(path.join(twinDir(root), `${name}.${extension}`), bytes);
  return `/__bench/${name}.${extension}`;
}

/** Removes every static twin. */
export function removeTwins(root: string): void {
  fs.rmSync(twinDir(root), { recursive: true, force: true });
}

/** Fetches each URL once, one after the other, and returns the milliseconds until each body was read. */
export async function timeEach(base: string, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const url of paths) {
    const started = performance.now();
    const response = await fetch(`${base}${url}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} antwortete mit ${response.status}.`);
    times.push(performance.now() - started);
  }
  return times;
}

/** The p-th percentile (0–1, nearest rank) of some values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
