// What hangs off a record leaves every public output with it: for each parent kind (paper, meeting, agenda item,
// demand) and each way to hide it (unpublish, trash, and for an agenda item marking it non-public), the parent's
// attachments, demands and follow-ups are gone from the pages, /dateien/<id>, the tracker, its CSV, the feeds, the
// calendars, the organization page and the search, and all of it is back after the parent is shown again.
// Hiding and showing go through the back office's own forms wherever it has one, so cache invalidation and
// reindexing are exercised as a clerk's save exercises them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, getPage, postForm } from '../support/back-office';
import { serverUrl } from '../support/base-url';
import { parseFragment } from '../support/html';
import { makePdf } from '../support/pdf';

let db: Database;
let cookie: string;
let bodyId: string;

// Words that occur nowhere else, one per record, so that each page, feed and search can be asked about each record.
// ASCII only: calendars fold long lines by bytes, and PDF text is WinAnsi.
const W = {
  organization: 'Sichtbarkeitsausschuss Uferschwalbe',
  paper: 'Wiedehopfwiese',
  paperFile: 'Zaunkoenigpfad',
  paperDemand: 'Kormoranufer',
  paperFollowUp: 'Rohrdommelsteg',
  meeting: 'Eisvogelsteg',
  meetingFile: 'Pirolgasse',
  itemTitle: 'Stieglitzhain',
  itemMinutes: 'Dompfaffring',
  itemFile: 'Girlitzweg',
  itemDemand: 'Bachstelzenau',
  itemFollowUp: 'Goldammerhof',
};
const PAPER_DATE = '2026-11-20';
const MEETING_START = '2026-12-15T17:00';
const DUE = '2027-03-31';

/** Ids and slugs of the records this file creates (beforeAll). */
const r = {} as {
  orgId: number; orgSlug: string; paperId: number; paperSlug: string; paperFileId: number; paperDemandId: number;
  meetingId: number; meetingSlug: string; itemId: number; meetingFileId: number; itemFileId: number; itemDemandId: number;
};

/** Fails with the form's own error text when a back-office post was refused. */
async function saved(response: Response, what: string): Promise<Response> {
  if (response.status >= 400) throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).match(/class="(?:error|alert)[^"]*"[^>]*>[^<]*/g)?.join(' ') ?? ''}`);
  return response;
}

const idFrom = (response: Response, pattern: RegExp) => Number(response.headers.get('location')!.match(pattern)![1]);

function upload(path: string, owner: Record<string, number>, text: string, fileName: string): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(owner)) form.set(key, String(value));
  form.set('name', `Anlage ${text}`);
  form.set('file', new Blob([new Uint8Array(makePdf(`Anlage zum Thema ${text}`))], { type: 'application/pdf' }), fileName);
  const url = new URL(serverUrl(path));
  url.searchParams.set('_action', 'files.upload');
  return fetch(url, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: inject('baseUrl'), Cookie: cookie } });
}

const versionOf = async (table: typeof t.paper | typeof t.meeting | typeof t.agendaItem | typeof t.demand, id: number) =>
  String((await db.select({ version: table.version }).from(table).where(eq(table.id, id)))[0]!.version);

// The back office's forms, with every field they would send.
const savePaper = async (intent: 'save' | 'publish' | 'unpublish') => saved(await postForm(`/verwaltung/vorlagen/${r.paperId}`, 'papers.save', {
  id: String(r.paperId), version: await versionOf(t.paper, r.paperId), bodyId, paperType: 'antrag', date: PAPER_DATE,
  name: `Antrag ${W.paper}`, textMd: 'Der Ausschuss möge beschließen.', underDirectionOfId: String(r.orgId), intent,
}, cookie), `Vorlage (${intent})`);
const saveMeeting = async (intent: 'publish' | 'unpublish') => saved(await postForm(`/verwaltung/sitzungen/${r.meetingId}`, 'meetings.save', {
  id: String(r.meetingId), version: await versionOf(t.meeting, r.meetingId), bodyId, name: `Sitzung ${W.meeting}`, start: MEETING_START,
  organizationIds: String(r.orgId), intent,
}, cookie), `Sitzung (${intent})`);
const saveItem = async (open: boolean) => saved(await postForm(`/verwaltung/tagesordnungspunkte/${r.itemId}`, 'agenda.save', {
  id: String(r.itemId), version: await versionOf(t.agendaItem, r.itemId), number: 'Ö 1', name: `Punkt ${W.itemTitle}`,
  minutesMd: `Niederschrift ${W.itemMinutes}`, ...(open ? { public: 'on' } : {}),
}, cookie), 'Tagesordnungspunkt');
const saveDemand = async (id: number, owner: Record<string, string>, title: string) => saved(await postForm(`/verwaltung/forderungen/${id}`, 'demands.save', {
  id: String(id), version: await versionOf(t.demand, id), ...owner, title: `Forderung ${title}`, textMd: `Text ${title}`, responsibleOrganizationId: String(r.orgId), dueDate: DUE,
}, cookie), 'Forderung');
const savePaperDemand = () => saveDemand(r.paperDemandId, { paperId: String(r.paperId) }, W.paperDemand);
const saveItemDemand = () => saveDemand(r.itemDemandId, { agendaItemId: String(r.itemId) }, W.itemDemand);

