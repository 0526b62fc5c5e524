// Running the server: every answered request leaves one structured log line without secrets, and SIGTERM stops
// the server gracefully: a request in flight is still answered, new connections are refused, and the index
// rebuild queued by the last save swaps in before the process exits 0. This file owns its server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { buildAll } from '@/lib/server/search/indexer';
import { insertAccount, type TestAccount } from '../support/users';
import { startDeployment, type Deployment, type Instance } from '../support/instances';
import { uniqueName } from '../support/unique';

let deployment: Deployment;
let server: Instance;
let clerk: TestAccount;

function logLines(): Record<string, unknown>[] {
  return fs.readFileSync(server.log, 'utf8').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function login(password: string): Promise<Response> {
  return fetch(`${server.baseUrl}/verwaltung/anmelden?_action=auth.login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
    body: new URLSearchParams({ email: clerk.email, password, next: '/verwaltung' }),
  });
}

beforeAll(async () => {
  deployment = await startDeployment('operations', 1);
  server = deployment.instances[0]!;
  clerk = await insertAccount(deployment.db, { email: 'betrieb-klerk@example.org', name: 'Bert Betrieb', role: 'clerk', password: 'Betriebs-Test-Passwort-1' });
  await buildAll(deployment.db.$client, { dir: path.join(deployment.dataDir, 'search') });
});

afterAll(async () => {
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('request log', () => {
  it('logs method, path, status and duration of each request as JSON, never the query, a password or a session', async () => {
    await fetch(`${server.baseUrl}/vorlagen?q=Geheimsuche`);
    await login('Falsches-Geheimpasswort-9');
    const signedIn = await login(clerk.password);
    const token = signedIn.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='))!.split(';')[0]!.split('=')[1]!;
    await fetch(`${server.baseUrl}/verwaltung`, { headers: { Cookie: `ratsfaden_sitzung=${token}` } });
    await expect.poll(() => logLines().filter((l) => l.path === '/verwaltung' && l.method === 'GET').length, { interval: 50 }).toBe(1);
    const lines = logLines();
    expect(lines).toContainEqual(expect.objectContaining({ method: 'GET', path: '/vorlagen', status: 200, ms: expect.any(Number), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }));
    expect(lines).toContainEqual(expect.objectContaining({ method: 'POST', path: '/verwaltung/anmelden', action: 'auth.login', status: 303 }));
    const log = fs.readFileSync(server.log, 'utf8');
    for (const secret of ['Geheimsuche', 'Falsches-Geheimpasswort-9', clerk.password, token, clerk.email]) expect(log).not.toContain(secret);
  });
});

describe('graceful shutdown', () => {
  it('answers a request in flight, refuses new connections, finishes the index rebuild of the last save and exits 0', async () => {
    const cookie = (await login(clerk.password)).headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='))!.split(';')[0]!;
    const manifest = () => JSON.parse(fs.readFileSync(path.join(deployment.dataDir, 'search', 'manifest.json'), 'utf8')) as { generation: string };
    const before = manifest().generation;
    const [body] = await deployment.db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
    const saved = await fetch(`${server.baseUrl}/verwaltung/vorlagen/neu?_action=papers.save`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl, Cookie: cookie },
      body: new URLSearchParams({ version: '0', bodyId: String(body!.id), paperType: 'antrag', date: '2026-11-03', name: uniqueName('Antrag Abschaltprobe'), intent: 'publish' }),
    });
    expect(saved.status).toBe(303);

    // A login whose body is only half sent when the signal comes; the server has read its headers (100 Continue).
    const form = new URLSearchParams({ email: clerk.email, password: 'noch-nicht-fertig-1', next: '/verwaltung' }).toString();
    let answered!: (a: { status: number; text: string }) => void;
    const answer = new Promise<{ status: number; text: string }>((resolve) => (answered = resolve));
    const inFlight = http.request(`${server.baseUrl}/verwaltung/anmelden?_action=auth.login`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(form), Origin: server.baseUrl, Expect: '100-continue' },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => answered({ status: response.statusCode ?? 0, text }));
    });
    const continued = new Promise<void>((resolve) => inFlight.once('continue', () => resolve()));
    inFlight.flushHeaders();
    await continued;
    inFlight.write(form.slice(0, 10));

    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    await expect.poll(() => fs.readFileSync(server.log, 'utf8'), { interval: 50 }).toContain('Ratsfaden wird beendet (SIGTERM)');
    await expect(fetch(`${server.baseUrl}/`)).rejects.toThrow();

    inFlight.end(form.slice(10));
    const { status, text } = await answer;
    expect(status).toBe(401);
    expect(text).toContain('E-Mail-Adresse oder Passwort ist nicht korrekt.');
    expect(await exited).toBe(0);
    expect(manifest().generation).not.toBe(before);
  });
});
