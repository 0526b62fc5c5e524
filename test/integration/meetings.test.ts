// The meeting page of the Integrationsrat (02.02.2022): public item Ö 13 with minutes and five demands, non-public N 2.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { getMeeting, listMeetings } from '@/lib/server/meetings/read';
import { agendaItemByNumber, insertDemand, insertNonPublicAgendaItem, insertPaper, testDb } from '../support/database';

const MEETING = '2022-02-02-integrationsrat';

describe('Meeting page', () => {
  it('shows the meeting with its committee and the agenda in order', async () => {
    const detail = await getMeeting(MEETING);
    expect(detail?.meeting).toMatchObject({ name: 'Sitzung des Integrationsrates', start: '2022-02-02T17:00:00+01:00', meetingState: 'held' });
    expect(detail?.body).toEqual({ slug: 'staedteregion-aachen', name: 'StädteRegion Aachen' });
    expect(detail?.organizations).toEqual([{ slug: 'integrationsrat-staedteregion-aachen', name: 'Integrationsrat der StädteRegion Aachen' }]);
    expect(detail?.agenda.map((i) => i.number)).toEqual(['Ö 13', 'N 2']);
  });

  it('shows the minutes of the public item Ö 13 and its five demands in order', async () => {
    const item = (await getMeeting(MEETING))?.agenda.find((i) => i.number === 'Ö 13');
    expect(item?.public).toBe(true);
    expect(item?.minutesHtml).toContain('Online-Termin-Management');
    expect(item?.minutesHtml).toContain('<li>Die seit Jahren bestehenden Schwierigkeiten bei der Terminvergabe</li>');
    expect(item?.demands.map((d) => [d.ordinal, d.title])).toEqual([
      [1, 'Terminvergabe verbessern'],
      [2, 'Wartesituation vor dem Verwaltungsgebäude beenden'],
      [3, 'E-Mails zeitnah beantworten'],
      [4, 'Entscheidungspraxis in Einzelfällen überprüfen'],
      [5, 'Integrationsrat, Wohlfahrtsverbände und Religionsgemeinschaften einbinden'],
    ]);
    expect(item?.demands.every((d) => d.status === 'in_beratung' && d.responsible?.slug === 'auslaenderamt-staedteregion-aachen')).toBe(true);
  });

  it('shows the non-public item N 2 with its title only', async () => {
    const item = (await getMeeting(MEETING))?.agenda.find((i) => i.number === 'N 2');
    expect(item).toEqual({
      id: expect.any(Number), number: 'N 2', name: 'Weitere Ausführungen des Integrationsrats zum Ausländeramt (Titel redaktionell ergänzt)',
      public: false, minutesHtml: null, result: null, resolutionHtml: null, papers: [], demands: [],
    });
  });

  it('never leaks minutes, result, resolution, papers or demands of a non-public item, even when the row holds them', async () => {
    const n2 = await agendaItemByNumber(MEETING, 'N 2');
    await testDb().update(t.agendaItem).set({
      minutesMd: 'VERTRAULICH Niederschrift', minutesHtml: '<p>VERTRAULICH Niederschrift</p>', result: 'VERTRAULICH Ergebnis',
      resolutionMd: 'VERTRAULICH Beschluss', resolutionHtml: '<p>VERTRAULICH Beschluss</p>',
    }).where(eq(t.agendaItem.id, n2.id));
    await insertDemand({ agendaItemId: n2.id, title: 'VERTRAULICH Forderung' });
    const paper = await insertPaper({ name: 'VERTRAULICH Personalvorlage' });
    await testDb().insert(t.consultation).values({ paperId: paper.id, meetingId: n2.meetingId, agendaItemId: n2.id, role: 'Entscheidung' });

    const detail = await getMeeting(MEETING);
    const item = detail?.agenda.find((i) => i.number === 'N 2');
    expect(item).toMatchObject({ public: false, minutesHtml: null, result: null, resolutionHtml: null, papers: [], demands: [] });
    expect(JSON.stringify(detail)).not.toContain('VERTRAULICH');
  });

  it('keeps a second non-public item just as closed', async () => {
    await insertNonPublicAgendaItem({ name: 'Grundstücksangelegenheit' });
    const detail = await getMeeting(MEETING);
    expect(detail?.agenda.find((i) => i.name === 'Grundstücksangelegenheit')).toMatchObject({ public: false, minutesHtml: null, result: null });
    expect(JSON.stringify(detail)).not.toContain('VERTRAULICH');
  });

  it('does not show an unpublished agenda item at all', async () => {
    await insertNonPublicAgendaItem({ name: 'Entwurfspunkt', public: true, publishedAt: null });
    expect((await getMeeting(MEETING))?.agenda.map((i) => i.number)).toEqual(['Ö 13', 'N 2']);
  });

  it('returns nothing for an unknown meeting', async () => {
    expect(await getMeeting('2099-01-01-gibt-es-nicht')).toBeNull();
  });
});

