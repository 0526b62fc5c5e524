// Backup and restore round trip with nothing lost: `npm run backup` while a server runs and serves readers, then
// changes, then `npm run restore` with the server stopped, then a start on the restored data. Counts, texts,
// revisions, the attachment's bytes and search results are those of the moment of the backup; what the restore
// replaced is kept aside. This file owns its server and database (support/instances.ts), so counts are its own.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { openDatabase, type Database } from '@/lib/server/db';
import { buildAll } from '@/lib/server/search/indexer';
import { insertAccount } from '../support/users';
import { startDeployment, type Deployment, signIn } from '../support/instances';
import { makePdf } from '../support/pdf';
import { projectRoot, tmpDir } from '../support/paths';

let deployment: Deployment;
let base: string;
let cookie: string;
let bodyId: string;
let db: Database | null = null;
const backupDir = path.join(tmpDir, 'backup-restore-backups');

/** Runs `npm run backup` or `npm run restore` (the same entry points) beside the deployment; never throws. */
async function cli(name: 'backup' | 'restore', args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const port = new URL(base).port;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(projectRoot, `src/cli/${name}.ts`), ...args], {
      cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...deployment.env, BACKUP_DIR: backupDir, HOST: '127.0.0.1', PORT: port },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

/** Posts a back-office form as the clerk; returns the redirect target. */
async function post(pathname: string, action: string, fields: Record<string, string>): Promise<string> {
  const url = new URL(`${base}${pathname}`);
  url.searchParams.set('_action', action);
  const response = await fetch(url, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie }, body: new URLSearchParams(fields) });
  expect(response.status, action).toBe(303);
  return response.headers.get('location') ?? '';
}

async function upload(paperId: number, bytes: Uint8Array, fileName: string): Promise<void> {
  const form = new FormData();
  form.set('paperId', String(paperId));
  form.set('name', fileName);
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  const url = new URL(`${base}/verwaltung/vorlagen/${paperId}`);
  url.searchParams.set('_action', 'files.upload');
  const response = await fetch(url, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: base, Cookie: cookie } });
  expect(response.status, 'upload').toBe(303);
}

/**
 * Lets go of this process's connections to the deployment's database file. libsql finalizes its statements only when
 * they are garbage-collected, and SQLite keeps a closed connection (and its lock) open until then: without a
 * collection, the restore would rightly find the file still open.
 */
function releaseDatabase(): void {
  db?.$client.close();
  db = null;
  deployment.db.$client.close();
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const database = () => (db ??= openDatabase(deployment.databaseUrl));
const found = async (word: string, slug: string) => (await (await fetch(`${base}/suche?q=${word}`)).text()).includes(`/vorlagen/${slug}"`);

/** The paper's current version, for the next save. */
async function versionOf(paperId: number): Promise<string> {
  const [row] = await database().select({ version: t.paper.version }).from(t.paper).where(eq(t.paper.id, paperId));
  return String(row!.version);
}

/** What must survive: counts of every kind of record, the paper's fields, its revisions and its attachments. */
async function stateOf(paperId: number) {
  const d = database();
  const tables = { paper: t.paper, meeting: t.meeting, demand: t.demand, followUp: t.followUp, file: t.file, revision: t.revision, user: t.user } as const;
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) counts[name] = (await d.select({ n: count() }).from(table))[0]!.n;
  const [paper] = await d.select({ name: t.paper.name, textMd: t.paper.textMd, version: t.paper.version, slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, paperId));
  const revisions = await d.select({ version: t.revision.version, action: t.revision.action, snapshot: t.revision.snapshot }).from(t.revision).where(and(eq(t.revision.tableName, 'paper'), eq(t.revision.rowId, paperId))).orderBy(asc(t.revision.id));
  const files = await d.select({ id: t.file.id, name: t.file.name, sha256: t.file.sha256, size: t.file.size }).from(t.file).where(eq(t.file.paperId, paperId)).orderBy(asc(t.file.id));
  return { counts, paper, revisions, files };
}

beforeAll(async () => {
  deployment = await startDeployment('backup-restore', 1);
  base = deployment.instances[0]!.baseUrl;
  fs.rmSync(backupDir, { recursive: true, force: true });
  await buildAll(database().$client, { dir: path.join(deployment.dataDir, 'search') });
  const clerk = await insertAccount(database(), { email: 'sicherung-klerk@example.org', name: 'Sina Sicherung', role: 'clerk', password: 'Sicherung-Test-Passwort-1' });
  cookie = await signIn(base, clerk);
  const [body] = await database().select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  bodyId = String(body!.id);
});

