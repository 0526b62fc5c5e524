// The database the app runs on: foreign keys are enforced and the file database runs in WAL mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import * as t from '@db/schema';
import { configureFileDatabase, openDatabase, type Database } from '@/lib/server/db';
import { prepareDatabase } from '@/lib/server/prepare';
import { idBySlug, testDb } from '../support/database';

const opened: { db: Database; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The database's own error message behind drizzle's "Failed query" wrapper. */
async function sqliteError(query: Promise<unknown>): Promise<string> {
  const error = await query.then(() => null, (e: unknown) => e as Error & { cause?: Error });
  return String(error?.cause?.message ?? error?.message ?? 'no error');
}

function freshFileDatabase(): Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsfaden-db-'));
  const db = openDatabase(`file:${path.join(dir, 'ratsfaden.db')}`);
  opened.push({ db, dir });
  return db;
}

describe('Database integrity', () => {
  it('refuses an organization of a body that does not exist', async () => {
    expect(await sqliteError(testDb().insert(t.organization).values({ bodyId: 999_999, slug: 'geister-ausschuss', name: 'Geisterausschuss', kind: 'committee' }))).toMatch(/FOREIGN KEY constraint failed/);
    expect(await testDb().$count(t.organization, undefined)).toBe(5);
  });

  it('refuses a demand that belongs to both a paper and an agenda item', async () => {
    const paperId = await idBySlug(t.paper, 'antrag-gruene-2014-03-05-willkommenskultur');
    expect(await sqliteError(testDb().insert(t.demand).values({ paperId, agendaItemId: 1, ordinal: 99, title: 'x', textMd: 'x', textHtml: 'x' }))).toMatch(/CHECK constraint failed/);
  });

  it('runs the file database in WAL mode, so readers go on while a clerk saves', async () => {
    const result = await testDb().$client.execute('PRAGMA journal_mode');
    expect(String(result.rows[0]?.[0])).toBe('wal');
  });
});

describe('Preparing a new installation', () => {
  it('migrates an empty file database, switches it to WAL and imports content/ once', async () => {
    const db = freshFileDatabase();
    expect(await prepareDatabase(db)).toEqual({ seeded: true });
    expect(String((await db.$client.execute('PRAGMA journal_mode')).rows[0]?.[0])).toBe('wal');
    expect(Number((await db.$client.execute('PRAGMA foreign_keys')).rows[0]?.[0])).toBe(1);
    const [papers] = await db.select({ n: count() }).from(t.paper);
    expect(papers?.n).toBe(2);
    // A restart finds the bodies and imports nothing.
    expect(await prepareDatabase(db)).toEqual({ seeded: false });
  });

  it('migrates and imports once when two instances start together on one new database', async () => {
    const first = freshFileDatabase();
    const { dir } = opened.at(-1)!;
    const second = openDatabase(`file:${path.join(dir, 'ratsfaden.db')}`);
    opened.push({ db: second, dir });
    const results = await Promise.all([prepareDatabase(first), prepareDatabase(second)]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    const journal = JSON.parse(fs.readFileSync(path.resolve('db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(Number((await first.$client.execute('SELECT count(*) FROM __drizzle_migrations')).rows[0]?.[0])).toBe(journal.entries.length);
    const [papers] = await first.select({ n: count() }).from(t.paper);
    expect(papers?.n).toBe(2);
  });
});

describe('Writes of one process around an open transaction', () => {
  it('lets another write wait for the transaction instead of freezing the process and failing as locked', async () => {
    const db = freshFileDatabase();
    await configureFileDatabase(db, `file:${path.join(opened.at(-1)!.dir, 'ratsfaden.db')}`);
    await db.run(sql`CREATE TABLE probe (v INTEGER)`);
    let finishTransaction!: () => void;
    const held = new Promise<void>((resolve) => (finishTransaction = resolve));
    let inside!: () => void;
    const begun = new Promise<void>((resolve) => (inside = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO probe VALUES (1)`);
      inside();
      await held;
      await tx.run(sql`INSERT INTO probe VALUES (2)`);
    });
    await begun;
    // Another request's write while the transaction holds the write lock, and a read, which never waits.
    // (drizzle runs a query when it is awaited or then'd: `.then` starts it now.)
    const write = db.run(sql`INSERT INTO probe VALUES (3)`).then(() => 'gespeichert', (error: Error) => String(error.cause ?? error));
    expect(await db.all(sql`SELECT count(*) AS n FROM probe`)).toEqual([{ n: 0 }]);
    finishTransaction();
    await transaction;
    expect(await write).toBe('gespeichert');
    expect(await db.all(sql`SELECT v FROM probe ORDER BY rowid`)).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
  });
});

