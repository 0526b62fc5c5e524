// One import run of an OParl system: System → bodies → per body its lists in the order references need them
// (terms, places, organizations, people, memberships, meetings, papers), page by page, each page in one transaction
// with the list's position, so a run that stops continues where it stopped. A second run asks with `modified_since`.
import type { Database, Executor } from '@/lib/server/db';
import { EVERYTHING, recordChangeWith } from '@/lib/server/changes/log';
import { DeviationLog, deviationKinds as k, type Deviation } from './deviations';
import { createFetcher, type FetchOptions } from './fetch';
import { hydrate } from './hydrate';
import { ListUnavailable, walkList, withFilters, type ListPage } from './lists';
import * as write from './objects';
import { readObject, type OparlType } from './parse';
import { RecordStore } from './records';
import { beginRun, completeRun, listPosition, saveListPosition } from './state';
import { downloadFiles } from './files';
import { withDatabaseLock } from '@/lib/server/db-lock';

/** What a run is asked to do. */
export interface ImportOptions {
  systemUrl: string;
  /** Download attachments and extract their text (`--files`). */
  files?: boolean;
  /** Ignore the last completed run and ask for everything. */
  full?: boolean;
  fetch?: FetchOptions;
  /** Called after each page: the counts so far and the list being walked. */
  onProgress?: (progress: RunProgress) => void;
  onDeviation?: (deviation: Deviation) => void;
}

/** Where a run is: the body (n of m), the list (n of m, by type) and its page, and the counts so far. */
export interface RunProgress {
  counts: write.Counts;
  body: string;
  bodyNumber: number;
  bodyCount: number;
  list: OparlType;
  listNumber: number;
  listCount: number;
  page: ListPage;
}

/** What a run did. */
export interface ImportResult {
  sourceId: number;
  systemName: string;
  since: string | null;
  resumed: boolean;
  counts: write.Counts;
  deviations: DeviationLog;
  requests: number;
  retries: number;
  filesDownloaded: number;
}

/** A body's lists in the order they are imported, with the type of their objects and the writer. */
const listOrder: { property: string; type: OparlType; write: (tx: Executor, ctx: write.WriteContext, raw: unknown) => Promise<unknown> }[] = [
  { property: 'legislativeTermList', type: 'LegislativeTerm', write: write.writeLegislativeTerm },
  { property: 'locationList', type: 'Location', write: write.writeLocation },
  { property: 'organization', type: 'Organization', write: write.writeOrganization },
  { property: 'person', type: 'Person', write: write.writePerson },
  { property: 'membership', type: 'Membership', write: (tx, ctx, raw) => write.writeMembership(tx, ctx, raw) },
  { property: 'meeting', type: 'Meeting', write: write.writeMeeting },
  { property: 'paper', type: 'Paper', write: write.writePaper },
];

/** Thrown when the given URL is not an OParl System; says what to give instead. */
export class NotOparl extends Error {}

/**
 * Imports (or updates from) the OParl system at `options.systemUrl` into `db`. Two runs of one source never overlap
 * (a cron run while another still works, two instances): the second waits for the first under a lease in the
 * database, then asks only for what changed meanwhile.
 */
export function importOparl(db: Database, options: ImportOptions): Promise<ImportResult> {
  return withDatabaseLock(db, `oparl-import ${options.systemUrl}`, () => runImport(db, options));
}

