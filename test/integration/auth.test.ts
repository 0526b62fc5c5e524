// Sessions, passwords and login throttling on a real database.
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as t from '@db/schema';
import { testDb } from '../support/database';
import { insertTestUsers, testUsers } from '../support/users';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, createSession, sessionIdOf, validateSessionToken } from '@/lib/server/auth/session';
import { LOGIN_FAILED_MESSAGE, createUser, login, setPassword, setUserActive, setUserRole, verifyOwnPassword } from '@/lib/server/auth/users';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, THROTTLED_MESSAGE, recordLoginAttempt } from '@/lib/server/auth/throttle';
import { hashPassword, passwordProblem } from '@/lib/server/auth/password';

const minutes = (n: number) => n * 60 * 1000;

// argon2's verify, recorded: a login must cost one verification whether or not the account exists. The real
// function still runs; only its calls are counted (timing them would depend on the machine's load).
const argon2 = vi.hoisted(() => ({ verifications: [] as string[] }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...actual,
    verify: (...args: Parameters<typeof actual.verify>) => {
      argon2.verifications.push(String(args[0]));
      return actual.verify(...args);
    },
  };
});

describe('sessions', () => {
  it('stores only the SHA-256 hash of the token', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const { token } = await createSession(clerk);
    const rows = await testDb().select().from(t.session).where(eq(t.session.userId, clerk));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(sessionIdOf(token));
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('slides the idle timeout with activity and ends after inactivity', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const start = new Date('2030-01-01T08:00:00Z');
    const { token } = await createSession(clerk, start);
    const later = new Date(start.getTime() + IDLE_TIMEOUT_MS - minutes(5));
    expect(await validateSessionToken(token, later)).not.toBeNull();
    // Activity at `later` moved the idle window: another almost-full window later it is still valid.
    const evenLater = new Date(later.getTime() + IDLE_TIMEOUT_MS - minutes(5));
    expect((await validateSessionToken(token, evenLater))?.user.email).toBe(testUsers.clerk.email);
    const idle = new Date(evenLater.getTime() + IDLE_TIMEOUT_MS + 1);
    expect(await validateSessionToken(token, idle)).toBeNull();
    expect(await testDb().select().from(t.session).where(eq(t.session.userId, clerk))).toHaveLength(0);
  });

  it('ends at the absolute lifetime however active the user is', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const start = new Date('2030-01-01T08:00:00Z');
    const { token } = await createSession(clerk, start);
    let now = start.getTime();
    while (now + minutes(60) < start.getTime() + ABSOLUTE_LIFETIME_MS) {
      now += minutes(60);
      expect(await validateSessionToken(token, new Date(now))).not.toBeNull();
    }
    expect(await validateSessionToken(token, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('ends when the user is deactivated or the password changes', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const a = await createSession(clerk);
    await setUserActive(clerk, false);
    expect(await validateSessionToken(a.token)).toBeNull();
    const b = await createSession(admin);
    expect(await validateSessionToken(b.token)).not.toBeNull();
    expect(await setPassword(admin, 'Ein-ganz-neues-Passwort-2027')).toEqual({ ok: true });
    expect(await validateSessionToken(b.token)).toBeNull();
  });

  it('rejects malformed and unknown tokens', async () => {
    expect(await validateSessionToken('')).toBeNull();
    expect(await validateSessionToken("' OR 1=1 --")).toBeNull();
    expect(await validateSessionToken('a'.repeat(32))).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with argon2id and the parameters of DESIGN.md', async () => {
    expect(await hashPassword('Ein-langes-Passwort')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses short, common and address-containing passwords with German reasons', () => {
    expect(passwordProblem('kurz')).toMatch(/mindestens 12 Zeichen/);
    expect(passwordProblem('Passwort1234')).toMatch(/weit verbreitet/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/einzigen/);
    expect(passwordProblem('karl.klerk-2026!', { email: 'karl.klerk@ratsfaden.test' })).toMatch(/E-Mail-Adresse/);
    expect(passwordProblem('Sitzungsdienst-Test-2026')).toBeNull();
  });

  it('creates no account with a weak password or a taken address', async () => {
    await insertTestUsers(testDb());
    expect(await createUser({ email: 'neu@ratsfaden.test', name: 'Neu', role: 'clerk', password: 'password1234' })).toMatchObject({ ok: false, field: 'password' });
    expect(await createUser({ email: testUsers.clerk.email.toUpperCase(), name: 'Doppelt', role: 'clerk', password: 'Ein-gutes-Passwort-99' })).toMatchObject({ ok: false, field: 'email' });
  });
});

describe('login throttling', () => {
  it('gives the same answer for an unknown account and a wrong password, at the same cost', async () => {
    await insertTestUsers(testDb());
    const verificationsOf = async (email: string, address: string) => {
      argon2.verifications.length = 0;
      const result = await login(email, 'irgendwas-langes', address);
      return { result, hashes: [...argon2.verifications] };
    };
    const unknown = await verificationsOf('niemand@ratsfaden.test', '10.0.0.1');
    const wrong = await verificationsOf(testUsers.admin.email, '10.0.0.2');
    expect(unknown.result).toEqual({ ok: false, error: LOGIN_FAILED_MESSAGE, throttled: false });
    expect(wrong.result).toEqual(unknown.result);
    // Both spend exactly one argon2 verification, against hashes with the same parameters (hence the same work):
    // timing cannot tell an unknown address from a wrong password.
    expect(unknown.hashes).toHaveLength(1);
    expect(wrong.hashes).toHaveLength(1);
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(unknown.hashes[0]!)).toBe('argon2id$v=19$m=19456,t=2,p=1');
    expect(parameters(unknown.hashes[0]!)).toBe(parameters(wrong.hashes[0]!));
    expect(unknown.hashes[0]).not.toBe(wrong.hashes[0]);
  });

  it('locks an account after repeated failures, even for the right password, from any address', async () => {
    await insertTestUsers(testDb());
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await recordLoginAttempt(testUsers.clerk.email, `10.0.1.${i}`, false);
    const result = await login(testUsers.clerk.email, testUsers.clerk.password, '10.0.2.1');
    expect(result).toEqual({ ok: false, error: THROTTLED_MESSAGE, throttled: true });
    expect(THROTTLED_MESSAGE).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche/);
    // Other accounts are not affected.
    expect((await login(testUsers.admin.email, testUsers.admin.password, '10.0.2.1')).ok).toBe(true);
  });

  it('allows the account again once the failures are older than the window', async () => {
    await insertTestUsers(testDb());
    const old = new Date(Date.now() - minutes(16));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await recordLoginAttempt(testUsers.clerk.email, '10.0.3.1', false, old);
    expect((await login(testUsers.clerk.email, testUsers.clerk.password, '10.0.3.1')).ok).toBe(true);
  });

  it('locks a client address that tries many accounts', async () => {
    await insertTestUsers(testDb());
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await recordLoginAttempt(`opfer${i}@ratsfaden.test`, '10.9.9.9', false);
    expect(await login(testUsers.clerk.email, testUsers.clerk.password, '10.9.9.9')).toMatchObject({ ok: false, throttled: true });
    expect((await login(testUsers.clerk.email, testUsers.clerk.password, '10.9.9.10')).ok).toBe(true);
  });

  it('checks at most the limit of parallel wrong passwords against the hash, and then refuses the right one', async () => {
    const { clerk } = await insertTestUsers(testDb());
    argon2.verifications.length = 0;
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(testUsers.clerk.email, `falsches-passwort-${i}`, `10.0.5.${i}`)));
    expect(argon2.verifications).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && !r.throttled)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.throttled)).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT);
    expect(await login(testUsers.clerk.email, testUsers.clerk.password, '10.0.6.1')).toEqual({ ok: false, error: THROTTLED_MESSAGE, throttled: true });
    // Changing one's own password counts on the same account: also refused now.
    expect(await verifyOwnPassword(clerk, testUsers.clerk.password, '10.0.6.1')).toEqual({ ok: false, error: THROTTLED_MESSAGE });
    // Refused attempts are not recorded: only the checked ones are.
    expect(await testDb().select().from(t.loginAttempt).where(eq(t.loginAttempt.email, testUsers.clerk.email))).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });

  it('checks at most the limit of parallel attempts from one address against the hash, over many accounts', async () => {
    await insertTestUsers(testDb());
    argon2.verifications.length = 0;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`parallel-${i}@ratsfaden.test`, 'irgendein-passwort', '10.0.7.1')));
    expect(argon2.verifications).toHaveLength(MAX_FAILURES_PER_ADDRESS);
    expect(results.filter((r) => !r.ok && r.throttled)).toHaveLength(60 - MAX_FAILURES_PER_ADDRESS);
    expect(await login(testUsers.admin.email, testUsers.admin.password, '10.0.7.1')).toMatchObject({ ok: false, throttled: true });
  });

  it('clears the account counter with a successful login, but not the address counter', async () => {
    await insertTestUsers(testDb());
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await login(testUsers.clerk.email, 'falsches-passwort', '10.0.8.1');
    expect((await login(testUsers.clerk.email, testUsers.clerk.password, '10.0.8.1')).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await login(testUsers.clerk.email, 'falsches-passwort', '10.0.8.2');
    expect((await login(testUsers.clerk.email, testUsers.clerk.password, '10.0.8.3')).ok).toBe(true);
    // The address's failures all still count.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - (MAX_FAILURES_PER_ACCOUNT - 1); i++) await login(`anderes-${i}@ratsfaden.test`, 'x-beliebig-lang', '10.0.8.1');
    expect(await login(testUsers.admin.email, testUsers.admin.password, '10.0.8.1')).toMatchObject({ ok: false, throttled: true });
  });

  it('counts an IPv6 client by its /64 network, so a new address per try does not help', async () => {
    await insertTestUsers(testDb());
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await login(`v6-${i}@ratsfaden.test`, 'irgendein-passwort', `2001:db8:7:9::${(i + 1).toString(16)}`);
    expect(await login(testUsers.clerk.email, testUsers.clerk.password, '2001:db8:7:9:ffff::1')).toMatchObject({ ok: false, throttled: true });
    expect((await login(testUsers.clerk.email, testUsers.clerk.password, '2001:db8:7:a::1')).ok).toBe(true);
  });

  it('refuses deactivated accounts with the ordinary failure message', async () => {
    const { clerk } = await insertTestUsers(testDb());
    await setUserActive(clerk, false);
    expect(await login(testUsers.clerk.email, testUsers.clerk.password, '10.0.4.1')).toEqual({ ok: false, error: LOGIN_FAILED_MESSAGE, throttled: false });
  });
});