describe('Meeting lists', () => {
  it('lists the held meeting under past meetings, not under upcoming ones', async () => {
    const now = new Date('2024-01-01T12:00:00Z');
    const past = await listMeetings({ when: 'past', pageSize: 10, now });
    expect(past.total).toBe(1);
    expect(past.items[0]).toMatchObject({ slug: MEETING, organizations: [{ slug: 'integrationsrat-staedteregion-aachen' }] });
    expect(await listMeetings({ when: 'upcoming', pageSize: 10, now })).toEqual({ total: 0, items: [] });
  });

  it('lists the meeting as upcoming shortly before it starts, compared by instant across time zones', async () => {
    // 15:59 UTC is 16:59 in Berlin, one minute before the 17:00 start.
    const upcoming = await listMeetings({ when: 'upcoming', pageSize: 10, now: new Date('2022-02-02T15:59:00Z') });
    expect(upcoming.items.map((m) => m.slug)).toEqual([MEETING]);
    const started = await listMeetings({ when: 'upcoming', pageSize: 10, now: new Date('2022-02-02T16:01:00Z') });
    expect(started.items).toEqual([]);
  });

  it('filters meetings by committee and body', async () => {
    const now = new Date('2024-01-01T12:00:00Z');
    expect((await listMeetings({ when: 'past', pageSize: 10, now, organization: 'integrationsrat-staedteregion-aachen' })).total).toBe(1);
    expect((await listMeetings({ when: 'past', pageSize: 10, now, organization: 'kreistag-grafschaft-bentheim' })).total).toBe(0);
    expect((await listMeetings({ when: 'past', pageSize: 10, now, body: 'landkreis-grafschaft-bentheim' })).total).toBe(0);
  });

  it('orders and counts past and upcoming meetings by instant across offsets; the past count follows the clock between changes', async () => {
    const bodyId = (await testDb().select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'staedteregion-aachen')))[0]!.id;
    const published = '2022-01-01T00:00:00.000Z';
    // Wall-clock order and instant order differ: 18:30+02:00 is 16:30 UTC, before 17:00Z.
    await testDb().insert(t.meeting).values([
      { bodyId, slug: 'sommer-spaet', name: 'Sommer, 18:30 Sommerzeit', start: '2023-06-01T18:30:00+02:00', publishedAt: published },
      { bodyId, slug: 'sommer-utc', name: 'Sommer, 17:00 UTC', start: '2023-06-01T17:00:00Z', publishedAt: published },
      { bodyId, slug: 'kein-datum', name: 'Ohne lesbaren Beginn', start: 'demnächst', publishedAt: published },
      { bodyId, slug: 'entwurf', name: 'Entwurf', start: '2023-06-02T10:00:00Z', publishedAt: null },
    ]);
    const now = new Date('2023-06-01T16:45:00Z');
    const past = await listMeetings({ when: 'past', body: 'staedteregion-aachen', pageSize: 10, now });
    expect(past.items.map((m) => m.slug)).toEqual(['sommer-spaet', MEETING]);
    expect(past.total).toBe(2);
    const upcoming = await listMeetings({ when: 'upcoming', body: 'staedteregion-aachen', pageSize: 10, now });
    expect(upcoming).toMatchObject({ total: 1, items: [{ slug: 'sommer-utc' }] });
    // Later the same day, the UTC meeting has passed: counted as past without any change of the data.
    const evening = await listMeetings({ when: 'past', body: 'staedteregion-aachen', pageSize: 1, page: 1, now: new Date('2023-06-01T20:00:00Z') });
    expect(evening).toMatchObject({ total: 3, items: [{ slug: 'sommer-utc' }] });
  });
});
