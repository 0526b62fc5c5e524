// Known back-office accounts for tests, created through the app's own password hashing.
import * as t from '@db/schema';
import { openDatabase, type Database } from '@/lib/server/db';
import { hashPassword } from '@/lib/server/auth/password';

/** Accounts every test server (and integration tests that ask for them) has. */
export const testUsers = {
  admin: { email: 'admin@ratsfaden.test', name: 'Ada Admin', role: 'admin' as const, password: 'Verwaltung-Test-Admin-2026' },
  clerk: { email: 'schrift@ratsfaden.test', name: 'Karl Klerk', role: 'clerk' as const, password: 'Sitzungsdienst-Test-2026' },
};

/** Inserts the test accounts into a database (by handle or libsql URL); returns their ids. */
export async function insertTestUsers(target: Database | string): Promise<{ admin: number; clerk: number }> {
  const db = typeof target === 'string' ? openDatabase(target) : target;
  try {
    const ids = { admin: 0, clerk: 0 };
    for (const key of ['admin', 'clerk'] as const) {
      const u = testUsers[key];
      const [row] = await db.insert(t.user).values({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password), passwordChangedAt: '2000-01-01T00:00:00.000Z' }).returning({ id: t.user.id });
      ids[key] = row!.id;
    }
    return ids;
  } finally {
    if (typeof target === 'string') db.$client.close();
  }
}