type Trashable = 'paper' | 'meeting' | 'agenda_item' | 'demand';
const tableOf = { paper: t.paper, meeting: t.meeting, agenda_item: t.agendaItem, demand: t.demand } as const;
const editPage = { paper: 'vorlagen', meeting: 'sitzungen', agenda_item: 'tagesordnungspunkte', demand: 'forderungen' } as const;
const trash = async (table: Trashable, id: number) =>
  saved(await postForm(`/verwaltung/${editPage[table]}/${id}`, 'records.trash', { table, id: String(id), version: await versionOf(tableOf[table], id) }, cookie), `Papierkorb (${table})`);
const untrash = async (table: Trashable, id: number) =>
  saved(await postForm('/verwaltung/papierkorb', 'records.untrash', { table, id: String(id), version: await versionOf(tableOf[table], id) }, cookie), `Zurückholen (${table})`);

/**
 * The back office cannot unpublish a single agenda item or demand (they follow their meeting or paper), so the test
 * writes publishedAt directly and then saves the record unchanged through its form, which announces the change to
 * the tracker cache and the search index as any later clerk's save would.
 */
async function setPublished(table: typeof t.agendaItem | typeof t.demand, id: number, published: boolean, announce: () => Promise<unknown>) {
  await db.update(table).set({ publishedAt: published ? new Date().toISOString() : null }).where(eq(table.id, id));
  await announce();
}

