// `npm run user:create`: the first admin from the command line; the password never as an argument.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { testDb } from '../support/database';
import { projectRoot } from '../support/paths';
import { login } from '@/lib/server/auth/users';

function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/user-create.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('user:create', () => {
  it('creates an admin with the password from RATSFADEN_PASSWORD, who can then log in', async () => {
    const result = runCli(['--email', 'Erste.Admin@Kreis.example', '--name', 'Erste Admin'], { RATSFADEN_PASSWORD: 'Ein-sicheres-Startpasswort-1' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [row] = await testDb().select().from(t.user).where(eq(t.user.email, 'erste.admin@kreis.example'));
    expect(row).toMatchObject({ role: 'admin', active: true });
    expect((await login('erste.admin@kreis.example', 'Ein-sicheres-Startpasswort-1', '10.1.1.1')).ok).toBe(true);
  }, 30_000);

  it('refuses a password given as an argument, and weak passwords', async () => {
    const asArgument = runCli(['--email', 'a@kreis.example', '--name', 'A', '--password', 'Ein-sicheres-Startpasswort-1']);
    expect(asArgument.status).toBe(1);
    expect(asArgument.stderr).toContain('nie als Argument');
    const weak = runCli(['--email', 'b@kreis.example', '--name', 'B'], { RATSFADEN_PASSWORD: 'kurz' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('mindestens 12 Zeichen');
    const noTerminal = runCli(['--email', 'c@kreis.example', '--name', 'C'], { RATSFADEN_PASSWORD: '' });
    expect(noTerminal.stderr).toContain('RATSFADEN_PASSWORD');
    expect(await testDb().select().from(t.user)).toHaveLength(0);
  }, 30_000);
});
