// Every back-office action refuses anonymous users (401) and the wrong role (403), and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openServerDatabase } from '../support/base-url';
import { eq, like, or } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { loginAs, postForm } from '../support/back-office';
import { projectRoot } from '../support/paths';
import { uniqueToken } from '../support/unique';
import { insertAccount } from '../support/users';
import { announceDirectWrites } from '../support/direct-writes';

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
  'legalTexts.save': 'admin',
  'memberships.save': 'clerk',
  'files.upload': 'clerk',
  'records.trash': 'clerk',
  'records.untrash': 'clerk',
  'records.restore': 'clerk',
  'preview': 'clerk',
  'auth.logout': 'clerk',
  'auth.logoutEverywhere': 'clerk',
};

// The file's own rows that the refused actions name, so that "changes nothing" is checked on rows no other file
// touches meanwhile (other files save on the same server in parallel; global row counts would race).
const token = uniqueToken();
const own = { body: 0, user: 0, paper: 0, demand: 0, followUp: 0, meeting: 0, agendaItem: 0, organization: 0, person: 0 };

/** Plausible input naming the file's own rows, so a refusal cannot come from validation or a missing record. */
function inputFor(action: string): Record<string, string> {
  // `id` means a different table depending on the action.
  const id = action.startsWith('followUps.') ? own.followUp : action.startsWith('agenda.') ? own.agendaItem : action.startsWith('meetings.') ? own.meeting : action.startsWith('masterData.') ? own.organization : own.paper;
  return {
    userId: String(own.user), active: 'false', password: 'Ein-sehr-sicheres-Passwort-42', email: `neu.${token}@ratsfaden.test`, name: `Neu ${token}`, role: 'admin',
    id: String(id), version: '1', table: 'paper', fromVersion: '1', bodyId: String(own.body), paperType: 'antrag', date: '2024-01-01', intent: 'publish',
    title: `T ${token}`, textMd: `Text ${token}`, start: '2026-12-01T17:00', number: 'Ö 1', direction: 'up', meetingId: String(own.meeting), personId: String(own.person),
    organizationId: String(own.organization), paperId: String(own.paper), demandId: String(own.demand), demandVersion: '1', kind: 'reply', masterKind: 'gremien',
  };
}

let db: Database;

/** Everything a refused action could have written: the own rows, rows hanging off them, rows carrying the token. */
async function fingerprint(): Promise<string> {
  const tagged = `%${token}%`;
  const rows = await Promise.all([
    db.select().from(t.user).where(or(eq(t.user.id, own.user), like(t.user.email, tagged))),
    db.select().from(t.session).where(eq(t.session.userId, own.user)),
    db.select().from(t.body).where(or(eq(t.body.id, own.body), like(t.body.name, tagged))),
    db.select().from(t.paper).where(or(eq(t.paper.id, own.paper), like(t.paper.name, tagged))),
    db.select().from(t.paperRelation).where(or(eq(t.paperRelation.fromPaperId, own.paper), eq(t.paperRelation.toPaperId, own.paper))),
    db.select().from(t.consultation).where(eq(t.consultation.paperId, own.paper)),
    db.select().from(t.file).where(or(eq(t.file.paperId, own.paper), eq(t.file.meetingId, own.meeting), eq(t.file.agendaItemId, own.agendaItem))),
    db.select().from(t.demand).where(or(eq(t.demand.paperId, own.paper), eq(t.demand.agendaItemId, own.agendaItem), like(t.demand.title, tagged))),
    db.select().from(t.followUp).where(or(eq(t.followUp.demandId, own.demand), like(t.followUp.textMd, tagged))),
    db.select().from(t.meeting).where(or(eq(t.meeting.id, own.meeting), like(t.meeting.name, tagged))),
    db.select().from(t.agendaItem).where(eq(t.agendaItem.meetingId, own.meeting)),
    db.select().from(t.organization).where(or(eq(t.organization.id, own.organization), like(t.organization.name, tagged))),
    db.select().from(t.person).where(or(eq(t.person.id, own.person), like(t.person.name, tagged))),
    db.select().from(t.membership).where(or(eq(t.membership.personId, own.person), eq(t.membership.organizationId, own.organization))),
    db.select().from(t.legalText).where(or(eq(t.legalText.bodyId, own.body), like(t.legalText.textMd, tagged))),
    db.select().from(t.revision).where(like(t.revision.snapshot, tagged)),
  ]);
  return JSON.stringify(rows);
}

beforeAll(async () => {
  db = openServerDatabase();
  const draft = { publishedAt: null };
  const [body] = await db.insert(t.body).values({ slug: `koerperschaft-${token}`, name: `Körperschaft ${token}` }).returning();
  own.body = body!.id;
  own.user = (await insertAccount(db, { email: `betroffen.${token}@ratsfaden.test`, name: `Betroffen ${token}`, role: 'clerk', password: 'Ein-sehr-sicheres-Passwort-41' })).id;
  const [paper] = await db.insert(t.paper).values({ bodyId: own.body, slug: `vorlage-${token}`, name: `Vorlage ${token}`, paperType: 'antrag', date: '2024-01-01', ...draft }).returning();
  own.paper = paper!.id;
  const [demand] = await db.insert(t.demand).values({ paperId: own.paper, ordinal: 1, title: `Forderung ${token}`, textMd: 'Text', textHtml: '<p>Text</p>', ...draft }).returning();
  own.demand = demand!.id;
  const [followUp] = await db.insert(t.followUp).values({ demandId: own.demand, date: '2024-01-02', kind: 'reply', textMd: 'Antwort', textHtml: '<p>Antwort</p>', ...draft }).returning();
  own.followUp = followUp!.id;
  const [meeting] = await db.insert(t.meeting).values({ bodyId: own.body, slug: `sitzung-${token}`, name: `Sitzung ${token}`, start: '2026-12-01T17:00:00+01:00', ...draft }).returning();
  own.meeting = meeting!.id;
  const [item] = await db.insert(t.agendaItem).values({ meetingId: own.meeting, order: 1, number: 'Ö 1', name: 'Punkt', ...draft }).returning();
  own.agendaItem = item!.id;
  const [organization] = await db.insert(t.organization).values({ bodyId: own.body, slug: `gremium-${token}`, name: `Gremium ${token}`, kind: 'committee', ...draft }).returning();
  own.organization = organization!.id;
  const [person] = await db.insert(t.person).values({ bodyId: own.body, slug: `person-${token}`, name: `Person ${token}`, ...draft }).returning();
  own.person = person!.id;
  await announceDirectWrites(db);
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
    const before = await fingerprint();
    const rpc = await postForm(`/_actions/${name}`, null, inputFor(name));
    expect(rpc.status).toBe(401);
    const form = await postForm('/verwaltung/vorlagen/neu', name, inputFor(name));
    expect([303, 401]).toContain(form.status);
    expect(await fingerprint()).toEqual(before);
  });

  it.each(Object.entries(guarded).filter(([, role]) => role === 'admin').map(([name]) => name))('refuses %s for clerks', async (name) => {
    const cookie = await loginAs('clerk');
    const before = await fingerprint();
    const rpc = await postForm(`/_actions/${name}`, null, inputFor(name), cookie);
    expect(rpc.status).toBe(403);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a cross-site form post even with a valid session', async () => {
    const cookie = await loginAs('clerk');
    const response = await fetch(new URL('/_actions/papers.save', inject('baseUrl')), {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', Cookie: cookie },
      body: new URLSearchParams(inputFor('papers.save')),
    });
    expect(response.status).toBe(403);
  });
});
