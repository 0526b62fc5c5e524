// Run state in the database: the source, when its last complete run started (the next run's modified_since), and
// how far the run in progress got through each list, so an interrupted run continues where it stopped.
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database, Executor } from '@/lib/server/db';

/** The source row and what this run asks for. */
export interface RunState {
  sourceId: number;
  /** `modified_since` of this run (null: everything). */
  since: string | null;
  startedAt: string;
  /** Whether this run continues an interrupted one. */
  resumed: boolean;
}

/** Starts a run of `systemUrl`, or continues the interrupted one; `full` ignores the last completed run. */
export async function beginRun(db: Database, systemUrl: string, name: string, website: string | null, full: boolean): Promise<RunState> {
  const [existing] = await db.select().from(t.oparlSource).where(eq(t.oparlSource.systemUrl, systemUrl));
  const now = new Date().toISOString();
  if (existing?.runStartedAt) {
    await db.update(t.oparlSource).set({ name, website, updatedAt: now }).where(eq(t.oparlSource.id, existing.id));
    return { sourceId: existing.id, since: existing.runSince, startedAt: existing.runStartedAt, resumed: true };
  }
  const since = full ? null : (existing?.completedFrom ?? null);
  if (existing) {
    await db.update(t.oparlSource).set({ name, website, runStartedAt: now, runSince: since, updatedAt: now }).where(eq(t.oparlSource.id, existing.id));
    return { sourceId: existing.id, since, startedAt: now, resumed: false };
  }
  const [row] = await db.insert(t.oparlSource).values({ systemUrl, name, website, runStartedAt: now, runSince: null }).returning({ id: t.oparlSource.id });
  return { sourceId: row!.id, since: null, startedAt: now, resumed: false };
}

/** Where a list stands in this run: not begun (null), at a page, or done. */
export async function listPosition(db: Database, sourceId: number, listUrl: string): Promise<{ nextUrl: string | null; done: boolean } | null> {
  const [row] = await db.select().from(t.oparlListProgress).where(and(eq(t.oparlListProgress.sourceId, sourceId), eq(t.oparlListProgress.listUrl, listUrl)));
  return row ? { nextUrl: row.nextUrl, done: row.done } : null;
}

/** Stores the page a list continues with (null: done), in the transaction that wrote the page before it. */
export async function saveListPosition(tx: Executor, sourceId: number, listUrl: string, nextUrl: string | null): Promise<void> {
  await tx.insert(t.oparlListProgress).values({ sourceId, listUrl, nextUrl, done: nextUrl === null })
    .onConflictDoUpdate({ target: [t.oparlListProgress.sourceId, t.oparlListProgress.listUrl], set: { nextUrl, done: nextUrl === null } });
}

/**
 * How far before a run's start the next run asks from: the source's clock may run behind ours, and an object saved
 * there while this run read its list must come again. Asking for a few minutes twice costs only unchanged compares.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

/** Ends a run: the next one asks for what changed since shortly before this one started; the list positions are dropped. */
export async function completeRun(db: Database, state: RunState): Promise<void> {
  const from = new Date(Date.parse(state.startedAt) - CLOCK_MARGIN_MS).toISOString();
  await db.transaction(async (tx) => {
    await tx.update(t.oparlSource).set({ completedFrom: from, runStartedAt: null, runSince: null, updatedAt: new Date().toISOString() }).where(eq(t.oparlSource.id, state.sourceId));
    await tx.delete(t.oparlListProgress).where(eq(t.oparlListProgress.sourceId, state.sourceId));
  });
}