beforeAll(async () => {
  ({ db, cookie, bodyId } = await clerkSetup('landkreis-grafschaft-bentheim'));
  const org = await saved(await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: W.organization, kind: 'committee', intent: 'publish' }, cookie), 'Gremium');
  r.orgId = idFrom(org, /gremien\/(\d+)/);
  r.orgSlug = (await db.select({ slug: t.organization.slug }).from(t.organization).where(eq(t.organization.id, r.orgId)))[0]!.slug;

  // A draft paper with a file and a demand, published in one go, then a follow-up on the demand.
  const paper = await saved(await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: PAPER_DATE, name: `Antrag ${W.paper}`, underDirectionOfId: String(r.orgId), intent: 'save' }, cookie), 'Vorlage');
  r.paperId = idFrom(paper, /vorlagen\/(\d+)/);
  await saved(await upload(`/verwaltung/vorlagen/${r.paperId}`, { paperId: r.paperId }, W.paperFile, 'vorlage.pdf'), 'Anlage der Vorlage');
  await saved(await postForm(`/verwaltung/vorlagen/${r.paperId}`, 'demands.save', { paperId: String(r.paperId), title: `Forderung ${W.paperDemand}`, textMd: `Text ${W.paperDemand}`, responsibleOrganizationId: String(r.orgId), dueDate: DUE }, cookie), 'Forderung der Vorlage');
  await savePaper('publish');
  const [paperRow] = await db.select().from(t.paper).where(eq(t.paper.id, r.paperId));
  r.paperSlug = paperRow!.slug;
  r.paperFileId = (await db.select({ id: t.file.id }).from(t.file).where(eq(t.file.paperId, r.paperId)))[0]!.id;
  r.paperDemandId = (await db.select({ id: t.demand.id }).from(t.demand).where(eq(t.demand.paperId, r.paperId)))[0]!.id;
  await saved(await postForm(`/verwaltung/forderungen/${r.paperDemandId}`, 'followUps.add', { demandId: String(r.paperDemandId), demandVersion: await versionOf(t.demand, r.paperDemandId), date: '2026-11-30', kind: 'progress', textMd: `Sachstand ${W.paperFollowUp}`, publish: 'on' }, cookie), 'Sachstand der Vorlagenforderung');

  // A published meeting of the organization with a file, and a public agenda item with minutes, a file, a demand and its follow-up.
  const meeting = await saved(await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name: `Sitzung ${W.meeting}`, start: MEETING_START, organizationIds: String(r.orgId), intent: 'publish' }, cookie), 'Sitzung');
  r.meetingId = idFrom(meeting, /sitzungen\/(\d+)/);
  r.meetingSlug = (await db.select({ slug: t.meeting.slug }).from(t.meeting).where(eq(t.meeting.id, r.meetingId)))[0]!.slug;
  await saved(await postForm(`/verwaltung/sitzungen/${r.meetingId}`, 'agenda.save', { meetingId: String(r.meetingId), number: 'Ö 1', name: `Punkt ${W.itemTitle}`, public: 'on' }, cookie), 'Tagesordnungspunkt');
  r.itemId = (await db.select({ id: t.agendaItem.id }).from(t.agendaItem).where(eq(t.agendaItem.meetingId, r.meetingId)))[0]!.id;
  await saveItem(true);
  await saved(await upload(`/verwaltung/sitzungen/${r.meetingId}`, { meetingId: r.meetingId }, W.meetingFile, 'sitzung.pdf'), 'Anlage der Sitzung');
  await saved(await upload(`/verwaltung/tagesordnungspunkte/${r.itemId}`, { agendaItemId: r.itemId }, W.itemFile, 'top.pdf'), 'Anlage des Tagesordnungspunkts');
  r.meetingFileId = (await db.select({ id: t.file.id }).from(t.file).where(eq(t.file.meetingId, r.meetingId)))[0]!.id;
  r.itemFileId = (await db.select({ id: t.file.id }).from(t.file).where(eq(t.file.agendaItemId, r.itemId)))[0]!.id;
  await saved(await postForm(`/verwaltung/tagesordnungspunkte/${r.itemId}`, 'demands.save', { agendaItemId: String(r.itemId), title: `Forderung ${W.itemDemand}`, textMd: `Text ${W.itemDemand}`, responsibleOrganizationId: String(r.orgId), dueDate: DUE }, cookie), 'Forderung des Tagesordnungspunkts');
  r.itemDemandId = (await db.select({ id: t.demand.id }).from(t.demand).where(eq(t.demand.agendaItemId, r.itemId)))[0]!.id;
  await saved(await postForm(`/verwaltung/forderungen/${r.itemDemandId}`, 'followUps.add', { demandId: String(r.itemDemandId), demandVersion: await versionOf(t.demand, r.itemDemandId), date: '2026-11-30', kind: 'progress', textMd: `Sachstand ${W.itemFollowUp}`, publish: 'on' }, cookie), 'Sachstand der Sitzungsforderung');
}, 60_000);
afterAll(() => db?.$client.close());

/** What can disappear: the parents themselves and what hangs off them ('itemTitle' is the agenda item's bare title, 'item' its content). */
type Child = 'paper' | 'paperFile' | 'paperDemand' | 'paperFollowUp' | 'meeting' | 'meetingFile' | 'itemTitle' | 'item' | 'itemFile' | 'itemDemand' | 'itemFollowUp';
const children: Child[] = ['paper', 'paperFile', 'paperDemand', 'paperFollowUp', 'meeting', 'meetingFile', 'itemTitle', 'item', 'itemFile', 'itemDemand', 'itemFollowUp'];

type Page = { status: number; html: string };
/** Where each child shows: a page that answers (`status`) or a page that contains its word (`text`). */
type Probe = { url: () => string } & ({ status: true } | { text: () => string });
const ok = (url: () => string): Probe => ({ url, status: true });
const shows = (url: () => string, text: string | (() => string)): Probe => ({ url, text: typeof text === 'string' ? () => text : text });

