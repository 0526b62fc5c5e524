// Accounts, sessions (Lucia's design: only the token's SHA-256 hash is stored) and login attempts.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { baseColumns } from './columns';
import { roles } from '../../src/lib/domain/vocabulary';

/** A back-office account; there is no public sign-up. */
export const user = sqliteTable('user', {
  ...baseColumns(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  passwordChangedAt: text('password_changed_at'),
});

/** A login session; id is the hex SHA-256 of the cookie token, never the token itself. */
export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => user.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** One login attempt, for throttling per account and per client address. */
export const loginAttempt = sqliteTable(
  'login_attempt',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    clientAddress: text('client_address').notNull(),
    at: text('at').notNull(),
    success: integer('success', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('login_attempt_email_idx').on(t.email, t.at), index('login_attempt_client_idx').on(t.clientAddress, t.at)],
);