async function runImport(db: Database, options: ImportOptions): Promise<ImportResult> {
  const fetcher = createFetcher(options.fetch);
  const log = new DeviationLog(options.onDeviation);
  const system = await fetcher.json(options.systemUrl);
  if (!system.ok) throw new NotOparl(`Unter ${options.systemUrl} ist kein OParl-System erreichbar (HTTP ${system.status}). Bitte die URL des System-Objekts angeben.`);
  const read = readObject(system.body, 'System', log);
  if (read.kind !== 'object') throw new NotOparl(`${options.systemUrl} liefert kein OParl-System-Objekt. Bitte die URL des System-Objekts angeben (z. B. https://…/oparl/v1/system).`);
  const sys = read.value;
  const state = await beginRun(db, options.systemUrl, sys.name ?? options.systemUrl, sys.website, options.full ?? false);
  const store = await RecordStore.load(db, state.sourceId);
  const counts: write.Counts = {};
  const files: write.FileToFetch[] | null = options.files ? [] : null;
  let filesDownloaded = 0;
  const base = { store, log, counts, published: new Date().toISOString(), files };

  // The bodies list is small and read whole each run: each body's lists are where the changes are asked for.
  const bodies: { id: number; raw: Record<string, unknown>; name: string }[] = [];
  await walkList(fetcher, sys.body, async (page) => {
    await db.transaction(async (tx) => {
      for (const raw of page.data) {
        const body = readObject(raw, 'Body', log);
        if (body.kind === 'deleted') await store.trash(tx, body.id);
        if (body.kind !== 'object') continue;
        const id = await write.writeBody(tx, base, body.value);
        for (const term of body.value.legislativeTerm) await write.writeLegislativeTerm(tx, { ...base, bodyId: id }, term);
        bodies.push({ id, raw: raw as Record<string, unknown>, name: body.value.name });
      }
    });
  }).catch((error) => {
    if (error instanceof ListUnavailable) throw new NotOparl(`Die Liste der Körperschaften ist nicht abrufbar: ${error.message}`);
    throw error;
  });

  for (const [bodyIndex, body] of bodies.entries()) {
    const ctx: write.WriteContext = { ...base, bodyId: body.id };
    for (const [listIndex, list] of listOrder.entries()) {
      const listUrl = body.raw[list.property];
      if (typeof listUrl !== 'string') continue;
      const position = await listPosition(db, state.sourceId, listUrl);
      if (position?.done) continue;
      const start = position?.nextUrl ?? withFilters(listUrl, state.since);
      try {
        await walkList(fetcher, start, async (page) => {
          const objects = await Promise.all(page.data.map((raw) => hydrate(raw, list.type, fetcher, log, (url) => list.type === 'Meeting' && store.idOf('location', url) !== null)));
          await db.transaction(async (tx) => {
            for (const raw of objects) await writeOne(tx, ctx, list, raw);
            await saveListPosition(tx, state.sourceId, listUrl, page.next);
          });
          if (files?.length) filesDownloaded += await downloadFiles(db, fetcher, files.splice(0), log);
          options.onProgress?.({ counts, body: body.name, bodyNumber: bodyIndex + 1, bodyCount: bodies.length, list: list.type, listNumber: listIndex + 1, listCount: listOrder.length, page });
        });
      } catch (error) {
        if (!(error instanceof ListUnavailable)) throw error;
        log.add(k.listMissing, error.url, error.status ? `HTTP ${error.status}` : 'keine Liste');
        await db.transaction((tx) => saveListPosition(tx, state.sourceId, listUrl, null));
      }
    }
  }
  await completeRun(db, state);
  const changed = Object.values(counts).some((c) => c.created + c.updated + c.deleted > 0) || filesDownloaded > 0;
  // One logged change for the whole run: every instance drops what it cached, search reconciles from it.
  if (changed) await recordChangeWith(db.$client, [EVERYTHING]);
  return { sourceId: state.sourceId, systemName: sys.name ?? options.systemUrl, since: state.since, resumed: state.resumed, counts, deviations: log, ...fetcher.counts(), filesDownloaded };
}

/** Writes one object in a savepoint: one that fails is logged and rolled back alone, the page goes on. */
async function writeOne(tx: Executor, ctx: write.WriteContext, list: (typeof listOrder)[number], raw: unknown): Promise<void> {
  try {
    await (tx as unknown as Database).transaction((sp) => list.write(sp, ctx, raw).then(() => undefined));
  } catch (error) {
    const id = typeof raw === 'object' && raw && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '(ohne id)';
    ctx.log.add(k.invalid, id, error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : String(error));
    const row = (ctx.counts[list.type] ??= { created: 0, updated: 0, unchanged: 0, deleted: 0, skipped: 0 });
    row.skipped++;
  }
}

