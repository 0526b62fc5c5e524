// Login, logout, guards and cookies of the back office, through the built server.
// With this file's own accounts (accountFor), so that "log out everywhere" ends no other file's sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import { accountFor, getPage, loginAs, postForm, sessionCookieFrom } from '../support/back-office';
import { uniqueEmail } from '../support/unique';
import type { TestAccount } from '../support/users';
import { parseFragment } from '../support/html';

let clerk: TestAccount;
let adminAccount: TestAccount;
beforeAll(async () => {
  [clerk, adminAccount] = await Promise.all([accountFor('clerk'), accountFor('admin')]);
});

describe('back-office login', () => {
  it('sends anonymous visitors of /verwaltung to the login page and back after login', async () => {
    const page = await getPage('/verwaltung/vorlagen');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/verwaltung/anmelden?weiter=%2Fverwaltung%2Fvorlagen');
    const login = await postForm('/verwaltung/anmelden', 'auth.login', { email: clerk.email, password: clerk.password, next: '/verwaltung/vorlagen' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/verwaltung/vorlagen');
  });

  it('never redirects to another site after login', async () => {
    const login = await postForm('/verwaltung/anmelden', 'auth.login', { email: clerk.email, password: clerk.password, next: '//evil.example/verwaltung' });
    expect(login.headers.get('location')).toBe('/verwaltung');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain HTTP) holding no user data', async () => {
    const login = await postForm('/verwaltung/anmelden', 'auth.login', { email: clerk.email, password: clerk.password });
    const header = login.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='))!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i);
    expect(header).toMatch(/^ratsfaden_sitzung=[a-z2-7]{32};/);
  });

  it('gives the same answer for an unknown address and a wrong password', async () => {
    const unknown = await postForm('/verwaltung/anmelden', 'auth.login', { email: uniqueEmail('niemand'), password: 'irgendein-passwort' });
    const wrong = await postForm('/verwaltung/anmelden', 'auth.login', { email: adminAccount.email, password: 'falsches-passwort-123' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const text = (html: string) => parseFragment(html).querySelector('[role="alert"] p')?.textContent;
    const [a, b] = [text(await unknown.text()), text(await wrong.text())];
    expect(a).toBe('E-Mail-Adresse oder Passwort ist nicht korrekt.');
    expect(b).toBe(a);
    expect(sessionCookieFrom(unknown)).toBeNull();
  });

  it('keeps the e-mail address in the form after a failed login', async () => {
    const email = uniqueEmail('tippfehler');
    const response = await postForm('/verwaltung/anmelden', 'auth.login', { email, password: 'x' });
    expect(await response.text()).toContain(`value="${email}"`);
  });

  it('ends the session on logout: the old cookie no longer opens the back office', async () => {
    const cookie = await loginAs('clerk');
    expect((await getPage('/verwaltung', cookie)).status).toBe(200);
    const logout = await postForm('/verwaltung/anmelden', 'auth.logout', {}, cookie);
    expect(logout.status).toBe(303);
    expect((await getPage('/verwaltung', cookie)).status).toBe(303);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const first = await loginAs('clerk');
    const second = await loginAs('clerk');
    await postForm('/verwaltung/anmelden', 'auth.logoutEverywhere', {}, first);
    expect((await getPage('/verwaltung', first)).status).toBe(303);
    expect((await getPage('/verwaltung', second)).status).toBe(303);
  });

  it('shows clerks the content pages but not the user administration', async () => {
    const cookie = await loginAs('clerk');
    for (const path of ['/verwaltung', '/verwaltung/vorlagen', '/verwaltung/vorlagen/neu', '/verwaltung/papierkorb', '/verwaltung/protokoll']) {
      expect((await getPage(path, cookie)).status, path).toBe(200);
    }
    expect((await getPage('/verwaltung/benutzer', cookie)).status).toBe(403);
    expect((await getPage('/verwaltung/benutzer', await loginAs('admin'))).status).toBe(200);
  });

  it('marks back-office pages as not cacheable and not to be framed by other sites', async () => {
    const response = await fetch(new URL('/verwaltung/anmelden', (await import('vitest')).inject('baseUrl')));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends nosniff and a referrer policy with public pages too, which may be framed and cached', async () => {
    const response = await fetch(new URL('/vorlagen', (await import('vitest')).inject('baseUrl')));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cache-control')).not.toBe('private, no-store');
  });
});

describe('account administration', () => {
  it('an admin deactivates a clerk: their sessions end at once and they cannot log in', async () => {
    const admin = await loginAs('admin');
    const email = uniqueEmail('doris');
    await postForm('/verwaltung/benutzer', 'users.create', { name: 'Doris Deaktiviert', email, role: 'clerk', password: 'Fruehling-im-Kreishaus-1' }, admin);
    const login = await postForm('/verwaltung/anmelden', 'auth.login', { email, password: 'Fruehling-im-Kreishaus-1' });
    const doris = sessionCookieFrom(login)!;
    expect((await getPage('/verwaltung', doris)).status).toBe(200);
    const list = (await getPage('/verwaltung/benutzer', admin)).html;
    const userId = list.match(/name="userId" value="(\d+)"[^>]*><input type="hidden" name="active" value="false"><button type="submit" class="danger">Doris Deaktiviert deaktivieren/)?.[1];
    expect(userId).toBeDefined();
    expect((await postForm('/verwaltung/benutzer', 'users.setActive', { userId: userId!, active: 'false' }, admin)).status).toBe(303);
    expect((await getPage('/verwaltung', doris)).status).toBe(303);
    expect((await postForm('/verwaltung/anmelden', 'auth.login', { email, password: 'Fruehling-im-Kreishaus-1' })).status).toBe(401);
  });

  it('a password reset by an admin ends the sessions of that account', async () => {
    const admin = await loginAs('admin');
    const email = uniqueEmail('rudi');
    await postForm('/verwaltung/benutzer', 'users.create', { name: 'Rudi Reset', email, role: 'clerk', password: 'Herbst-im-Kreishaus-1' }, admin);
    const rudi = sessionCookieFrom(await postForm('/verwaltung/anmelden', 'auth.login', { email, password: 'Herbst-im-Kreishaus-1' }))!;
    const list = (await getPage('/verwaltung/benutzer', admin)).html;
    const userId = list.match(/name="userId" value="(\d+)"[^>]*><div class="field"><label for="passwort-\d+">Neues Passwort für Rudi Reset/)?.[1];
    expect(userId).toBeDefined();
    expect((await postForm('/verwaltung/benutzer', 'users.resetPassword', { userId: userId!, password: 'Winter-im-Kreishaus-2' }, admin)).status).toBe(303);
    expect((await getPage('/verwaltung', rudi)).status).toBe(303);
    expect((await postForm('/verwaltung/anmelden', 'auth.login', { email, password: 'Winter-im-Kreishaus-2' })).status).toBe(303);
  });

  it('an admin changes a clerk into an admin and back: it applies to the running session, and the own role stays', async () => {
    const admin = await loginAs('admin');
    const email = uniqueEmail('rita');
    await postForm('/verwaltung/benutzer', 'users.create', { name: 'Rita Rolle', email, role: 'clerk', password: 'Sommer-im-Kreishaus-3' }, admin);
    const rita = sessionCookieFrom(await postForm('/verwaltung/anmelden', 'auth.login', { email, password: 'Sommer-im-Kreishaus-3' }))!;
    expect((await getPage('/verwaltung/benutzer', rita)).status).toBe(403);
    const list = (await getPage('/verwaltung/benutzer', admin)).html;
    const ritaId = list.match(/name="userId" value="(\d+)"><div class="field"><label for="rolle-\d+">Rolle von Rita Rolle/)?.[1];
    expect(ritaId).toBeDefined();

    const promoted = await postForm('/verwaltung/benutzer', 'users.setRole', { userId: ritaId!, role: 'admin' }, admin);
    expect(promoted.status).toBe(303);
    expect(promoted.headers.get('location')).toContain('hinweis=rolle-geaendert');
    expect((await getPage('/verwaltung/benutzer', rita)).status).toBe(200);
    expect((await postForm('/verwaltung/benutzer', 'users.setRole', { userId: ritaId!, role: 'clerk' }, admin)).status).toBe(303);
    expect((await getPage('/verwaltung/benutzer', rita)).status).toBe(403);

    // Nobody changes their own role (so an admin cannot lock everyone out); the page says why, in German.
    const page = (await getPage('/verwaltung/benutzer', admin)).html;
    expect(page).not.toContain(`Rolle von ${adminAccount.name}`);
    const ownId = page.match(new RegExp(`name="userId" value="(\\d+)"><div class="field"><label for="passwort-\\d+">Neues Passwort für ${adminAccount.name}`))?.[1];
    expect(ownId).toBeDefined();
    const own = await postForm('/verwaltung/benutzer', 'users.setRole', { userId: String(ownId), role: 'clerk' }, admin);
    expect(own.status).toBe(422);
    expect(await own.text()).toContain('Ihre eigene Rolle können Sie nicht ändern');
    expect((await getPage('/verwaltung/benutzer', admin)).status).toBe(200);

    // An unknown role is refused with a German message, not a 500.
    const bogus = await postForm('/verwaltung/benutzer', 'users.setRole', { userId: ritaId!, role: 'superuser' }, admin);
    expect(bogus.status).toBe(422);
    expect(await bogus.text()).toContain('Bitte wählen Sie eine der angebotenen Rollen.');
  });
});
