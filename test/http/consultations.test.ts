// A paper on the agenda of an upcoming meeting: Beratungsfolge, agenda links and the upcoming-meetings lists.
// The committee, its meetings and the paper are this file's own; the global lists (start page, all meetings) are
// checked with a meeting that starts within the hour, since they show the soonest meetings of every test file.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase } from '../support/base-url';
import { getPage } from '../support/back-office';
import { uniqueName, uniqueToken } from '../support/unique';
import { announceDirectWrites } from '../support/direct-writes';

let db: Database;
const published = '2026-01-01T00:00:00Z';
const token = uniqueToken();
const committee = { slug: `ausschuss-${token}`, name: uniqueName('Ausschuss für Bürgerdienste') };
const meeting = { slug: `2099-05-06-sondersitzung-${token}`, name: uniqueName('Sondersitzung des Ausschusses') };
const soon = { slug: `bald-${token}`, name: uniqueName('Sitzung in Kürze') };
const paper = { slug: `a-2099-001-terminvergabe-${token}`, name: uniqueName('Anfrage zur Terminvergabe im Bürgerbüro') };

beforeAll(async () => {
  db = openServerDatabase();
  const [body] = await db.select().from(t.body).where(eq(t.body.slug, 'staedteregion-aachen'));
  const [council] = await db.insert(t.organization).values({ bodyId: body!.id, slug: committee.slug, name: committee.name, kind: 'committee', publishedAt: published }).returning();
  const [special] = await db.insert(t.meeting).values({
    bodyId: body!.id, slug: meeting.slug, name: meeting.name, start: '2099-05-06T16:30:00+02:00', location: 'Haus der StädteRegion, Raum A 101', publishedAt: published,
  }).returning();
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  const [next] = await db.insert(t.meeting).values({ bodyId: body!.id, slug: soon.slug, name: soon.name, start: inAnHour, publishedAt: published }).returning();
  await db.insert(t.meetingOrganization).values([{ meetingId: special!.id, organizationId: council!.id }, { meetingId: next!.id, organizationId: council!.id }]);
  const [item] = await db.insert(t.agendaItem).values({ meetingId: special!.id, order: 1, number: 'Ö 1', name: 'Bericht zur Terminvergabe', public: true, publishedAt: published }).returning();
  const [row] = await db.insert(t.paper).values({
    bodyId: body!.id, slug: paper.slug, reference: 'A 2099/001', name: paper.name, paperType: 'anfrage', date: '2099-04-01', publishedAt: published,
  }).returning();
  await db.insert(t.consultation).values({ paperId: row!.id, meetingId: special!.id, agendaItemId: item!.id, organizationId: council!.id, role: 'Kenntnisnahme', authoritative: false });
  await announceDirectWrites(db);
});

afterAll(() => db?.$client.close());

/** The "Kommende …" part of a page, up to the past meetings. */
function upcomingPart(html: string): string {
  const start = html.indexOf('Kommende');
  const end = html.indexOf('Vergangene', start);
  return start < 0 ? '' : html.slice(start, end < 0 ? undefined : end);
}

describe('Beratungsfolge', () => {
  it('names the meeting and links the agenda item on the paper page', async () => {
    const { status, html } = await getPage(`/vorlagen/${paper.slug}`);
    expect(status).toBe(200);
    expect(html).toContain('Beratungsfolge');
    expect(html).toContain(`href="/sitzungen/${meeting.slug}#top-oe-1"`);
    expect(html).toContain('Kenntnisnahme');
    expect(html).toContain('Mi., 06.05.2099');
  });

  it('links the paper from its agenda item on the meeting page, in Berlin time', async () => {
    const { html } = await getPage(`/sitzungen/${meeting.slug}`);
    expect(html).toContain('id="top-oe-1"');
    expect(html).toContain(`href="/vorlagen/${paper.slug}"`);
    expect(html).toContain('16:30 Uhr');
    expect(html).toContain('Haus der StädteRegion, Raum A 101');
  });

  it('lists the meeting as upcoming on the committee page and the committee\'s meeting list', async () => {
    for (const path of [`/sitzungen?gremium=${committee.slug}`, `/gremien/${committee.slug}`]) {
      const upcoming = upcomingPart((await getPage(path)).html);
      expect(upcoming, path).toContain(meeting.name);
      expect(upcoming, path).toContain(soon.name);
      // Soonest first.
      expect(upcoming.indexOf(soon.name), path).toBeLessThan(upcoming.indexOf(meeting.name));
    }
  });

  it('lists the next meeting as upcoming on the start page and the meeting list', async () => {
    for (const path of ['/', '/sitzungen']) {
      expect(upcomingPart((await getPage(path)).html), path).toContain(soon.name);
    }
  });

  it('lists the paper under the committee that consults it', async () => {
    expect((await getPage(`/vorlagen?gremium=${committee.slug}`)).html).toContain(`/vorlagen/${paper.slug}`);
    expect((await getPage(`/gremien/${committee.slug}`)).html).toContain(`/vorlagen/${paper.slug}`);
  });
});