describe('roles', () => {
  it('never demotes the last active admin, and records each change in the history', async () => {
    const { admin, clerk } = await insertTestUsers(testDb());
    const before = (await testDb().select({ id: t.revision.id }).from(t.revision)).reduce((n, r) => Math.max(n, r.id), 0);
    const role = async (id: number) => (await testDb().select({ role: t.user.role }).from(t.user).where(eq(t.user.id, id)))[0]!.role;
    const refused = await setUserRole(admin, 'clerk', clerk);
    expect(refused).toMatchObject({ ok: false, reason: 'last-admin' });
    if (!refused.ok) expect(refused.error).toContain('mindestens ein aktives Administrator-Konto');
    expect(await role(admin)).toBe('admin');

    expect(await setUserRole(clerk, 'admin', admin)).toEqual({ ok: true, changed: true });
    expect(await setUserRole(clerk, 'admin', admin)).toEqual({ ok: true, changed: false });
    // Now there are two admins: one may become a clerk again.
    expect(await setUserRole(admin, 'clerk', clerk)).toEqual({ ok: true, changed: true });
    const history = (await testDb().select().from(t.revision).where(eq(t.revision.tableName, 'user'))).filter((r) => r.id > before).sort((a, b) => a.id - b.id);
    expect(history.map((r) => [(r.snapshot as { id: number }).id, (r.snapshot as { role: string }).role, r.userId])).toEqual([
      [clerk, 'admin', admin],
      [admin, 'clerk', clerk],
    ]);
    expect(history.every((r) => !('passwordHash' in (r.snapshot as object)))).toBe(true);
  });
});
