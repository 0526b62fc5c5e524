// Serves the index files from DATA_DIR/search to the browser: the manifest (never cached) and the
// immutable bundle files (cached for a year; a rebuilt partition gets a new folder name).
//
// A query fetches a dozen small files at once (index and filter chunks, one fragment per hit), so each
// request must cost little: bundle files are read once and kept in memory as ready bodies (bundles never
// change, a rebuilt partition gets a new folder), and Pagefind's own gzip files are sent as they are with
// `Content-Encoding: gzip`, so the browser inflates them natively instead of Pagefind's JavaScript inflater.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { searchDir } from './store';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

// manifest.json, or p/<bundle>/<file> with Pagefind's own names (letters, digits, _ . -), at most two folders deep.
const ALLOWED = /^(manifest\.json|p\/[A-Za-z0-9._-]+\/(?:(?:index|fragment|filter)\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*)$/;

/** Pagefind writes its index files (.pagefind, .pf_meta, .pf_index, .pf_filter, .pf_fragment) gzip-compressed. */
const PAGEFIND_GZIP = /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/;

/** The worker script gets its own strict policy: it only fetches index files and compiles Pagefind's WebAssembly. */
const WORKER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/**
 * Pagefind's browser script waits for its WebAssembly in steps of 50 ms (`await asyncSleep(50)` while the
 * instance is not ready), so a search asked for while Pagefind starts up waits up to 50 ms longer than needed.
 * The scripts are served with a 5 ms step instead; nothing else in them changes.
 */
function patchScript(text: string): string {
  return text.replaceAll('await asyncSleep(50)', 'await asyncSleep(5)');
}

interface Body {
  /** The body for clients that do not accept gzip (Pagefind's index files as stored: Pagefind inflates them itself). */
  plain: Buffer;
  /** Gzip-compressed body, sent with Content-Encoding: gzip (for Pagefind's index files, the stored bytes). */
  gzip: Buffer | null;
}

/** Bundle files read so far, by path (bundles are immutable); at most 64 MiB, the least recently served dropped first. */
const cache = new LRUCache<string, Body>({
  maxSize: 64 * 1024 * 1024,
  // lru-cache counts every entry as at least one byte (an empty file too).
  sizeCalculation: (body) => Math.max(1, body.plain.length + (body.gzip && body.gzip !== body.plain ? body.gzip.length : 0)),
});

function load(file: string, ext: string, relative: string): Body | null {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (PAGEFIND_GZIP.test(relative) && raw[0] === 0x1f && raw[1] === 0x8b) return { plain: raw, gzip: raw };
  if (ext === '.js') raw = Buffer.from(patchScript(raw.toString('utf8')), 'utf8');
  if (ext === '.js' || ext === '.json') return { plain: raw, gzip: zlib.gzipSync(raw, { level: 9 }) };
  return { plain: raw, gzip: null };
}

function bodyOf(file: string, ext: string, relative: string): Body | null {
  // The manifest changes with every swap: read it each time.
  if (relative === 'manifest.json') return load(file, ext, relative);
  // A bundle removed after its grace period may still be answered from memory: its content never changed.
  const hit = cache.get(file);
  if (hit) return hit;
  const body = load(file, ext, relative);
  // A file larger than the whole cache is served without being kept.
  if (body) cache.set(file, body);
  return body;
}

/** A Response for a path below /suchindex/, or null when there is no such file. */
export function searchFileResponse(relative: string, acceptEncoding: string | null): Response | null {
  if (!ALLOWED.test(relative) || relative.split('/').some((part) => part === '..' || part === '.')) return null;
  const file = path.join(searchDir(), relative);
  const ext = path.extname(file);
  const body = bodyOf(file, ext, relative);
  if (!body) return null;
  const headers = new Headers({
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': relative === 'manifest.json' ? 'no-cache' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  if (ext === '.js') headers.set('Content-Security-Policy', WORKER_CSP);
  let bytes: Buffer;
  if (body.gzip && /\bgzip\b/.test(acceptEncoding ?? '')) {
    bytes = body.gzip;
    headers.set('Content-Encoding', 'gzip');
    headers.set('Vary', 'Accept-Encoding');
  } else {
    // Without gzip, Pagefind's files go out as stored (Pagefind inflates them itself).
    bytes = body.plain;
    if (body.gzip) headers.set('Vary', 'Accept-Encoding');
  }
  headers.set('Content-Length', String(bytes.length));
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), { status: 200, headers });
}

// p/<bundle>/batch/<fragment|filter|index>/<name>,<name>,…: several index files of one bundle in one response.
const BATCH = /^p\/([A-Za-z0-9._-]+)\/batch\/(fragment|filter|index)\/([A-Za-z0-9_-]+(?:,[A-Za-z0-9_-]+)*)$/;
/** At most this many files per batch (a page of hits needs 10 fragments; a query a few index chunks). */
export const BATCH_LIMIT = 64;
/** At most this many bytes (inflated) per batch. */
const BATCH_BYTES = 2 * 1024 * 1024;

/**
 * A batch of Pagefind index files of one bundle, for the search page's fetch batching (src/scripts/index-fetch.ts):
 * a query needs a dozen small files at once, and each request costs the browser and the server more than the
 * file itself. The body holds each file inflated (as Pagefind reads it, starting with its `pagefind_dcd`
 * signature), each preceded by its length as a 4-byte big-endian number, in the order asked for; the whole
 * is gzip-compressed (fragments of similar records share a dictionary, so it is smaller than the files alone).
 * Null when the path is no batch, a file is missing, or there are too many or too large ones (the page then
 * fetches them one by one; the limit keeps a single request's compression work small).
 */
export function searchBatchResponse(relative: string, acceptEncoding: string | null): Response | null {
  const m = BATCH.exec(relative);
  if (!m || m[1] === '.' || m[1] === '..') return null;
  const [, bundle, kind, list] = m;
  const names = list!.split(',');
  if (names.length > BATCH_LIMIT) return null;
  const parts: Buffer[] = [];
  let total = 0;
  for (const name of names) {
    const rel = `p/${bundle}/${kind}/${name}.pf_${kind}`;
    const body = bodyOf(path.join(searchDir(), rel), path.extname(rel), rel);
    if (!body?.gzip) return null;
    const inflated = zlib.gunzipSync(body.gzip);
    total += inflated.length;
    if (total > BATCH_BYTES) return null;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(inflated.length);
    parts.push(length, inflated);
  }
  const plain = Buffer.concat(parts);
  const headers = new Headers({
    'Content-Type': 'application/octet-stream',
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  });
  let bytes = plain;
  if (/\bgzip\b/.test(acceptEncoding ?? '')) {
    bytes = zlib.gzipSync(plain, { level: 6 });
    headers.set('Content-Encoding', 'gzip');
  }
  headers.set('Content-Length', String(bytes.length));
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), { status: 200, headers });
}