afterAll(async () => {
  db?.$client.close();
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('npm run backup and npm run restore', () => {
  it('bring back exactly the state of the backup: counts, texts, revisions, attachment bytes and search', async () => {
    // The state to keep: a paper saved twice (two revisions), with an attachment, found by search.
    const location = await post('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2022-11-10', name: 'Antrag Sicherungsprobe', textMd: 'Erste Fassung.', intent: 'publish' });
    const paperId = Number(location.match(/vorlagen\/(\d+)/)![1]);
    await post(`/verwaltung/vorlagen/${paperId}`, 'papers.save', { id: String(paperId), version: await versionOf(paperId), bodyId, paperType: 'antrag', date: '2022-11-10', name: 'Antrag Sicherungsprobe', textMd: 'Zweite Fassung mit dem Wort Bewahrungsklausel.', intent: 'publish' });
    const pdf = makePdf('Anlage zur Sicherungsprobe');
    await upload(paperId, pdf, 'Sicherungsprobe.pdf');
    const kept = await stateOf(paperId);
    expect(kept.revisions.length, 'the paper has a revision history').toBeGreaterThanOrEqual(2);
    expect(kept.files).toHaveLength(1);
    // The timeouts only stop a hang: the server's own reindex after the save.
    await expect.poll(() => found('Bewahrungsklausel', kept.paper!.slug), { interval: 250, timeout: 60_000 }).toBe(true);

    // The backup, while readers keep the server busy.
    let reading = true;
    const statuses: number[] = [];
    const readers = (async () => {
      while (reading) for (const page of ['/vorlagen', `/vorlagen/${kept.paper!.slug}`, '/suche?q=Bewahrungsklausel']) statuses.push((await fetch(`${base}${page}`)).status);
    })();
    const backup = await cli('backup');
    reading = false;
    await readers;
    expect(backup, 'backup').toMatchObject({ code: 0, err: '' });
    expect(backup.out).toContain('Sicherung geschrieben:');
    expect(backup.out).toContain('Anlagen: 1 Dateien');
    expect(new Set(statuses)).toEqual(new Set([200]));
    const folder = backup.out.match(/Sicherung geschrieben: (.+)/)![1]!.trim();
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'backup.json'), 'utf8'))).toMatchObject({ counts: { paper: kept.counts.paper, revision: kept.counts.revision, file: kept.counts.file }, files: { count: 1 } });

    // Changes after the backup: a renamed paper, a second attachment, a new paper.
    await post(`/verwaltung/vorlagen/${paperId}`, 'papers.save', { id: String(paperId), version: await versionOf(paperId), bodyId, paperType: 'antrag', date: '2022-11-10', name: 'Antrag Sicherungsprobe geändert', textMd: 'Dritte Fassung mit dem Wort Spaetaenderung.', intent: 'publish' });
    await upload(paperId, makePdf('Zweite Anlage nach der Sicherung'), 'Nachzuegler.pdf');
    const later = await post('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2022-11-11', name: 'Antrag Nachsicherung', textMd: 'Das Wort Nachsicherungsvermerk.', intent: 'publish' });
    const laterId = Number(later.match(/vorlagen\/(\d+)/)![1]);
    const [laterPaper] = await database().select({ slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, laterId));
    await expect.poll(() => found('Nachsicherungsvermerk', laterPaper!.slug), { interval: 250, timeout: 60_000 }).toBe(true);

    // Restore refuses while the server runs, and over existing data without --force.
    const whileRunning = await cli('restore', [folder, '--force']);
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.err).toContain('antwortet noch ein Ratsfaden-Server');
    await deployment.halt(0);
    releaseDatabase();
    const overData = await cli('restore', [folder]);
    expect(overData.code).toBe(1);
    expect(overData.err).toContain('Im Zielverzeichnis liegen schon Daten');
    const restore = await cli('restore', [folder, '--force']);
    expect(restore, 'restore').toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain('wiederhergestellt');

    await deployment.restart(0);
    expect(await stateOf(paperId)).toEqual(kept);
    expect((await database().select({ id: t.paper.id }).from(t.paper).where(eq(t.paper.id, laterId))).length, 'the paper saved after the backup is gone').toBe(0);
    const download = await fetch(`${base}/verwaltung/dateien/${kept.files[0]!.id}`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    expect(await found('Bewahrungsklausel', kept.paper!.slug)).toBe(true);
    expect(await found('Spaetaenderung', kept.paper!.slug)).toBe(false);
    expect(await found('Nachsicherungsvermerk', laterPaper!.slug)).toBe(false);

    // What the restore replaced is kept aside, with the paper saved after the backup.
    const aside = restore.out.match(/liegen unverändert in (.+)\./)![1]!.trim();
    const previous = openDatabase(`file:${path.join(aside, 'ratsfaden.db')}`);
    try {
      expect((await previous.select({ id: t.paper.id }).from(t.paper).where(eq(t.paper.id, laterId))).length).toBe(1);
    } finally {
      previous.$client.close();
    }
    expect(fs.existsSync(path.join(aside, 'files')) && fs.existsSync(path.join(aside, 'search', 'manifest.json'))).toBe(true);
    // A backup, a restore and several restarts: beyond the default hang guard.
  }, 300_000);
});
