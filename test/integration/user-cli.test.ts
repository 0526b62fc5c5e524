// `npm run user:create`: the first admin from the command line; the password never as an argument.
// The command's logic runs in-process (main); one real start of the command proves the entry point works.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { main, type CliIo } from '@/cli/user-create';
import { login } from '@/lib/server/auth/users';
import { testDb } from '../support/database';
import { projectRoot } from '../support/paths';

const strong = 'Ein-sicheres-Startpasswort-1';

/** Runs the command in this process with a fake terminal; `answers` are what the user types at the prompts. */
async function run(args: string[], env: Record<string, string> = {}, answers: string[] | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    promptHidden: answers && (async (question) => (asked.push(question), answers.shift() ?? '')),
  };
  const code = await main(args, env, io);
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

const userByEmail = async (email: string) => (await testDb().select().from(t.user).where(eq(t.user.email, email)))[0] ?? null;

describe('user:create', () => {
  it('creates an admin with the password from RATSFADEN_PASSWORD, who can then log in', async () => {
    const result = await run(['--email', 'Erste.Admin@Kreis.example', '--name', 'Erste Admin'], { RATSFADEN_PASSWORD: strong });
    expect(result).toMatchObject({ code: 0, err: '', out: 'Konto Erste.Admin@Kreis.example (admin) wurde angelegt.' });
    expect(await userByEmail('erste.admin@kreis.example')).toMatchObject({ role: 'admin', active: true, name: 'Erste Admin' });
    expect((await login('erste.admin@kreis.example', strong, '10.1.1.1')).ok).toBe(true);
  });

  it('creates a clerk with --role clerk and refuses an unknown role', async () => {
    expect((await run(['--email', 'schrift@kreis.example', '--name', 'Schrift', '--role', 'clerk'], { RATSFADEN_PASSWORD: strong })).code).toBe(0);
    expect(await userByEmail('schrift@kreis.example')).toMatchObject({ role: 'clerk' });
    const unknown = await run(['--email', 'chef@kreis.example', '--name', 'Chef', '--role', 'superuser'], { RATSFADEN_PASSWORD: strong });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Unbekannte Rolle „superuser“');
    expect(await userByEmail('chef@kreis.example')).toBeNull();
  });

  it('asks for the password twice at a terminal and refuses two different answers', async () => {
    const typed = await run(['--email', 'prompt@kreis.example', '--name', 'Prompt'], {}, [strong, strong]);
    expect(typed.code).toBe(0);
    expect(typed.asked).toEqual(['Passwort: ', 'Passwort wiederholen: ']);
    expect((await login('prompt@kreis.example', strong, '10.1.1.2')).ok).toBe(true);
    const mismatch = await run(['--email', 'tippfehler@kreis.example', '--name', 'Tippfehler'], {}, [strong, `${strong}x`]);
    expect(mismatch).toMatchObject({ code: 1, err: 'Die beiden Eingaben stimmen nicht überein.' });
    expect(await userByEmail('tippfehler@kreis.example')).toBeNull();
  });

  it('refuses a password given as an argument, weak passwords, a missing terminal, missing arguments and a taken address', async () => {
    const asArgument = await run(['--email', 'a@kreis.example', '--name', 'A', '--password', strong]);
    expect(asArgument.code).toBe(1);
    expect(asArgument.err).toContain('nie als Argument');
    const weak = await run(['--email', 'b@kreis.example', '--name', 'B'], { RATSFADEN_PASSWORD: 'kurz' });
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('mindestens 12 Zeichen');
    const noTerminal = await run(['--email', 'c@kreis.example', '--name', 'C'], { RATSFADEN_PASSWORD: '' });
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.err).toContain('RATSFADEN_PASSWORD');
    const missing = await run(['--name', 'D'], { RATSFADEN_PASSWORD: strong });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Aufruf: npm run user:create');
    expect(await testDb().select().from(t.user)).toHaveLength(0);
    expect((await run(['--email', 'e@kreis.example', '--name', 'E'], { RATSFADEN_PASSWORD: strong })).code).toBe(0);
    const taken = await run(['--email', 'E@Kreis.example', '--name', 'E2'], { RATSFADEN_PASSWORD: strong });
    expect(taken).toMatchObject({ code: 1, err: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.' });
  });

  // The one real process start: the entry point runs main with the process's arguments, environment and exit code.
  // Starting tsx takes seconds on a busy machine; the timeout only guards against a hang.
  it('works as a command: creates the account, prints what it did and exits with 0', async () => {
    const command = (args: string[], env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/user-create.ts'), ...args], { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8' })
        .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
        .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
    const created = await command(['--email', 'kommando@kreis.example', '--name', 'Kommando'], { RATSFADEN_PASSWORD: strong });
    expect(created).toEqual({ code: 0, stdout: 'Konto kommando@kreis.example (admin) wurde angelegt.\n', stderr: '' });
    expect(await userByEmail('kommando@kreis.example')).toMatchObject({ role: 'admin' });
  }, 120_000);
});
