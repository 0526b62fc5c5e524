// Serves the index files from DATA_DIR/search to the browser: the manifest (never cached) and the
// immutable bundle files (cached for a year; a rebuilt partition gets a new folder name).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { searchDir } from './store';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

// manifest.json, or p/<bundle>/<file> with Pagefind's own names (letters, digits, _ . -), at most two folders deep.
const ALLOWED = /^(manifest\.json|p\/[A-Za-z0-9._-]+\/(?:(?:index|fragment|filter)\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*)$/;

// Pagefind compresses its index files itself; its scripts and JSON are compressed here, once per file.
const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();

/** The worker script gets its own strict policy: it only fetches index files and compiles Pagefind's WebAssembly. */
const WORKER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/** A Response for a path below /suchindex/, or null when there is no such file. */
export function searchFileResponse(relative: string, acceptEncoding: string | null): Response | null {
  if (!ALLOWED.test(relative) || relative.split('/').some((part) => part === '..' || part === '.')) return null;
  const file = path.join(searchDir(), relative);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const ext = path.extname(file);
  const headers = new Headers({
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': relative === 'manifest.json' ? 'no-cache' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  if (ext === '.js') headers.set('Content-Security-Policy', WORKER_CSP);
  let body: Buffer;
  if ((ext === '.js' || ext === '.json') && /\bgzip\b/.test(acceptEncoding ?? '')) {
    let entry = compressed.get(file);
    if (!entry || entry.mtimeMs !== stat.mtimeMs) {
      entry = { mtimeMs: stat.mtimeMs, body: zlib.gzipSync(fs.readFileSync(file), { level: 9 }) };
      if (compressed.size > 500) compressed.clear();
      if (relative !== 'manifest.json') compressed.set(file, entry);
    }
    body = entry.body;
    headers.set('Content-Encoding', 'gzip');
    headers.set('Vary', 'Accept-Encoding');
  } else {
    body = fs.readFileSync(file);
  }
  headers.set('Content-Length', String(body.length));
  return new Response(new Uint8Array(body), { status: 200, headers });
}
