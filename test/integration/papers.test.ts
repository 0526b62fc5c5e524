// The paper list and paper page, on the seed corpus: two papers of the Landkreis Grafschaft Bentheim from March 2014.
import { describe, expect, it } from 'vitest';
import { getPaper, listPapers, newestPapers, paperYears, type PaperFilters } from '@/lib/server/papers/read';
import { insertDeletedPaper, insertDraftPaper, insertPaper, relatePapers, idBySlug } from '../support/database';
import * as t from '@db/schema';
import { afterSave } from '@/lib/server/changes/after-save';

const REPORT = '3-2-0076-2014'; // Mitteilungsvorlage of the Ausländerbehörde, 12.03.2014, replies to the motion
const MOTION = 'antrag-gruene-2014-03-05-willkommenskultur'; // Antrag of the Green group, 05.03.2014

/** Slugs of the first page of 20 for these filters. */
async function slugs(filters: PaperFilters): Promise<string[]> {
  return (await listPapers(filters, 1, 20)).items.map((p) => p.slug);
}

describe('Paper list', () => {
  it('lists all published papers, newest first, with their body', async () => {
    const { items, total } = await listPapers({}, 1, 20);
    expect(total).toBe(2);
    expect(items).toEqual([
      { slug: REPORT, name: 'Willkommenskultur in der Ausländerbehörde', reference: '3.2/0076/2014', paperType: 'mitteilungsvorlage', date: '2014-03-12', bodyName: 'Landkreis Grafschaft Bentheim' },
      { slug: MOTION, name: 'Willkommenskultur in der Ausländerbehörde', reference: null, paperType: 'antrag', date: '2014-03-05', bodyName: 'Landkreis Grafschaft Bentheim' },
    ]);
  });

  it('sorts oldest first, by title, and by reference with unnumbered papers last', async () => {
    expect(await slugs({ sort: 'aelteste' })).toEqual([MOTION, REPORT]);
    expect(await slugs({ sort: 'titel' })).toEqual([REPORT, MOTION]); // same title: newer first
    expect(await slugs({ sort: 'nummer' })).toEqual([REPORT, MOTION]);
  });

  it('filters by body', async () => {
    expect(await slugs({ body: 'landkreis-grafschaft-bentheim' })).toEqual([REPORT, MOTION]);
    expect(await slugs({ body: 'staedteregion-aachen' })).toEqual([]);
  });

  it('filters by organization: the office that wrote and leads a paper, the group that filed it', async () => {
    expect(await slugs({ organization: 'auslaenderbehoerde-grafschaft-bentheim' })).toEqual([REPORT]);
    expect(await slugs({ organization: 'gruene-kreistagsfraktion-grafschaft-bentheim' })).toEqual([MOTION]);
    expect(await slugs({ organization: 'kreistag-grafschaft-bentheim' })).toEqual([]);
  });

  it('filters by type and year', async () => {
    expect(await slugs({ type: 'antrag' })).toEqual([MOTION]);
    expect(await slugs({ type: 'mitteilungsvorlage' })).toEqual([REPORT]);
    expect(await slugs({ type: 'beschlussvorlage' })).toEqual([]);
    expect(await slugs({ year: 2014 })).toEqual([REPORT, MOTION]);
    expect(await slugs({ year: 2022 })).toEqual([]);
  });

  it('finds papers by words of the title and by reference number', async () => {
    expect(await slugs({ q: 'willkommenskultur' })).toEqual([REPORT, MOTION]);
    expect(await slugs({ q: '3.2/0076' })).toEqual([REPORT]);
    expect(await slugs({ q: 'Haushaltssatzung' })).toEqual([]);
  });

  it('finds a title starting with an umlaut whatever the case typed', async () => {
    const paper = await insertPaper({ name: 'Überprüfung der Öffnungszeiten' });
    expect(await slugs({ q: 'überprüfung' })).toEqual([paper.slug]);
    expect(await slugs({ q: 'ÖFFNUNGSZEITEN' })).toEqual([paper.slug]);
  });

  it('takes % and _ in a search literally instead of matching everything', async () => {
    expect(await slugs({ q: '%' })).toEqual([]);
    expect(await slugs({ q: '_' })).toEqual([]);
    const percent = await insertPaper({ name: 'Erhöhung um 5 % ab 2015' });
    expect(await slugs({ q: '5 %' })).toEqual([percent.slug]);
  });

  it('takes quotes and search syntax literally (the title index gets a phrase, never a query)', async () => {
    const quoted = await insertPaper({ name: 'Antrag „Sichere Schulwege“ OR "Radwege" NEAR Bahnhof' });
    expect(await slugs({ q: '"Radwege"' })).toEqual([quoted.slug]);
    expect(await slugs({ q: 'OR "Rad' })).toEqual([quoted.slug]);
    expect(await slugs({ q: 'Schulwege* AND' })).toEqual([]);
    expect(await slugs({ q: 'NEAR(' })).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await slugs({ body: 'landkreis-grafschaft-bentheim', type: 'antrag', year: 2014, q: 'Ausländerbehörde' })).toEqual([MOTION]);
    expect(await slugs({ type: 'antrag', organization: 'auslaenderbehoerde-grafschaft-bentheim' })).toEqual([]);
  });

  it('pages through the list and reports the total on every page', async () => {
    expect(await listPapers({}, 1, 1)).toMatchObject({ total: 2, items: [{ slug: REPORT }] });
    expect(await listPapers({}, 2, 1)).toMatchObject({ total: 2, items: [{ slug: MOTION }] });
    expect(await listPapers({}, 3, 1)).toEqual({ total: 2, items: [] });
  });

  it('offers the years that have papers for the year filter, found again after a reported change', async () => {
    expect(await paperYears()).toEqual([2014]);
    const added = await insertPaper({ date: '2016-01-20' });
    // Kept until a save reports a change; the save reports it after its transaction.
    expect(await paperYears()).toEqual([2014]);
    await afterSave({ table: 'paper', id: added.id, action: 'create' });
    expect(await paperYears()).toEqual([2016, 2014]);
  });

  it('offers no year for a stored date that is none, and every year around it', async () => {
    await insertPaper({ date: '2019-05-01' });
    await insertPaper({ date: 'garbage' });
    await insertPaper({ date: '' });
    await insertPaper({ date: '20' });
    await insertPaper({ date: '2007-12-31', publishedAt: null });
    expect(await paperYears()).toEqual([2019, 2014]);
  });

  it('counts the list once per change of the data and filter combination', async () => {
    expect((await listPapers({ year: 2014 }, 1, 20)).total).toBe(2);
    const added = await insertPaper({ date: '2014-12-31' });
    expect((await listPapers({ year: 2014 }, 1, 20)).total).toBe(2);
    await afterSave({ table: 'paper', id: added.id, action: 'create' });
    expect((await listPapers({ year: 2014, sort: 'titel' }, 1, 20)).total).toBe(3);
    expect((await listPapers({ year: 2015 }, 1, 20)).total).toBe(0);
  });

  it('shows the newest papers on the start page', async () => {
    expect((await newestPapers(1)).map((p) => p.slug)).toEqual([REPORT]);
  });
});

