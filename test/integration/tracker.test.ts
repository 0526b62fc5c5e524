// The tracker on the seed corpus: filters, urgency order, counts, CSV, reply rule, visibility and the demand page data.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import * as t from '@db/schema';
import { getDemand } from '@/lib/server/tracking/demand-detail';
import { loadTrackedDemands } from '@/lib/server/tracking/load';
import { countByStatus, demandsCsv, filterDemands, sortByUrgency, summarizeDemands } from '@/lib/server/tracking/filter';
import { parseTrackerParams } from '@/lib/server/tracking/params';
import { indexDemands } from '@/lib/server/tracking/tracker-index';
import { agendaItemByNumber, idBySlug, insertDemand, insertNonPublicAgendaItem, insertPaper, testDb } from '../support/database';

const TODAY = '2026-11-21';
const MEETING = '2022-02-02-integrationsrat';

async function tracked(params = '') {
  const index = indexDemands(await loadTrackedDemands({}, TODAY));
  const { filters, notices } = parseTrackerParams(new URLSearchParams(params), index.known);
  return { all: index.rows, rows: index.select(filters).rows, notices };
}

describe('tracker on the seed corpus', () => {
  it('lists all six seeded demands, the overdue June 2022 promise first', async () => {
    const { rows } = await tracked();
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ title: 'Terminvergabe verbessern', overdue: true, dueDate: '2022-06-30', dueSource: 'promise', daysOverdue: 1605 });
    expect(rows.at(-1)).toMatchObject({ title: 'Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden', status: 'von_verwaltung_abgelehnt', overdue: false });
  });

  it('counts per status and overdue', async () => {
    const { counts, overdue, total } = countByStatus((await tracked()).all);
    expect(total).toBe(6);
    expect(counts).toMatchObject({ in_beratung: 5, von_verwaltung_abgelehnt: 1, eingereicht: 0, umgesetzt: 0, erfuellt: 0 });
    expect(overdue).toBe(1);
  });

  it.each([
    ['ueberfaellig=ja', ['Terminvergabe verbessern']],
    ['koerperschaft=landkreis-grafschaft-bentheim', ['Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden']],
    ['urheber=gruene-kreistagsfraktion-grafschaft-bentheim', ['Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden']],
    ['zustaendig=auslaenderbehoerde-grafschaft-bentheim', ['Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden']],
    ['status=von_verwaltung_abgelehnt', ['Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden']],
    ['status=erfuellt', []],
    ['jahr=2014', ['Teilnahme am Pilotprojekt zur Willkommenskultur der Ausländerbehörden']],
    ['gremium=integrationsrat-staedteregion-aachen&ueberfaellig=ja', ['Terminvergabe verbessern']],
    ['jahr=2022&status=von_verwaltung_abgelehnt', []],
  ])('filters %s', async (params, titles) => {
    const { rows, notices } = await tracked(params);
    expect(notices).toEqual([]);
    expect(rows.map((d) => d.title)).toEqual(titles);
  });

  it('narrows the Aachen demands to the responsible office and year', async () => {
    const { rows } = await tracked('zustaendig=auslaenderamt-staedteregion-aachen&jahr=2022');
    expect(rows).toHaveLength(5);
    expect(rows.every((d) => d.body.slug === 'staedteregion-aachen' && d.source.kind === 'agendaItem')).toBe(true);
  });

  it('drops unknown and malformed filter values with German notices', async () => {
    const { rows, notices } = await tracked('status=fertig&jahr=zwanzig&zustaendig=niemand&ueberfaellig=vielleicht');
    expect(rows).toHaveLength(6);
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).toContain('„fertig“ für „Status“ ist ungültig');
    expect(notices.join(' ')).toContain('Für „niemand“ sind keine Forderungen erfasst');
  });

  it('exports exactly the filtered rows as CSV, in the same order, readable by a CSV parser', async () => {
    const { rows } = await tracked('koerperschaft=staedteregion-aachen');
    const csv = demandsCsv(rows, 'https://rat.example');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records: string[][] = parseCsv(csv.slice(1), { delimiter: ';' });
    expect(records[0]).toEqual(['Kennung', 'Nr. in der Quelle', 'Forderung', 'Status', 'Überfällig', 'Tage überfällig', 'Fällig am', 'Zuständig', 'Eingebracht von', 'Quelle', 'Erhoben am', 'Körperschaft', 'Letzter Eintrag', 'Adresse']);
    expect(records.slice(1).map((r) => r[2])).toEqual(rows.map((d) => d.title));
    // One kind of value per column: the identifier of the address, yes/no, and the number of days on its own.
    expect(records[1]!.slice(0, 7)).toEqual([`Forderung ${rows[0]!.id}`, '1', 'Terminvergabe verbessern', 'In Beratung', 'ja', '1605', '30.06.2022']);
    expect(records[1]!.at(-1)).toBe(`https://rat.example/forderungen/${rows[0]!.id}`);
    expect(records.slice(2).map((r) => [r[4], r[5]])).toEqual(rows.slice(1).map(() => ['nein', '']));
  });

  it('exports texts that would start a spreadsheet formula so that they are shown, never run', async () => {
    const o13 = await agendaItemByNumber(MEETING, 'Ö 13');
    const payloads = ['=HYPERLINK("https://evil.example";"Klick")', '+1+2', '-3+cmd|\' /C calc\'!A0', '@SUMME(A1:A9)', '\t=1'];
    for (const title of payloads) await insertDemand({ agendaItemId: o13.id, title });
    const records: string[][] = parseCsv(demandsCsv((await tracked()).rows, 'https://rat.example').slice(1), { delimiter: ';' });
    const titles = records.slice(1).map((r) => r[2]!);
    for (const title of payloads) expect(titles).toContain(`'${title}`);
    // Ordinary titles and the numbers of the own columns stay as they are.
    expect(titles).toContain('Terminvergabe verbessern');
    expect(records.slice(1).every((r) => !/^[=+\-@]/.test(r[2]!) && !/^[=+@]/.test(r[7]!))).toBe(true);
  });

  it('summarises a paper’s demands from their states', async () => {
    const { all } = await tracked();
    expect(summarizeDemands(all)).toBe('0 von 6 Forderungen erfüllt oder umgesetzt, 1 von der Verwaltung abgelehnt, 1 überfällig');
  });
});

