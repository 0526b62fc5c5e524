// Password hashing (argon2id with explicit parameters) and the rules a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords';
import { PASSWORD_LENGTH } from '@/lib/validation/fields';
import { passwordMessages } from '@/lib/validation/messages';

/** OWASP's minimum argon2id configuration, set explicitly so a library default change cannot weaken it. */
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = PASSWORD_LENGTH.min;

/** Hashes a password with argon2id; the result carries its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches `passwordHash`; false (never throws) on a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this hash makes a login for an unknown account take as long as a wrong password.
let dummyHash: Promise<string> | null = null;
/** Spends the time of one verification without an account, so unknown e-mail addresses cannot be told apart. */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('ratsfaden-dummy-passwort-zum-zeitausgleich');
  await verifyPassword(await dummyHash, password);
}

/** German reason why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return passwordMessages.tooShort(MIN_PASSWORD_LENGTH);
  if (password.length > PASSWORD_LENGTH.max) return passwordMessages.tooLong(PASSWORD_LENGTH.max);
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return passwordMessages.common;
  if (/^(.)\1+$/.test(password)) return passwordMessages.repeated;
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return passwordMessages.containsEmail;
  return null;
}