describe('Paper page', () => {
  it('shows the report as reply to the motion', async () => {
    const report = await getPaper(REPORT);
    expect(report?.paper.reference).toBe('3.2/0076/2014');
    expect(report?.body).toEqual({ slug: 'landkreis-grafschaft-bentheim', name: 'Landkreis Grafschaft Bentheim' });
    expect(report?.underDirectionOf).toEqual({ slug: 'auslaenderbehoerde-grafschaft-bentheim', name: 'Ausländerbehörde' });
    expect(report?.relations).toEqual([{ label: 'outgoing', kind: 'repliesTo', paper: expect.objectContaining({ slug: MOTION, paperType: 'antrag' }) }]);
  });

  it('shows on the motion that the report answers it', async () => {
    const motion = await getPaper(MOTION);
    expect(motion?.relations).toEqual([{ label: 'incoming', kind: 'repliesTo', paper: expect.objectContaining({ slug: REPORT, reference: '3.2/0076/2014' }) }]);
    expect(motion?.originators.organizations).toEqual([{ slug: 'gruene-kreistagsfraktion-grafschaft-bentheim', name: 'Kreistagsfraktion BÜNDNIS 90/DIE GRÜNEN' }]);
  });

  it('shows the motion’s demand as declined by the administration’s reply, and not overdue', async () => {
    const demands = (await getPaper(MOTION))?.demands;
    expect(demands).toHaveLength(1);
    expect(demands?.[0]).toMatchObject({ ordinal: 1, status: 'von_verwaltung_abgelehnt', overdue: false, followUpCount: 1, lastFollowUpDate: '2014-03-12', responsible: { slug: 'auslaenderbehoerde-grafschaft-bentheim' } });
  });

  it('lists the report’s attachments and says that their files are not held', async () => {
    const files = (await getPaper(REPORT))?.files;
    expect(files?.map((f) => [f.name, f.size, f.available])).toEqual([
      ['Vorlage', 117760, false],
      ['Antrag der Kreistagsfraktion BÜNDNIS 90/DIE GRÜNEN vom 05.03.2014', 264192, false],
    ]);
  });

  it('renders the paper text as HTML with shifted headings', async () => {
    expect((await getPaper(REPORT))?.paper.textHtml).toContain('<h3>Sachverhalt / Mitteilung</h3>');
  });

  it('returns nothing for an unknown slug', async () => {
    expect(await getPaper('gibt-es-nicht')).toBeNull();
  });
});

describe('Drafts and deleted papers stay invisible', () => {
  it('a draft paper is neither listed, nor found by search, nor shown', async () => {
    const draft = await insertDraftPaper({ name: 'Entwurf Haushaltssatzung 2031', date: '2031-01-15' });
    expect(await slugs({ q: 'Haushaltssatzung' })).toEqual([]);
    expect((await listPapers({}, 1, 20)).total).toBe(2);
    expect(await paperYears()).toEqual([2014]);
    expect(await getPaper(draft.slug)).toBeNull();
  });

  it('a deleted paper is neither listed, nor found by search, nor shown', async () => {
    const deleted = await insertDeletedPaper({ name: 'Zurückgezogene Anfrage Radwege', paperType: 'anfrage' });
    expect(await slugs({ q: 'Radwege' })).toEqual([]);
    expect(await slugs({ type: 'anfrage' })).toEqual([]);
    expect(await getPaper(deleted.slug)).toBeNull();
  });

  it('a draft reply does not show up as relation on the published motion', async () => {
    const motionId = await idBySlug(t.paper, MOTION);
    const draft = await insertDraftPaper({ name: 'Entwurf Stellungnahme', paperType: 'stellungnahme' });
    await relatePapers(draft.id, 'repliesTo', motionId);
    expect((await getPaper(MOTION))?.relations.map((r) => r.paper.slug)).toEqual([REPORT]);
  });

  it('a published paper of the same body appears at once', async () => {
    const paper = await insertPaper({ name: 'Anfrage zur Terminvergabe', paperType: 'anfrage' });
    expect(await slugs({ type: 'anfrage' })).toEqual([paper.slug]);
    expect((await getPaper(paper.slug))?.paper.name).toBe('Anfrage zur Terminvergabe');
  });
});
