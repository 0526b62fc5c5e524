// Attachment uploads: PDFs only (by content), size limit, safe names, content-addressed storage, text extraction.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, getPage, postForm } from '../support/back-office';
import { serverUrl } from '../support/base-url';
import { tmpDir } from '../support/paths';
import { makePdf } from '../support/pdf';
import { uniqueName, uniqueToken } from '../support/unique';

// The test server's DATA_DIR (test/support/server.ts).
const filesDir = path.join(tmpDir, 'server-data', 'files');
let db: Database;
let cookie: string;
let paperId: number;

beforeAll(async () => {
  let bodyId: string;
  ({ db, cookie, bodyId } = await clerkSetup('landkreis-grafschaft-bentheim'));
  const created = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'mitteilungsvorlage', date: '2026-11-04', name: uniqueName('Vorlage mit Anlagen'), intent: 'save' }, cookie);
  paperId = Number(created.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
});
afterAll(() => db?.$client.close());

function upload(bytes: Uint8Array, fileName: string, name = '') {
  const form = new FormData();
  form.set('paperId', String(paperId));
  form.set('name', name);
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  const url = new URL(serverUrl(`/verwaltung/vorlagen/${paperId}`));
  url.searchParams.set('_action', 'files.upload');
  return fetch(url, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: inject('baseUrl'), Cookie: cookie } });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** What the store holds of these bytes: the stored file and any temp file of an unfinished write (`<sha>.<uuid>.tmp`). */
function storedCopies(bytes: Uint8Array): string[] {
  const sha = sha256(bytes);
  const dir = path.join(filesDir, sha.slice(0, 2));
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(sha)) : [];
}
const fileRows = () => db.select().from(t.file).where(eq(t.file.paperId, paperId));

