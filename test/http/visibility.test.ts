// Drafts, deleted records and non-public agenda items never reach public pages.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase } from '../support/base-url';
import { getPage } from '../support/back-office';
import { uniqueToken } from '../support/unique';
import { announceDirectWrites } from '../support/direct-writes';

let db: Database;
const SECRET = `GEHEIM-Vertraulicher-Inhalt-${uniqueToken()}`;


beforeAll(async () => {
  db = openServerDatabase();
  const [body] = await db.select().from(t.body).where(eq(t.body.slug, 'staedteregion-aachen'));
  const [meeting] = await db.select().from(t.meeting).where(eq(t.meeting.slug, '2022-02-02-integrationsrat'));
  await db.insert(t.paper).values([
    { bodyId: body!.id, slug: 'entwurf-sichtbarkeit', name: `Entwurf ${SECRET}`, paperType: 'antrag', date: '2022-03-01', publishedAt: null },
    { bodyId: body!.id, slug: 'geloescht-sichtbarkeit', name: `Gelöscht ${SECRET}`, paperType: 'antrag', date: '2022-03-02', publishedAt: '2022-03-02T10:00:00Z', deletedAt: '2022-03-03T10:00:00Z' },
  ]);
  // Even if minutes were stored for a non-public item, they must not appear. The item is this file's own: other
  // files read the seed's items, so none of them is changed here.
  await db.insert(t.agendaItem).values({ meetingId: meeting!.id, order: 199, number: 'N 99', name: 'Personalangelegenheit', public: false, minutesMd: SECRET, minutesHtml: `<p>${SECRET}</p>`, result: SECRET, publishedAt: '2022-02-02T10:00:00Z' });
  await db.insert(t.agendaItem).values({ meetingId: meeting!.id, order: 200, number: 'Ö 99', name: `Entwurfspunkt ${SECRET}`, public: true, publishedAt: null });
  await announceDirectWrites(db);
});

afterAll(() => db?.$client.close());

describe('visibility on public pages', () => {
  it('does not serve a draft paper or a deleted paper', async () => {
    expect((await getPage('/vorlagen/entwurf-sichtbarkeit')).status).toBe(404);
    expect((await getPage('/vorlagen/geloescht-sichtbarkeit')).status).toBe(404);
  });

  it('lists neither drafts nor deleted papers', async () => {
    for (const path of ['/', '/vorlagen', '/vorlagen?jahr=2022', '/gremien/integrationsrat-staedteregion-aachen']) {
      expect((await getPage(path)).html).not.toContain(SECRET);
    }
  });

  it('shows a non-public agenda item by title only and hides unpublished items', async () => {
    const { status, html } = await getPage('/sitzungen/2022-02-02-integrationsrat');
    expect(status).toBe(200);
    expect(html).toContain('N 99');
    expect(html).not.toContain(SECRET);
  });
});
