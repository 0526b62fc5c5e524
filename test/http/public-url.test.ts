// The portal's address comes from PUBLIC_URL, never from the request (finding 6 of issue 11): behind a TLS proxy the
// server sees plain http on an inner address with whatever Host a client sent. Forms posted from the public address
// work, the session cookie is Secure, HSTS is sent, and absolute URLs in feeds, calendars and the CSV name the public
// address even when Host and forwarded headers name another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount, type TestAccount } from '../support/users';
import { startDeployment, type Deployment } from '../support/instances';

const PUBLIC = 'https://ratsinfo.example.de';
let deployment: Deployment;
let base: string;
let clerk: TestAccount;

/** Headers a client might send to confuse the server about its address. */
const forged = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http', Forwarded: 'host=evil.example;proto=http' };

async function login(origin: string | null): Promise<Response> {
  return fetch(`${base}/verwaltung/anmelden?_action=auth.login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) },
    body: new URLSearchParams({ email: clerk.email, password: clerk.password, next: '/verwaltung' }),
  });
}

beforeAll(async () => {
  deployment = await startDeployment('public-url', 1, { PUBLIC_URL: PUBLIC });
  base = deployment.instances[0]!.baseUrl;
  clerk = await insertAccount(deployment.db, { email: 'adresse-klerk@example.org', name: 'Anna Adresse', role: 'clerk', password: 'Adressen-Test-Passwort-1' });
});

afterAll(async () => {
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('PUBLIC_URL', () => {
  it('accepts a form posted from the public https address and sets a Secure session cookie', async () => {
    const response = await login(PUBLIC);
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });

  it('refuses a form posted from another origin, from the inner address and without an origin, in German', async () => {
    for (const origin of ['https://evil.example', base, null]) {
      const response = await login(origin);
      expect(response.status, String(origin)).toBe(403);
      expect(await response.text()).toContain('Dieses Formular wurde nicht von https://ratsinfo.example.de aus abgeschickt');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('tells browsers to use https from now on (HSTS) on pages', async () => {
    const response = await fetch(`${base}/vorlagen`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('builds the absolute URLs of feeds, calendars and the CSV from PUBLIC_URL, whatever Host says', async () => {
    for (const path of ['/feeds/vorlagen.atom', '/feeds/forderungen.atom', '/kalender/sitzungen.ics', '/kalender/fristen.ics', '/forderungen.csv']) {
      const response = await fetch(`${base}${path}`, { headers: forged });
      expect(response.status, path).toBe(200);
      const text = await response.text();
      expect(text, path).toContain(`${PUBLIC}/`);
      expect(text, path).not.toContain('evil.example');
      expect(text, path).not.toContain(base);
    }
  });
});