describe('attachment uploads', () => {
  it('stores a PDF under its SHA-256 outside the public folder, extracts its text and serves it safely', async () => {
    const bytes = makePdf('Sachstandsbericht der Auslaenderbehoerde zu Sprachkursen');
    const response = await upload(bytes, 'Bericht Sprachkurse.pdf', 'Anlage 1: Sachstandsbericht');
    expect(response.status).toBe(303);
    const [row] = await fileRows();
    const sha = sha256(bytes);
    expect(row).toMatchObject({ name: 'Anlage 1: Sachstandsbericht', fileName: 'Bericht Sprachkurse.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: sha, publishedAt: null });
    expect(row!.text).toContain('Sachstandsbericht der Auslaenderbehoerde');
    expect(fs.readFileSync(path.join(filesDir, sha.slice(0, 2), sha))).toEqual(Buffer.from(bytes));

    const download = await fetch(serverUrl(`/verwaltung/dateien/${row!.id}`), { headers: { Cookie: cookie } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(`inline; filename="Bericht Sprachkurse.pdf"; filename*=UTF-8''Bericht%20Sprachkurse.pdf`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    // A draft's attachment is not public, and the back-office route needs a login.
    expect((await getPage(`/dateien/${row!.id}`)).status).toBe(404);
    expect((await getPage(`/verwaltung/dateien/${row!.id}`)).status).toBe(303);
  });

  // "Nothing behind": no row for the paper and no copy of the refused bytes (other files upload in parallel, so the
  // store's total is not looked at).
  it('refuses a renamed executable and leaves nothing behind', async () => {
    const rows = (await fileRows()).length;
    const exe = new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0x41)]));
    const response = await upload(exe, 'Sitzungsunterlagen.pdf');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Die Datei ist kein PDF-Dokument.');
    expect({ rows: (await fileRows()).length, stored: storedCopies(exe) }).toEqual({ rows, stored: [] });
  });

  it('refuses an oversize file with a clear message and leaves nothing behind', async () => {
    const rows = (await fileRows()).length;
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(Buffer.from('%PDF-1.4\n', 'latin1'));
    const response = await upload(big, 'gross.pdf');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Die Datei ist zu groß. PDF-Dateien dürfen höchstens 20 MB groß sein.');
    expect({ rows: (await fileRows()).length, stored: storedCopies(big) }).toEqual({ rows, stored: [] });
  });

  it('refuses a request larger than the body limit before reading it', async () => {
    const huge = new Uint8Array(22 * 1024 * 1024);
    const response = await upload(huge, 'riesig.pdf');
    expect(response.status).toBe(413);
  });

  it('refuses path-traversal names', async () => {
    const rows = (await fileRows()).length;
    const pdf = makePdf(`Pfad ${uniqueToken()}`);
    for (const name of ['../../etc/passwd.pdf', '..\\..\\boot.pdf', '.htaccess']) {
      const response = await upload(pdf, name);
      expect(response.status, name).toBe(422);
      expect(await response.text(), name).toMatch(/Pfadangaben|keine Pfad/);
    }
    expect({ rows: (await fileRows()).length, stored: storedCopies(pdf) }).toEqual({ rows, stored: [] });
  });

  it('refuses a damaged PDF', async () => {
    const response = await upload(new Uint8Array(Buffer.from('%PDF-1.4\nkaputt', 'latin1')), 'kaputt.pdf');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Die PDF-Datei ist beschädigt');
  });
});

describe('attachment names', () => {
  it('render a script-like display name as text', async () => {
    const response = await upload(makePdf('Anlage'), 'anlage.pdf', '<img src=x onerror=alert(1)>Anlage');
    expect(response.status).toBe(303);
    const html = await (await fetch(serverUrl(`/verwaltung/vorlagen/${paperId}`), { headers: { Cookie: cookie } })).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Anlage');
    expect(html).not.toContain('<img src=x');
  });
});

describe('attachments follow publishing', () => {
  it('an attachment of a draft paper becomes public when the paper is published', async () => {
    expect((await upload(makePdf('Oeffentliche Anlage'), 'oeffentlich.pdf', 'Anlage Veröffentlichung')).status).toBe(303);
    const row = (await fileRows()).find((f) => f.name === 'Anlage Veröffentlichung')!;
    expect(row.publishedAt).toBeNull();
    const [paper] = await db.select().from(t.paper).where(eq(t.paper.id, paperId));
    const publish = await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', { id: String(paperId), version: String(paper!.version), bodyId: String(paper!.bodyId), paperType: paper!.paperType, date: paper!.date, name: paper!.name, intent: 'publish' }, cookie);
    expect(publish.status).toBe(303);
    const response = await fetch(serverUrl(`/dateien/${row.id}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await getPage(`/vorlagen/${paper!.slug}`);
    expect(page.html).toContain('Anlage Veröffentlichung');
  });

  it('uploads to an agenda item from the minutes editor', async () => {
    // An agenda item of this file's own (draft) meeting, so no other file's attachments are in the way.
    const [seed] = await db.select().from(t.meeting).where(eq(t.meeting.slug, '2022-02-02-integrationsrat'));
    const token = uniqueToken();
    const [meeting] = await db.insert(t.meeting).values({ bodyId: seed!.bodyId, slug: `sitzung-${token}`, name: `Sitzung ${token}`, start: '2026-12-17T17:00:00+01:00', publishedAt: null }).returning();
    const [item] = await db.insert(t.agendaItem).values({ meetingId: meeting!.id, order: 1, number: 'Ö 1', name: 'Präsentation', publishedAt: null }).returning();
    const form = new FormData();
    form.set('agendaItemId', String(item!.id));
    form.set('name', 'Präsentation zum TOP');
    form.set('file', new Blob([new Uint8Array(makePdf('Praesentation'))], { type: 'application/pdf' }), 'praesentation.pdf');
    const url = new URL(serverUrl(`/verwaltung/tagesordnungspunkte/${item!.id}`));
    url.searchParams.set('_action', 'files.upload');
    const response = await fetch(url, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: inject('baseUrl'), Cookie: cookie } });
    expect(response.status).toBe(303);
    const [row] = await db.select().from(t.file).where(eq(t.file.agendaItemId, item!.id));
    expect(row).toMatchObject({ name: 'Präsentation zum TOP', text: 'Praesentation' });
  });
});