const paperPage = () => `/vorlagen/${r.paperSlug}`;
const meetingPage = () => `/sitzungen/${r.meetingSlug}`;
const orgPage = () => `/gremien/${r.orgSlug}`;
const tracker = () => `/forderungen?zustaendig=${r.orgSlug}`;
const demandOutputs = (id: () => number, word: string, parentPage: () => string): Probe[] => [
  ok(() => `/forderungen/${id()}`),
  shows(tracker, word),
  shows(() => '/forderungen.csv', word),
  shows(() => '/kalender/fristen.ics', word),
  shows(() => `/kalender/fristen.ics?zustaendig=${r.orgSlug}`, word),
  shows(() => '/feeds/forderungen.atom', word),
  ok(() => `/feeds/forderungen.atom?forderung=${id()}`),
  shows(parentPage, word),
  shows(orgPage, word),
];
const probes: Record<Child, Probe[]> = {
  paper: [
    ok(paperPage), shows(() => `/vorlagen?q=${W.paper}`, () => `href="${paperPage()}"`), shows(orgPage, W.paper),
    shows(() => '/feeds/vorlagen.atom', W.paper), shows(() => `/feeds/vorlagen.atom?gremium=${r.orgSlug}`, W.paper), ok(() => `/feeds/forderungen.atom?vorlage=${r.paperSlug}`),
  ],
  paperFile: [ok(() => `/dateien/${r.paperFileId}`), shows(paperPage, () => `href="/dateien/${r.paperFileId}"`)],
  paperDemand: demandOutputs(() => r.paperDemandId, W.paperDemand, paperPage),
  paperFollowUp: [shows(() => `/forderungen/${r.paperDemandId}`, W.paperFollowUp), shows(() => '/feeds/forderungen.atom', W.paperFollowUp), shows(() => `/feeds/forderungen.atom?vorlage=${r.paperSlug}`, W.paperFollowUp)],
  meeting: [ok(meetingPage), shows(orgPage, W.meeting), shows(() => '/kalender/sitzungen.ics', W.meeting), shows(() => `/kalender/sitzungen.ics?gremium=${r.orgSlug}`, W.meeting)],
  meetingFile: [ok(() => `/dateien/${r.meetingFileId}`)],
  itemTitle: [shows(meetingPage, W.itemTitle)],
  item: [shows(meetingPage, W.itemMinutes)],
  itemFile: [ok(() => `/dateien/${r.itemFileId}`)],
  itemDemand: demandOutputs(() => r.itemDemandId, W.itemDemand, meetingPage),
  itemFollowUp: [shows(() => `/forderungen/${r.itemDemandId}`, W.itemFollowUp), shows(() => '/feeds/forderungen.atom', W.itemFollowUp)],
};

/** The search word of each child and the address its hit links to (the record that holds it). */
const searches: Partial<Record<Child, { word: string; hit: () => string }>> = {
  paper: { word: W.paper, hit: paperPage },
  paperFile: { word: W.paperFile, hit: paperPage },
  paperDemand: { word: W.paperDemand, hit: () => `/forderungen/${r.paperDemandId}` },
  paperFollowUp: { word: W.paperFollowUp, hit: () => `/forderungen/${r.paperDemandId}` },
  meeting: { word: W.meeting, hit: meetingPage },
  meetingFile: { word: W.meetingFile, hit: meetingPage },
  item: { word: W.itemMinutes, hit: () => `${meetingPage()}#top-oe-1` },
  itemFile: { word: W.itemFile, hit: () => `${meetingPage()}#top-oe-1` },
  itemDemand: { word: W.itemDemand, hit: () => `/forderungen/${r.itemDemandId}` },
  itemFollowUp: { word: W.itemFollowUp, hit: () => `/forderungen/${r.itemDemandId}` },
};

/** The children whose word /suche finds at their record, from the server-rendered hits. */
async function foundBySearch(): Promise<Child[]> {
  const found: Child[] = [];
  for (const [child, { word, hit }] of Object.entries(searches) as [Child, { word: string; hit: () => string }][]) {
    const doc = parseFragment(await (await fetch(serverUrl(`/suche?q=${encodeURIComponent(word)}&zeitraum=alle`))).text());
    const hrefs = [...doc.querySelectorAll('#suche-treffer h3 a')].map((a) => a.getAttribute('href'));
    if (hrefs.includes(hit())) found.push(child);
  }
  return found;
}