describe('reply deadline rule per body', () => {
  it('makes a motion’s demand due the configured number of days after the motion, until a reply', async () => {
    const bodyId = await idBySlug(t.body, 'landkreis-grafschaft-bentheim');
    await testDb().update(t.body).set({ replyDeadlineDays: 42 }).where(eq(t.body.id, bodyId));
    const motion = await insertPaper({ paperType: 'antrag', date: '2026-09-01', name: 'Antrag mit Frist' });
    const demand = await insertDemand({ paperId: motion.id, title: 'Frist aus Regel' });
    let [row] = await loadTrackedDemands({ demandIds: [demand.id] }, TODAY);
    expect(row).toMatchObject({ dueDate: '2026-10-13', dueSource: 'rule', overdue: true, daysOverdue: 39 });
    await testDb().insert(t.followUp).values({ demandId: demand.id, date: '2026-10-01', kind: 'reply', textMd: 'Antwort', textHtml: '<p>Antwort</p>', publishedAt: '2026-10-01T10:00:00Z' });
    [row] = await loadTrackedDemands({ demandIds: [demand.id] }, TODAY);
    expect(row).toMatchObject({ dueDate: null, overdue: false });
  });

  it('does not apply the rule to administrative reports', async () => {
    const bodyId = await idBySlug(t.body, 'landkreis-grafschaft-bentheim');
    await testDb().update(t.body).set({ replyDeadlineDays: 42 }).where(eq(t.body.id, bodyId));
    const report = await insertPaper({ paperType: 'mitteilungsvorlage', date: '2026-09-01' });
    const demand = await insertDemand({ paperId: report.id });
    const [row] = await loadTrackedDemands({ demandIds: [demand.id] }, TODAY);
    expect(row?.dueDate).toBeNull();
  });
});

describe('what the public never sees in the tracker', () => {
  it('hides draft demands, demands of draft papers and demands raised in non-public agenda items', async () => {
    const draftPaper = await insertPaper({ publishedAt: null });
    const secretItem = await insertNonPublicAgendaItem();
    const o13 = await agendaItemByNumber(MEETING, 'Ö 13');
    const hidden = await Promise.all([
      insertDemand({ paperId: draftPaper.id, title: 'Aus Entwurf' }),
      insertDemand({ agendaItemId: secretItem.id, title: 'Aus nichtöffentlicher Sitzung' }),
      insertDemand({ agendaItemId: o13.id, title: 'Entwurf einer Forderung', publishedAt: null }),
    ]);
    const ids = (await loadTrackedDemands({}, TODAY)).map((d) => d.id);
    for (const d of hidden) expect(ids).not.toContain(d.id);
    for (const d of hidden) expect(await getDemand(d.id, TODAY)).toBeNull();
  });
});

