// The meeting editor and agenda builder through the built server: drafts, order, non-public items, minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, getPage, postForm } from '../support/back-office';

let db: Database;
let cookie: string;
let bodyId: string;

beforeAll(async () => {
  ({ db, cookie, bodyId } = await clerkSetup('staedteregion-aachen'));
});
afterAll(() => db?.$client.close());

describe('meetings and agenda', () => {
  it('builds an agenda, reorders it, keeps non-public minutes off the public page', async () => {
    const created = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name: 'Sitzung des Integrationsrats (Test)', start: '2026-12-03T17:00', location: 'Haus der StädteRegion', intent: 'save' }, cookie);
    expect(created.status).toBe(303);
    const id = Number(created.headers.get('location')!.match(/sitzungen\/(\d+)/)![1]);
    const [meeting] = await db.select().from(t.meeting).where(eq(t.meeting.id, id));
    expect(meeting).toMatchObject({ start: '2026-12-03T17:00:00+01:00', publishedAt: null });

    for (const [number, name, pub] of [['Ö 1', 'Eröffnung', 'on'], ['Ö 2', 'Bericht der Verwaltung', 'on'], ['N 1', 'Personalangelegenheit', '']] as const) {
      const r = await postForm(`/verwaltung/sitzungen/${id}`, 'agenda.save', { meetingId: String(id), number, name, ...(pub ? { public: pub } : {}) }, cookie);
      expect(r.status, number).toBe(303);
    }
    const duplicate = await postForm(`/verwaltung/sitzungen/${id}`, 'agenda.save', { meetingId: String(id), number: 'Ö 1', name: 'Doppelt', public: 'on' }, cookie);
    expect(duplicate.status).toBe(422);
    expect(await duplicate.text()).toContain('Die Nummer „Ö 1“ ist in dieser Sitzung schon vergeben.');

    const items = () => db.select().from(t.agendaItem).where(eq(t.agendaItem.meetingId, id)).orderBy(asc(t.agendaItem.order));
    const second = (await items())[1]!;
    expect((await postForm(`/verwaltung/sitzungen/${id}`, 'agenda.move', { id: String(second.id), direction: 'up' }, cookie)).status).toBe(303);
    expect((await items()).map((i) => i.number)).toEqual(['Ö 2', 'Ö 1', 'N 1']);

    const secret = (await items()).find((i) => i.number === 'N 1')!;
    const minutes = await postForm(`/verwaltung/tagesordnungspunkte/${secret.id}`, 'agenda.save', { id: String(secret.id), version: String(secret.version), number: 'N 1', name: 'Personalangelegenheit', minutesMd: 'VERTRAULICH-Niederschrift-991', result: 'VERTRAULICH-Ergebnis' }, cookie);
    expect(minutes.status).toBe(303);
    const open = (await items()).find((i) => i.number === 'Ö 2')!;
    await postForm(`/verwaltung/tagesordnungspunkte/${open.id}`, 'agenda.save', { id: String(open.id), version: String(open.version), number: 'Ö 2', name: 'Bericht der Verwaltung', public: 'on', minutesMd: 'Die Verwaltung berichtet **ausführlich**.' }, cookie);

    const raised = await postForm(`/verwaltung/tagesordnungspunkte/${open.id}`, 'demands.save', { agendaItemId: String(open.id), title: 'Bericht im nächsten Quartal', textMd: 'Der Rat bittet um einen Folgebericht.' }, cookie);
    expect(raised.status).toBe(303);
    expect((await getPage(`/sitzungen/${meeting!.slug}`)).status).toBe(404);
    const [fresh] = await db.select().from(t.meeting).where(eq(t.meeting.id, id));
    const publish = await postForm(`/verwaltung/sitzungen/${id}`, 'meetings.save', { id: String(id), version: String(fresh!.version), bodyId, name: 'Sitzung des Integrationsrats (Test)', start: '2026-12-03T17:00', intent: 'publish' }, cookie);
    expect(publish.status).toBe(303);
    const page = await getPage(`/sitzungen/${meeting!.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Bericht der Verwaltung');
    expect(page.html).toContain('<strong>ausführlich</strong>');
    expect(page.html).toContain('Personalangelegenheit');
    expect(page.html).not.toContain('VERTRAULICH');
    expect(page.html).toContain('Bericht im nächsten Quartal');
    expect(page.html.indexOf('Bericht der Verwaltung')).toBeLessThan(page.html.indexOf('Eröffnung'));
  });

  it('shows the agenda builder and the minutes editor to clerks', async () => {
    const [meeting] = await db.select().from(t.meeting).where(eq(t.meeting.slug, '2022-02-02-integrationsrat'));
    const page = await getPage(`/verwaltung/sitzungen/${meeting!.id}`, cookie);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Tagesordnungspunkt hinzufügen');
    const [item] = await db.select().from(t.agendaItem).where(eq(t.agendaItem.meetingId, meeting!.id)).limit(1);
    expect((await getPage(`/verwaltung/tagesordnungspunkte/${item!.id}`, cookie)).status).toBe(200);
    expect((await getPage('/verwaltung/sitzungen', cookie)).status).toBe(200);
  });
});