/** Every public output agrees that exactly `hidden` are gone; the search is waited for until its index caught up. */
async function expectHidden(hidden: Child[]): Promise<void> {
  const expected = (Object.keys(searches) as Child[]).filter((c) => !hidden.includes(c));
  await expect.poll(foundBySearch, { timeout: 60_000, interval: 100 }).toEqual(expected);
  const pages = new Map<string, Promise<Page>>();
  const page = (url: string) => {
    if (!pages.has(url)) pages.set(url, getPage(url));
    return pages.get(url)!;
  };
  const wrong: string[] = [];
  for (const child of children) {
    for (const probe of probes[child]) {
      const url = probe.url();
      const { status, html } = await page(url);
      const visible = 'status' in probe ? status === 200 : status === 200 && html.includes(probe.text());
      if (!('status' in probe) && status !== 200 && !hidden.includes(child)) wrong.push(`${url} antwortet mit ${status}`);
      if (visible === hidden.includes(child)) wrong.push(`${child} ${visible ? 'noch sichtbar' : 'fehlt'}: ${url}${'text' in probe ? ` („${probe.text()}“)` : ''}`);
    }
  }
  expect(wrong).toEqual([]);
}

const paperSide: Child[] = ['paper', 'paperFile', 'paperDemand', 'paperFollowUp'];
const itemContent: Child[] = ['item', 'itemFile', 'itemDemand', 'itemFollowUp'];
const meetingSide: Child[] = ['meeting', 'meetingFile', 'itemTitle', ...itemContent];

const cases: { parent: string; how: string; hide: () => Promise<unknown>; show: () => Promise<unknown>; hidden: Child[] }[] = [
  { parent: 'paper', how: 'unpublished', hide: () => savePaper('unpublish'), show: () => savePaper('publish'), hidden: paperSide },
  { parent: 'paper', how: 'trashed', hide: () => trash('paper', r.paperId), show: () => untrash('paper', r.paperId), hidden: paperSide },
  { parent: 'meeting', how: 'unpublished', hide: () => saveMeeting('unpublish'), show: () => saveMeeting('publish'), hidden: meetingSide },
  { parent: 'meeting', how: 'trashed', hide: () => trash('meeting', r.meetingId), show: () => untrash('meeting', r.meetingId), hidden: meetingSide },
  { parent: 'agenda item', how: 'unpublished', hide: () => setPublished(t.agendaItem, r.itemId, false, () => saveItem(true)), show: () => setPublished(t.agendaItem, r.itemId, true, () => saveItem(true)), hidden: ['itemTitle', ...itemContent] },
  { parent: 'agenda item', how: 'trashed', hide: () => trash('agenda_item', r.itemId), show: () => untrash('agenda_item', r.itemId), hidden: ['itemTitle', ...itemContent] },
  // A non-public item keeps its number and title on the meeting page; nothing else of it stays.
  { parent: 'agenda item', how: 'set non-public', hide: () => saveItem(false), show: () => saveItem(true), hidden: itemContent },
  { parent: 'demand of the paper', how: 'unpublished', hide: () => setPublished(t.demand, r.paperDemandId, false, savePaperDemand), show: () => setPublished(t.demand, r.paperDemandId, true, savePaperDemand), hidden: ['paperDemand', 'paperFollowUp'] },
  { parent: 'demand of the paper', how: 'trashed', hide: () => trash('demand', r.paperDemandId), show: () => untrash('demand', r.paperDemandId), hidden: ['paperDemand', 'paperFollowUp'] },
  { parent: 'demand of the agenda item', how: 'unpublished', hide: () => setPublished(t.demand, r.itemDemandId, false, saveItemDemand), show: () => setPublished(t.demand, r.itemDemandId, true, saveItemDemand), hidden: ['itemDemand', 'itemFollowUp'] },
  { parent: 'demand of the agenda item', how: 'trashed', hide: () => trash('demand', r.itemDemandId), show: () => untrash('demand', r.itemDemandId), hidden: ['itemDemand', 'itemFollowUp'] },
];

describe('what hangs off a hidden record leaves every public output with it', () => {
  it('shows every record, its attachments, demands and follow-ups while all are published', async () => {
    await expectHidden([]);
  }, 90_000);

  it.each(cases)('$how $parent: its children are gone everywhere, and back when it is shown again', async ({ hide, show, hidden }) => {
    await hide();
    try {
      await expectHidden(hidden);
    } finally {
      // Shown again even when an output failed, so that the next case starts from everything public.
      await show();
    }
    await expectHidden([]);
  }, 120_000);

  it('the back office still serves the attachments of an unpublished paper to clerks', async () => {
    await savePaper('unpublish');
    try {
      expect((await getPage(`/dateien/${r.paperFileId}`)).status).toBe(404);
      const download = await fetch(serverUrl(`/verwaltung/dateien/${r.paperFileId}`), { headers: { Cookie: cookie } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
    } finally {
      await savePaper('publish');
    }
  });
});