describe('demand page data', () => {
  it('gives the motion’s demand its reply as timeline and the history submitted → declined by the administration', async () => {
    const { all } = await tracked();
    const motionDemand = all.find((d) => d.source.kind === 'paper')!;
    const detail = await getDemand(motionDemand.id, TODAY);
    expect(detail?.timeline).toHaveLength(1);
    expect(detail?.timeline[0]).toMatchObject({ date: '2014-03-12', kind: 'reply', statusAfter: 'von_verwaltung_abgelehnt', sourcePaper: { slug: '3-2-0076-2014', reference: '3.2/0076/2014' } });
    expect(detail?.history.map((s) => [s.date, s.status, s.cause])).toEqual([['2014-03-05', 'eingereicht', 'raised'], ['2014-03-12', 'von_verwaltung_abgelehnt', 'reply']]);
  });

  it('links a meeting demand’s promise to the minutes of TOP Ö 13', async () => {
    const { rows } = await tracked('ueberfaellig=ja');
    const detail = await getDemand(rows[0]!.id, TODAY);
    expect(detail?.timeline[0]?.sourceAgendaItem).toMatchObject({ meetingSlug: MEETING, number: 'Ö 13' });
    expect(detail?.timeline[0]?.sourceQuote).toContain('voraussichtlich im Juni');
    expect(detail?.history).toEqual([{ date: '2022-02-02', status: 'in_beratung', cause: 'raised' }]);
  });

  it('never names a non-public agenda item as a source', async () => {
    const { rows } = await tracked('ueberfaellig=ja');
    const secretItem = await insertNonPublicAgendaItem({ name: 'Geheimer Punkt' });
    await testDb().insert(t.followUp).values({ demandId: rows[0]!.id, date: '2022-03-01', kind: 'progress', textMd: 'Bericht', textHtml: '<p>Bericht</p>', sourceAgendaItemId: secretItem.id, publishedAt: '2022-03-01T10:00:00Z' });
    const detail = await getDemand(rows[0]!.id, TODAY);
    expect(detail?.timeline.at(-1)?.sourceAgendaItem).toBeNull();
    expect(JSON.stringify(detail)).not.toContain('Geheimer Punkt');
  });
});

describe('the tracker’s in-memory copy', () => {
  it('serves the same list until a save reports a change, then shows the change', async () => {
    const { allTrackedDemands } = await import('@/lib/server/tracking/cache');
    const { afterSave } = await import('@/lib/server/changes/after-save');
    const before = await allTrackedDemands(TODAY);
    const o13 = await agendaItemByNumber(MEETING, 'Ö 13');
    const added = await insertDemand({ agendaItemId: o13.id, title: 'Neu gespeichert' });
    expect(await allTrackedDemands(TODAY)).toBe(before);
    await afterSave({ table: 'demand', id: added.id, action: 'create' });
    expect((await allTrackedDemands(TODAY)).map((d) => d.title)).toContain('Neu gespeichert');
  });

  it('loads again on a new Berlin day, when overdue states change', async () => {
    const { allTrackedDemands } = await import('@/lib/server/tracking/cache');
    const june = await allTrackedDemands('2022-06-30');
    const july = await allTrackedDemands('2022-07-01');
    expect(june.filter((d) => d.overdue)).toHaveLength(0);
    expect(july.filter((d) => d.overdue).map((d) => d.title)).toEqual(['Terminvergabe verbessern']);
  });
});

describe('the tracker’s filter indexes', () => {
  it('select exactly the rows, counts and charts that filtering every demand gives, for every combination', async () => {
    const { barsByBody, barsByYear } = await import('@/lib/server/tracking/stats');
    const o13 = await agendaItemByNumber(MEETING, 'Ö 13');
    await insertDemand({ agendaItemId: o13.id, title: 'Zweite Forderung', status: 'beschlossen', dueDate: '2023-01-31' });
    await insertDemand({ paperId: await idBySlug(t.paper, '3-2-0076-2014'), title: 'Erledigte mit Frist', status: 'umgesetzt', dueDate: '2020-01-01' });
    const all = await loadTrackedDemands({}, TODAY);
    const index = indexDemands(all);
    const values = {
      body: [undefined, ...index.known.body],
      organization: [undefined, ...index.known.organization],
      originator: [undefined, ...index.known.originator],
      status: [undefined, 'in_beratung', 'umgesetzt', 'beschlossen'] as const,
      overdue: [undefined, true],
      year: [undefined, ...index.options.years],
    };
    let checked = 0;
    for (const body of values.body) for (const organization of values.organization) for (const originator of values.originator)
      for (const status of values.status) for (const overdue of values.overdue) for (const year of values.year) {
        const filters = Object.fromEntries(Object.entries({ body, organization, originator, status, overdue, year }).filter(([, v]) => v !== undefined));
        const selection = index.select(filters);
        const rows = filterDemands(all, filters);
        expect(selection.rows).toEqual(sortByUrgency(rows));
        expect(index.filter(filters)).toEqual(rows);
        expect(selection.counts).toEqual(countByStatus(filterDemands(all, filters, 'status')));
        expect(selection.overdueCount).toBe(filterDemands(all, filters, 'overdue').filter((d) => d.overdue).length);
        expect([selection.byBody, selection.byYear]).toEqual([barsByBody(rows), barsByYear(rows)]);
        checked++;
      }
    expect(checked).toBeGreaterThan(100);
  });
});
