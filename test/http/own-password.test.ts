// Changing one's own password in the back office needs the current one: someone at a session left open cannot take
// the account over. Wrong or missing current passwords change nothing and count like failed logins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/server/db';
import { openServerDatabase } from '../support/base-url';
import { loginAs, postForm } from '../support/back-office';
import { uniqueEmail } from '../support/unique';
import { insertAccount, type TestAccount } from '../support/users';

let db: Database;
let account: TestAccount;

beforeAll(async () => {
  db = openServerDatabase();
  account = await insertAccount(db, { email: uniqueEmail('eigenes-passwort'), name: 'Petra Passwort', role: 'clerk', password: 'Altes-Passwort-fuer-Petra-1' });
});
afterAll(() => db?.$client.close());

async function change(fields: Record<string, string>, cookie: string) {
  const response = await postForm('/verwaltung', 'users.changeOwnPassword', fields, cookie);
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

describe('changing one’s own password', () => {
  it('refuses without the current password, and with a wrong one, changing nothing', async () => {
    const cookie = await loginAs(account);
    const missing = await change({ password: 'Neues-Passwort-fuer-Petra-2' }, cookie);
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Bitte geben Sie Ihr bisheriges Passwort an.');
    const wrong = await change({ currentPassword: 'geraten-und-falsch', password: 'Neues-Passwort-fuer-Petra-2' }, cookie);
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Das bisherige Passwort stimmt nicht. Ihr Passwort wurde nicht geändert.');
    // The old password still opens the account; the session used above is still valid.
    await loginAs(account);
    expect((await fetch(new URL('/verwaltung', (await import('vitest')).inject('baseUrl')), { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(200);
  });

  it('changes it with the current one, ends the sessions, and only the new one logs in then', async () => {
    const cookie = await loginAs(account);
    const changed = await change({ currentPassword: account.password, password: 'Neues-Passwort-fuer-Petra-3' }, cookie);
    expect(changed.status).toBe(303);
    expect(changed.location).toContain('/verwaltung/anmelden');
    await expect(loginAs(account)).rejects.toThrow(/fehlgeschlagen/);
    await loginAs({ ...account, password: 'Neues-Passwort-fuer-Petra-3' });
  });
});
