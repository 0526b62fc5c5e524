// `npm run bench:hostile [-- --root <checkout>] [--timeout 180]`: what hostile requests cost the server: an anonymous
// 300 MB POST to the login page, and a clerk's form with 10,000 and 200,000 fields. For each: the answer's status and
// time, the server's peak RSS, and the slowest answer a reader's public page got meanwhile (probed every 100 ms).
// `--root` serves another checkout's dist/ (built there), for before/after in one sitting. Needs `npm run build`.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runScript, startPortal, type RunningPortal } from './lib/portal';
import { sampleRss } from './lib/measure';

const here = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { root: { type: 'string', default: here }, timeout: { type: 'string', default: '180' } } });
const root = path.resolve(values.root);
const timeoutMs = Number(values.timeout) * 1000;
const MB = 1024 * 1024;
const EMAIL = 'bench-klerk@example.org';
const PASSWORD = 'Belastungs-Probe-Kennwort-7';

interface Outcome { status: string; ms: number }

/** POSTs `length` bytes of `chunk` repeated (streamed, never held), resolving with the answer's status and time. */
function streamPost(base: string, target: string, headers: Record<string, string>, length: number, chunk: Buffer): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: string) => resolve({ status, ms: performance.now() - started });
    const request = http.request(`${base}${target}`, { method: 'POST', headers: { ...headers, 'Content-Length': length }, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => {
        done(String(response.statusCode));
        request.destroy();
      });
    });
    request.on('timeout', () => {
      done(`keine Antwort in ${timeoutMs / 1000} s`);
      request.destroy();
    });
    request.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    let sent = 0;
    const pump = () => {
      while (sent < length) {
        const part = chunk.subarray(0, Math.min(chunk.length, length - sent));
        sent += part.length;
        if (!request.write(part)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

/** Fetches a public page every 100 ms until stopped; the slowest answer (ms). */
function probeReaders(base: string): { stop: () => Promise<number> } {
  let slowest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${base}/vorlagen`, { signal: AbortSignal.timeout(timeoutMs) }).then((r) => r.arrayBuffer(), () => null);
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return { stop: async () => { running = false; await loop; return slowest; } };
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/verwaltung/anmelden?_action=auth.login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, next: '/verwaltung' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='));
  if (!cookie) throw new Error(`Anmeldung für den Benchmark fehlgeschlagen (${response.status}).`);
  return cookie.split(';')[0]!;
}

function fieldFlood(fields: number): Buffer {
  const form = new URLSearchParams({ version: '0', bodyId: '1', paperType: 'antrag', date: '2026-11-02', name: 'Feldflut', intent: 'save' });
  for (let i = 0; i < fields; i++) form.append(`f${i}`, 'x');
  return Buffer.from(form.toString());
}

async function measure(portal: RunningPortal, label: string, send: () => Promise<Outcome>): Promise<string[]> {
  const rss = sampleRss(portal.process.pid!, 50);
  const readers = probeReaders(portal.base);
  const outcome = await send();
  const slowest = await readers.stop();
  rss.stop();
  const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
  return [label, outcome.status, `${(outcome.ms / 1000).toFixed(2)} s`, `${mb(rss.start)} → ${mb(rss.peak())}`, `${Math.round(slowest)} ms`];
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsfaden-hostile-'));
const env = { DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'ratsfaden.db')}`, REQUEST_LOG: 'off' };
if ((await runScript(root, 'db/seed.ts', [], env)).code !== 0) throw new Error('Das Anlegen der Benchmark-Datenbank ist fehlgeschlagen.');
if ((await runScript(root, 'src/cli/user-create.ts', ['--email', EMAIL, '--name', 'Bench Klerk', '--role', 'clerk'], { ...env, RATSFADEN_PASSWORD: PASSWORD })).code !== 0) throw new Error('Das Benchmark-Konto konnte nicht angelegt werden.');
const portal = await startPortal(root, env);
const rows: string[][] = [];
try {
  const cookie = await login(portal.base);
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal.base };
  rows.push(await measure(portal, 'anonym: 300 MB an /verwaltung/anmelden', () => streamPost(portal.base, '/verwaltung/anmelden?_action=auth.login', formHeaders, 300 * MB, Buffer.alloc(MB, 'a'))));
  for (const fields of [10_000, 200_000]) {
    const body = fieldFlood(fields);
    rows.push(await measure(portal, `Sachbearbeitung: Formular mit ${fields.toLocaleString('de-DE')} Feldern (${(body.length / MB).toFixed(1)} MB)`, () => streamPost(portal.base, '/verwaltung/vorlagen/neu?_action=papers.save', { ...formHeaders, Cookie: cookie }, body.length, body)));
  }
} finally {
  portal.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\nFeindselige Anfragen, ${root === here ? 'dieser Stand' : root}\n`);
console.log('| Anfrage | Antwort | nach | RSS des Servers (Start → Spitze) | langsamste öffentliche Seite währenddessen |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
