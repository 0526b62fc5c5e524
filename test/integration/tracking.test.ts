// The tracker (Beschlusskontrolle): what was promised by when, and what is overdue.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { getMeeting } from '@/lib/server/meetings/read';
import { demandsOfAgendaItems, summarizeDemands } from '@/lib/server/tracking/demand-lists';
import { agendaItemByNumber, insertDemand, testDb } from '../support/database';

const MEETING = '2022-02-02-integrationsrat';

async function demandsOfO13(today: string) {
  const item = await agendaItemByNumber(MEETING, 'Ö 13');
  return (await demandsOfAgendaItems([item.id], today)).get(item.id) ?? [];
}

describe('Overdue demands', () => {
  it('shows demand 1 of Ö 13 as overdue: online appointments were promised for 30 June 2022', async () => {
    const demands = (await getMeeting(MEETING))?.agenda.find((i) => i.number === 'Ö 13')?.demands ?? [];
    expect(demands[0]).toMatchObject({ ordinal: 1, title: 'Terminvergabe verbessern', dueDate: '2022-06-30', overdue: true, followUpCount: 1, lastFollowUpDate: '2022-02-02' });
    expect(demands.slice(1).map((d) => [d.ordinal, d.dueDate, d.overdue])).toEqual([[2, null, false], [3, null, false], [4, null, false], [5, null, false]]);
  });

  it('is not overdue on the due date itself, but from the next Berlin day', async () => {
    expect((await demandsOfO13('2022-06-30'))[0]?.overdue).toBe(false);
    expect((await demandsOfO13('2022-07-01'))[0]?.overdue).toBe(true);
  });

  it('is no longer overdue once the demand is settled', async () => {
    const item = await agendaItemByNumber(MEETING, 'Ö 13');
    await testDb().update(t.demand).set({ status: 'umgesetzt' }).where(eq(t.demand.agendaItemId, item.id));
    expect((await demandsOfO13('2023-01-01')).some((d) => d.overdue)).toBe(false);
  });

  it('takes the due date of the newest follow-up over an earlier one and over the demand’s own', async () => {
    const item = await agendaItemByNumber(MEETING, 'Ö 13');
    const demand = await insertDemand({ agendaItemId: item.id, dueDate: '2022-03-01' });
    await testDb().insert(t.followUp).values([
      { demandId: demand.id, date: '2022-04-01', kind: 'promise', textMd: 'Zusage', textHtml: '<p>Zusage</p>', nextDueDate: '2022-09-30', publishedAt: new Date().toISOString() },
      { demandId: demand.id, date: '2022-10-05', kind: 'reminder', textMd: 'Verschoben', textHtml: '<p>Verschoben</p>', nextDueDate: '2023-03-31', publishedAt: new Date().toISOString() },
    ]);
    const summary = (await demandsOfO13('2023-01-15')).find((d) => d.id === demand.id);
    expect(summary).toMatchObject({ dueDate: '2023-03-31', overdue: false, followUpCount: 2, lastFollowUpDate: '2022-10-05' });
  });

  it('ignores unpublished follow-ups when working out the due date', async () => {
    const [first] = await demandsOfO13('2023-01-01');
    await testDb().insert(t.followUp).values({ demandId: first!.id, date: '2022-07-02', kind: 'reminder', textMd: 'Entwurf', textHtml: '<p>Entwurf</p>', nextDueDate: '2099-12-31', publishedAt: null });
    const [again] = await demandsOfO13('2023-01-01');
    expect(again).toMatchObject({ dueDate: '2022-06-30', overdue: true, followUpCount: 1 });
  });

  it('summarises the demands of Ö 13 for the meeting page', async () => {
    expect(summarizeDemands(await demandsOfO13('2023-01-01'))).toBe('0 von 5 Forderungen erfüllt oder umgesetzt, 1 überfällig');
    expect(summarizeDemands(await demandsOfO13('2022-02-02'))).toBe('0 von 5 Forderungen erfüllt oder umgesetzt');
    expect(summarizeDemands([])).toBe('');
  });
});
