// Every back-office action refuses anonymous users (401) and the wrong role (403), and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openServerDatabase } from '../support/base-url';
import { count } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { loginAs, postForm } from '../support/back-office';
import { projectRoot } from '../support/paths';

/** Every action that changes data, with the role it needs. auth.login is open to everyone by design. */
const guarded: Record<string, 'clerk' | 'admin'> = {
  'users.create': 'admin',
  'users.resetPassword': 'admin',
  'users.setActive': 'admin',
  'users.setRole': 'admin',
  'users.changeOwnPassword': 'clerk',
  'papers.save': 'clerk',
  'paperLinks.relate': 'clerk',
  'paperLinks.consult': 'clerk',
  'demands.save': 'clerk',
  'followUps.add': 'clerk',
  'followUps.edit': 'clerk',
  'meetings.save': 'clerk',
  'agenda.save': 'clerk',
  'agenda.move': 'clerk',
  'masterData.save': 'clerk',
  'memberships.save': 'clerk',
  'files.upload': 'clerk',
  'records.trash': 'clerk',
  'records.untrash': 'clerk',
  'records.restore': 'clerk',
  'preview': 'clerk',
  'auth.logout': 'clerk',
  'auth.logoutEverywhere': 'clerk',
};

/** Plausible input, so a refusal cannot come from validation. */
const input: Record<string, string> = {
  userId: '1', active: 'false', password: 'Ein-sehr-sicheres-Passwort-42', email: 'neu@ratsfaden.test', name: 'Neu', role: 'admin',
  id: '1', version: '1', table: 'paper', fromVersion: '1', bodyId: '1', paperType: 'antrag', date: '2024-01-01', intent: 'publish',
  title: 'T', textMd: 'Text', start: '2026-12-01T17:00', number: 'Ö 1', direction: 'up', meetingId: '1', personId: '1', organizationId: '1', paperId: '1', demandId: '1', demandVersion: '1', kind: 'reply',
};

let db: Database;
const countRows = async () => {
  const tables = [t.user, t.paper, t.demand, t.followUp, t.revision];
  return Promise.all(tables.map(async (table) => (await db.select({ n: count() }).from(table))[0]!.n));
};

beforeAll(() => {
  db = openServerDatabase();
});
afterAll(() => db?.$client.close());

describe('authorization of every action', () => {
  it('covers every action defined in src/actions', () => {
    const source = fs.readdirSync(path.join(projectRoot, 'src/actions')).map((f) => fs.readFileSync(path.join(projectRoot, 'src/actions', f), 'utf8')).join('\n');
    const defined = (source.match(/formAction\(|defineAction\(/g) ?? []).length;
    // formAction's own defineAction, and auth.login (open by design), are not actions to guard.
    expect(defined - 2).toBe(Object.keys(guarded).length);
  });

  it.each(Object.keys(guarded))('refuses %s for anonymous users (RPC and form post)', async (name) => {
    const before = await countRows();
    const rpc = await postForm(`/_actions/${name}`, null, input);
    expect(rpc.status).toBe(401);
    const form = await postForm('/verwaltung/vorlagen/neu', name, input);
    expect([303, 401]).toContain(form.status);
    expect(await countRows()).toEqual(before);
  });

  it.each(Object.entries(guarded).filter(([, role]) => role === 'admin').map(([name]) => name))('refuses %s for clerks', async (name) => {
    const cookie = await loginAs('clerk');
    const before = await countRows();
    const rpc = await postForm(`/_actions/${name}`, null, input, cookie);
    expect(rpc.status).toBe(403);
    expect(await countRows()).toEqual(before);
  });

  it('refuses a cross-site form post even with a valid session', async () => {
    const cookie = await loginAs('clerk');
    const response = await fetch(new URL('/_actions/papers.save', inject('baseUrl')), {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', Cookie: cookie },
      body: new URLSearchParams(input),
    });
    expect(response.status).toBe(403);
  });
});
