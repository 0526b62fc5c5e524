// Login throttling under concurrency, as an attacker would try it: many wrong passwords at once, spread over two
// server processes on one database, from one address or hidden behind forged X-Forwarded-For headers. At most the
// limit of attempts may reach the password check (answered "wrong password"); every other one is refused as
// throttled. Requests leave from different loopback addresses (127.0.0.x), so each scenario is its own client.
// This file owns its servers and their database: nobody else's logins count against its limits.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { startDeployment, type Deployment } from '../support/instances';
import { insertAccount, type TestAccount } from '../support/users';
import { parseFragment } from '../support/html';

const LIMIT_PER_ACCOUNT = 5;
const LIMIT_PER_ADDRESS = 20;
const WRONG = 'E-Mail-Adresse oder Passwort ist nicht korrekt.';
const THROTTLED = 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.';

/** How the server answered a login: logged in, wrong password (checked), throttled (not checked), or anything else. */
type Outcome = 'logged-in' | 'wrong' | 'throttled' | `other: ${string}`;

/** Posts the login form to `base` from the local address `from`, with extra headers; never follows redirects. */
function attempt(base: string, from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const url = new URL('/verwaltung/anmelden?_action=auth.login', base);
  const body = new URLSearchParams({ email, password }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST', localAddress: from, agent: false,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Origin: url.origin, ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode === 303) return resolve('logged-in');
        const alert = parseFragment(Buffer.concat(chunks).toString('utf8')).querySelector('[role="alert"] p')?.textContent?.trim() ?? '';
        if (response.statusCode === 401 && alert === WRONG) return resolve('wrong');
        if (response.statusCode === 401 && alert === THROTTLED) return resolve('throttled');
        resolve(`other: ${response.statusCode} ${alert}`);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** How often each outcome occurred. */
function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** The login attempts the database holds for an account or a client address. */
async function attemptRows(db: Deployment['db'], where: { email?: string; clientAddress?: string }) {
  const condition = where.email ? eq(t.loginAttempt.email, where.email) : eq(t.loginAttempt.clientAddress, where.clientAddress!);
  return db.select().from(t.loginAttempt).where(condition);
}

describe('login throttling over two server processes on one database', () => {
  let deployment: Deployment;
  let bases: [string, string];
  let account: TestAccount;
  let other: TestAccount;

  beforeAll(async () => {
    deployment = await startDeployment('login-throttling', 2);
    bases = deployment.instances.map((i) => i.baseUrl) as [string, string];
    account = await insertAccount(deployment.db, { email: 'drossel-ziel@example.org', name: 'Dora Drossel', role: 'clerk', password: 'Richtiges-Passwort-fuer-Dora-1' });
    other = await insertAccount(deployment.db, { email: 'drossel-andere@example.org', name: 'Otto Anders', role: 'clerk', password: 'Richtiges-Passwort-fuer-Otto-2' });
  }, 240_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  it('checks at most 5 of 50 parallel wrong passwords for one account, then refuses the right one', async () => {
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(bases[i % 2]!, '127.0.0.2', account.email, `falsch-geraten-${i}`)));
    expect(tally(outcomes)).toEqual({ wrong: LIMIT_PER_ACCOUNT, throttled: 50 - LIMIT_PER_ACCOUNT });
    // The right password, even from another address and on either process, is refused while the account is throttled.
    expect(await attempt(bases[0], '127.0.0.3', account.email, account.password)).toBe('throttled');
    expect(await attempt(bases[1], '127.0.0.3', account.email, account.password)).toBe('throttled');
    // Only the checked attempts were recorded.
    expect(await attemptRows(deployment.db, { email: account.email })).toHaveLength(LIMIT_PER_ACCOUNT);
    // An unknown address is throttled in just the same way: the answer tells nobody whether the account exists.
    const unknown = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(bases[i % 2]!, '127.0.0.3', 'gibt-es-nicht@example.org', `falsch-${i}`)));
    expect(tally(unknown)).toEqual({ wrong: LIMIT_PER_ACCOUNT, throttled: 10 - LIMIT_PER_ACCOUNT });
  });

  it('checks at most 20 of 100 parallel attempts from one address over many accounts', async () => {
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(bases[i % 2]!, '127.0.0.4', `opfer-${i}@example.org`, `falsch-geraten-${i}`)));
    expect(tally(outcomes)).toEqual({ wrong: LIMIT_PER_ADDRESS, throttled: 100 - LIMIT_PER_ADDRESS });
    // The address is throttled for every account, including with the right password; another address is not.
    expect(await attempt(bases[0], '127.0.0.4', other.email, other.password)).toBe('throttled');
    expect(await attempt(bases[1], '127.0.0.5', other.email, other.password)).toBe('logged-in');
  });

  it('does not let a client escape the address limit by sending X-Forwarded-For (no TRUST_PROXY)', async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i <= LIMIT_PER_ADDRESS; i++) {
      outcomes.push(await attempt(bases[i % 2]!, '127.0.0.6', `gefaelscht-${i}@example.org`, 'falsch-geraten', { 'X-Forwarded-For': `198.51.100.${i + 1}` }));
    }
    expect(tally(outcomes)).toEqual({ wrong: LIMIT_PER_ADDRESS, throttled: 1 });
    expect(await attemptRows(deployment.db, { clientAddress: '127.0.0.6' })).toHaveLength(LIMIT_PER_ADDRESS);
  });

  it('logged no server errors', () => {
    expect(deployment.errors()).toEqual([]);
  });
});

describe('login throttling behind a trusted proxy (TRUST_PROXY)', () => {
  let deployment: Deployment;
  let base: string;
  // The proxy connects from 127.0.0.1; a client reaching the server directly comes from another address.
  const proxy = '127.0.0.1';

  beforeAll(async () => {
    deployment = await startDeployment('login-throttling-proxy', 1, { TRUST_PROXY: proxy });
    base = deployment.instances[0]!.baseUrl;
  }, 240_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  it('counts the address the proxy forwarded: two clients behind it are throttled separately', async () => {
    // Whatever the client wrote into the header itself stands before the address the proxy appended.
    const outcomes = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(base, proxy, `hinter-proxy-${i}@example.org`, 'falsch-geraten', { 'X-Forwarded-For': `203.0.113.${i + 1}, 198.51.100.1` })));
    expect(tally(outcomes)).toEqual({ wrong: LIMIT_PER_ADDRESS, throttled: 25 - LIMIT_PER_ADDRESS });
    expect(await attemptRows(deployment.db, { clientAddress: '198.51.100.1' })).toHaveLength(LIMIT_PER_ADDRESS);
    // Another client behind the same proxy is not affected.
    expect(await attempt(base, proxy, 'zweiter-client@example.org', 'falsch-geraten', { 'X-Forwarded-For': '198.51.100.2' })).toBe('wrong');
  });

  it('ignores X-Forwarded-For from a client that is not the proxy', async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i <= LIMIT_PER_ADDRESS; i++) {
      outcomes.push(await attempt(base, '127.0.0.9', `direkt-${i}@example.org`, 'falsch-geraten', { 'X-Forwarded-For': `198.51.100.${i + 10}` }));
    }
    expect(tally(outcomes)).toEqual({ wrong: LIMIT_PER_ADDRESS, throttled: 1 });
    expect(await attemptRows(deployment.db, { clientAddress: '127.0.0.9' })).toHaveLength(LIMIT_PER_ADDRESS);
  });

  it('logged no server errors', () => {
    expect(deployment.errors()).toEqual([]);
  });
});
