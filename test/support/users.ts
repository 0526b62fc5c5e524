// Known back-office accounts for tests, created through the app's own password hashing.
// http and e2e files do not share these on the test server: each uses its own (accountFor in back-office.ts),
// so that no other file can log it out everywhere, lock it with failed logins or change its role meanwhile.
import * as t from '@db/schema';
import type { Role } from '@/lib/domain/vocabulary';
import { openDatabase, type Database } from '@/lib/server/db';
import { hashPassword } from '@/lib/server/auth/password';

/** A back-office account a test can log in with. */
export interface TestAccount {
  id: number;
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Inserts an account with the given password (not checked against the password rules) and returns it with its id. */
export async function insertAccount(db: Database, account: Omit<TestAccount, 'id'>): Promise<TestAccount> {
  const [row] = await db
    .insert(t.user)
    .values({ email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password), passwordChangedAt: '2000-01-01T00:00:00.000Z' })
    .returning({ id: t.user.id });
  return { ...account, id: row!.id };
}

/** Accounts of the integration tests that ask for them; the test server has them too, for older tests only. */
export const testUsers = {
  admin: { email: 'admin@ratsfaden.test', name: 'Ada Admin', role: 'admin' as const, password: 'Verwaltung-Test-Admin-2026' },
  clerk: { email: 'schrift@ratsfaden.test', name: 'Karl Klerk', role: 'clerk' as const, password: 'Sitzungsdienst-Test-2026' },
};

/** Inserts the test accounts into a database (by handle or libsql URL); returns their ids. */
export async function insertTestUsers(target: Database | string): Promise<{ admin: number; clerk: number }> {
  const db = typeof target === 'string' ? openDatabase(target) : target;
  try {
    const ids = { admin: 0, clerk: 0 };
    for (const key of ['admin', 'clerk'] as const) ids[key] = (await insertAccount(db, testUsers[key])).id;
    return ids;
  } finally {
    if (typeof target === 'string') db.$client.close();
  }
}
