// Attachment text extraction within limits: a decompression bomb (a small PDF whose stream inflates to a gigabyte) is
// refused with a German message and leaves nothing behind, while the server keeps answering its readers and its
// memory stays bounded; extractions beyond the queue are refused with „try again later“; a normal PDF still has its
// text read. A server of its own with a small memory limit and no queue (EXTRACT_MEMORY_MB, EXTRACT_QUEUE).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { insertAccount } from '../support/users';
import { startDeployment, type Deployment, signIn } from '../support/instances';
import { makePdf } from '../support/pdf';
import { makePdfBomb } from '../support/pdf-bomb';
import { tmpDir } from '../support/paths';
import { uniqueName, uniqueToken } from '../support/unique';

const MEMORY_MB = 384;
let deployment: Deployment;
let base: string;
let cookie: string;
let paperId: number;
const filesDir = path.join(tmpDir, 'deployment-upload-limits', 'data', 'files');

function upload(bytes: Uint8Array, fileName: string) {
  const form = new FormData();
  form.set('paperId', String(paperId));
  form.set('name', '');
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  return fetch(`${base}/verwaltung/vorlagen/${paperId}?_action=files.upload`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: base, Cookie: cookie } });
}

const fileRows = () => deployment.db.select().from(t.file).where(eq(t.file.paperId, paperId));

/** Stored copies (and unfinished temp files) of these bytes in the deployment's file store. */
function storedCopies(bytes: Uint8Array): string[] {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(filesDir, sha.slice(0, 2));
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(sha)) : [];
}

/** Extraction processes the server started (its child processes running the child entry), from /proc (Linux). */
function extractionsOf(pid: number): number[] {
  const tasks = path.join('/proc', String(pid), 'task');
  if (!fs.existsSync(tasks)) return [];
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const children = fs.readdirSync(tasks).flatMap((tid) => read(path.join(tasks, tid, 'children')).split(/\s+/).filter(Boolean));
  // Not the search indexer's Pagefind process, which a save may have started.
  return children.filter((child) => read(`/proc/${child}/cmdline`).includes('child-entry.task')).map(Number);
}

/** The highest resident memory of a process so far (VmHWM, bytes). */
function peakRss(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

beforeAll(async () => {
  deployment = await startDeployment('upload-limits', 1, { EXTRACT_MEMORY_MB: String(MEMORY_MB), EXTRACT_PARALLEL: '1', EXTRACT_QUEUE: '0' });
  base = deployment.instances[0]!.baseUrl;
  const clerk = await insertAccount(deployment.db, { email: 'anlagen-klerk@example.org', name: 'Karla Anlage', role: 'clerk', password: 'Anlagen-Test-Passwort-1' });
  cookie = await signIn(base, clerk);
  const [body] = await deployment.db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  const created = await fetch(`${base}/verwaltung/vorlagen/neu?_action=papers.save`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie },
    body: new URLSearchParams({ version: '0', bodyId: String(body!.id), paperType: 'mitteilungsvorlage', date: '2026-11-04', name: uniqueName('Vorlage mit Bombe'), intent: 'save' }),
  });
  paperId = Number(created.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
});

afterAll(async () => {
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('attachment text extraction within limits', () => {
  it('refuses a decompression bomb, stores nothing, and answers readers and other uploads meanwhile', async () => {
    const bomb = await makePdfBomb(1024);
    expect(bomb.length, 'a small file').toBeLessThan(2 * 1024 * 1024);
    const server = deployment.instances[0]!.process.pid!;
    let answered = false;
    const uploading = upload(bomb, 'bericht.pdf').then(async (response) => ({ status: response.status, html: await response.text() }));
    void uploading.finally(() => (answered = true));

    // The extraction runs in a process of its own; while it does, a public page and a second upload get their answers.
    await expect.poll(() => answered || extractionsOf(server).length > 0, { interval: 20 }).toBe(true);
    expect(answered, 'the upload was answered before any extraction process started').toBe(false);
    const page = await fetch(`${base}/vorlagen`);
    expect(page.status).toBe(200);
    await page.text();
    expect(answered, 'a public page answered while the extraction ran').toBe(false);
    const second = await upload(makePdf(`Zweite Anlage ${uniqueToken()}`), 'zweite.pdf');
    expect(second.status).toBe(422);
    expect(await second.text()).toContain('Gerade werden zu viele Anlagen gleichzeitig verarbeitet.');
    expect(answered, 'the second upload was refused while the first one was read').toBe(false);

    const refused = await uploading;
    expect(refused.status).toBe(422);
    expect(refused.html).toContain(`Der Text der Datei konnte nicht ausgelesen werden: Dafür wären mehr als ${MEMORY_MB} MB Arbeitsspeicher nötig.`);
    expect({ rows: (await fileRows()).length, stored: storedCopies(bomb) }).toEqual({ rows: 0, stored: [] });
    // The server's own memory never held the inflated stream; the extraction process is gone.
    expect(peakRss(server)).toBeLessThan(1024 * 1024 * 1024);
    await expect.poll(() => extractionsOf(server)).toEqual([]);
  });

  it('still reads and stores the text of a normal PDF', async () => {
    const text = `Sachstand Sprachkurse ${uniqueToken()}`;
    const response = await upload(makePdf(text), 'sachstand.pdf');
    expect(response.status).toBe(303);
    const rows = await fileRows();
    expect(rows.map((row) => row.text)).toEqual([text]);
    const editor = await (await fetch(`${base}/verwaltung/vorlagen/${paperId}`, { headers: { Cookie: cookie } })).text();
    expect(editor).toContain('sachstand');
  });
});
