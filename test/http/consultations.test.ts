// A paper on the agenda of an upcoming meeting: Beratungsfolge, agenda links and the upcoming-meetings lists.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase } from '../support/base-url';
import { getPage } from '../support/back-office';

let db: Database;
const published = '2026-01-01T00:00:00Z';


beforeAll(async () => {
  db = openServerDatabase();
  const [body] = await db.select().from(t.body).where(eq(t.body.slug, 'staedteregion-aachen'));
  const [council] = await db.select().from(t.organization).where(eq(t.organization.slug, 'integrationsrat-staedteregion-aachen'));
  const [meeting] = await db.insert(t.meeting).values({
    bodyId: body!.id, slug: '2099-05-06-sondersitzung-integrationsrat', name: 'Sondersitzung des Integrationsrates',
    start: '2099-05-06T16:30:00+02:00', location: 'Haus der StädteRegion, Raum A 101', publishedAt: published,
  }).returning();
  await db.insert(t.meetingOrganization).values({ meetingId: meeting!.id, organizationId: council!.id });
  const [item] = await db.insert(t.agendaItem).values({ meetingId: meeting!.id, order: 1, number: 'Ö 1', name: 'Bericht zur Terminvergabe', public: true, publishedAt: published }).returning();
  const [paper] = await db.insert(t.paper).values({
    bodyId: body!.id, slug: 'a-2099-001-terminvergabe', reference: 'A 2099/001', name: 'Anfrage zur Terminvergabe im Ausländeramt', paperType: 'anfrage', date: '2099-04-01', publishedAt: published,
  }).returning();
  await db.insert(t.consultation).values({ paperId: paper!.id, meetingId: meeting!.id, agendaItemId: item!.id, organizationId: council!.id, role: 'Kenntnisnahme', authoritative: false });
});

afterAll(() => db?.$client.close());

describe('Beratungsfolge', () => {
  it('names the meeting and links the agenda item on the paper page', async () => {
    const { status, html } = await getPage('/vorlagen/a-2099-001-terminvergabe');
    expect(status).toBe(200);
    expect(html).toContain('Beratungsfolge');
    expect(html).toContain('href="/sitzungen/2099-05-06-sondersitzung-integrationsrat#top-oe-1"');
    expect(html).toContain('Kenntnisnahme');
    expect(html).toContain('Mi., 06.05.2099');
  });

  it('links the paper from its agenda item on the meeting page, in Berlin time', async () => {
    const { html } = await getPage('/sitzungen/2099-05-06-sondersitzung-integrationsrat');
    expect(html).toContain('id="top-oe-1"');
    expect(html).toContain('href="/vorlagen/a-2099-001-terminvergabe"');
    expect(html).toContain('16:30 Uhr');
    expect(html).toContain('Haus der StädteRegion, Raum A 101');
  });

  it('lists the meeting as upcoming on the start page, the meeting list and the committee page', async () => {
    for (const path of ['/', '/sitzungen', '/sitzungen?gremium=integrationsrat-staedteregion-aachen', '/gremien/integrationsrat-staedteregion-aachen']) {
      const { html } = await getPage(path);
      const upcoming = html.slice(html.indexOf('Kommende'), html.indexOf('Vergangene'));
      expect(upcoming, path).toContain('Sondersitzung des Integrationsrates');
    }
  });

  it('lists the paper under the committee that consults it', async () => {
    expect((await getPage('/vorlagen?gremium=integrationsrat-staedteregion-aachen')).html).toContain('/vorlagen/a-2099-001-terminvergabe');
    expect((await getPage('/gremien/integrationsrat-staedteregion-aachen')).html).toContain('/vorlagen/a-2099-001-terminvergabe');
  });
});
