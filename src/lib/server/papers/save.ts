// Back-office papers: lists with drafts, loading for the editor, saving with revisions and publishing.
import { and, asc, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { renderMarkdown } from '@/lib/markdown';
import { slugify } from '@/lib/slug';
import type { Executor } from '@/lib/server/db';
import { insertVersioned, updateCurrent, updateVersioned, writeTransaction, type Conflict } from '@/lib/server/history/versioned-writes';
import { refreshRevision } from '@/lib/server/history/revisions';
import type { PaperInput } from '@/lib/validation/forms';
import type { InvalidReference } from '@/lib/server/references';
import { checkPaperChange, checkPaperReferences } from './references';
import { refuseImported } from '@/lib/server/oparl/origin';

/** A paper as stored, as the editor shows it. */
export type PaperRow = typeof t.paper.$inferSelect;

/** Papers for the back office: drafts included, trash excluded, newest first; optional search in title and number. */
export async function listPapersForEditing(query = '', limit = 100) {
  const q = query.trim();
  const where = and(isNull(t.paper.deletedAt), q ? or(like(t.paper.name, `%${q}%`), like(t.paper.reference, `%${q}%`)) : undefined);
  return getDb()
    .select({ id: t.paper.id, name: t.paper.name, reference: t.paper.reference, paperType: t.paper.paperType, date: t.paper.date, publishedAt: t.paper.publishedAt, updatedAt: t.paper.updatedAt, slug: t.paper.slug })
    .from(t.paper)
    .where(where)
    .orderBy(desc(t.paper.updatedAt))
    .limit(limit);
}

/** A paper with its originators and demands, for the editor; null when absent (trash included). */
export async function getPaperForEditing(id: number) {
  const db = getDb();
  const [paper] = await db.select().from(t.paper).where(eq(t.paper.id, id));
  if (!paper) return null;
  const originators = await db.select().from(t.paperOriginator).where(eq(t.paperOriginator.paperId, id));
  const demands = await db.select().from(t.demand).where(and(eq(t.demand.paperId, id), isNull(t.demand.deletedAt))).orderBy(asc(t.demand.ordinal));
  return {
    paper,
    originatorOrganizationIds: originators.flatMap((o) => (o.organizationId ? [o.organizationId] : [])),
    originatorPersonIds: originators.flatMap((o) => (o.personId ? [o.personId] : [])),
    demands,
  };
}

/** Choices for the editor's selects: bodies, organizations, people. */
export async function editorChoices() {
  const db = getDb();
  const [bodies, organizations, people] = await Promise.all([
    db.select({ id: t.body.id, name: t.body.name }).from(t.body).where(isNull(t.body.deletedAt)).orderBy(asc(t.body.name)),
    db.select({ id: t.organization.id, name: t.organization.name, bodyId: t.organization.bodyId }).from(t.organization).where(isNull(t.organization.deletedAt)).orderBy(asc(t.organization.name)),
    db.select({ id: t.person.id, name: t.person.name }).from(t.person).where(isNull(t.person.deletedAt)).orderBy(asc(t.person.name)),
  ]);
  return { bodies, organizations, people };
}

async function uniquePaperSlug(base: string): Promise<string> {
  const rows = await getDb().select({ slug: t.paper.slug }).from(t.paper).where(or(eq(t.paper.slug, base), like(t.paper.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Outcome of saving a paper; `merged` when changes someone else saved to other fields in between were kept. */
export type SavePaperResult =
  | { ok: true; id: number; version: number; published: boolean; bodyId: number; publishedNow: boolean; merged: boolean }
  | { ok: false; reason: 'conflict'; current: PaperRow; conflict: Conflict }
  | { ok: false; reason: 'not-found' }
  | InvalidReference;

/**
 * Creates or updates a paper (optimistic locking on `version`, merged field by field with changes saved in between,
 * originators included), replaces its originators, renders the Markdown and records a revision. Publishing also
 * publishes the paper's draft demands and attachments, each with its own revision. `confirmedVersion`: see
 * UpdateOptions.
 */
export async function savePaper(input: PaperInput, userId: number, confirmedVersion: number | null = null): Promise<SavePaperResult> {
  const now = new Date().toISOString();
  const values = {
    bodyId: input.bodyId,
    name: input.name,
    paperType: input.paperType,
    reference: input.reference,
    fileNumber: input.fileNumber,
    date: input.date,
    underDirectionOfId: input.underDirectionOfId,
    textKind: input.textKind,
    textSourceNote: input.textSourceNote,
    textMd: input.textMd,
    textHtml: renderMarkdown(input.textMd),
  };
  const slug = input.id ? null : await uniquePaperSlug(slugify(`${input.paperType} ${input.date} ${input.name}`) || 'vorlage');
  return writeTransaction(async (tx) => {
    // Body, Federführung and originators exist and belong to the paper's body; a new body or date does not
    // leave Beratungsfolge, demands, relations or due dates behind.
    // An imported paper's fields belong to its source (src/lib/server/oparl/origin.ts).
    const refused = (await refuseImported(tx, 'paper', input.id, { ...values, ...input })) ?? (await checkPaperReferences(tx, input)) ?? (await checkPaperChange(tx, input));
    if (refused) return refused;
    let row: PaperRow;
    let originators = { originatorOrganizationIds: input.originatorOrganizationIds, originatorPersonIds: input.originatorPersonIds };
    let merged = false;
    const publishing = input.intent === 'publish';
    if (!input.id) {
      row = await insertVersioned<PaperRow>(tx, t.paper, { ...values, slug, publishedAt: publishing ? now : null }, userId);
    } else {
      const [before] = await tx.select({ publishedAt: t.paper.publishedAt }).from(t.paper).where(eq(t.paper.id, input.id));
      const publishedAt = input.intent === 'publish' ? (before?.publishedAt ?? now) : input.intent === 'unpublish' ? null : before?.publishedAt ?? null;
      const action = input.intent === 'publish' && !before?.publishedAt ? 'publish' : 'update';
      const result = await updateVersioned<PaperRow>(tx, t.paper, input.id, input.version, values, userId, { action, merge: true, always: { publishedAt }, related: originators, confirmedVersion });
      if (!result.ok) return result;
      row = result.row;
      merged = result.merged;
      originators = result.related as typeof originators;
    }
    await tx.delete(t.paperOriginator).where(eq(t.paperOriginator.paperId, row.id));
    const originatorRows = [
      ...originators.originatorOrganizationIds.map((organizationId) => ({ paperId: row.id, organizationId })),
      ...originators.originatorPersonIds.map((personId) => ({ paperId: row.id, personId })),
    ];
    if (originatorRows.length) await tx.insert(t.paperOriginator).values(originatorRows);
    // The revision was written before the originators changed; it records them as saved.
    await refreshRevision(tx, 'paper', row);
    if (publishing) {
      const drafts = await tx.select({ id: t.demand.id }).from(t.demand).where(and(eq(t.demand.paperId, row.id), isNull(t.demand.publishedAt), isNull(t.demand.deletedAt)));
      for (const d of drafts) await updateCurrent(tx, t.demand, d.id, { publishedAt: now }, userId, { action: 'publish' });
      const files = await tx.select({ id: t.file.id }).from(t.file).where(and(eq(t.file.paperId, row.id), isNull(t.file.publishedAt), isNull(t.file.deletedAt)));
      for (const f of files) await updateCurrent(tx, t.file, f.id, { publishedAt: now }, userId, { action: 'publish' });
    }
    return { ok: true as const, id: row.id, version: row.version, published: row.publishedAt !== null, bodyId: row.bodyId, publishedNow: publishing, merged };
  });
}

/** Sets a paper's originators to those a revision snapshot recorded (when it recorded them), for a restore. */
export async function restoreOriginators(tx: Executor, paperId: number, snapshot: Record<string, unknown>): Promise<void> {
  const organizations = snapshot.originatorOrganizationIds;
  const persons = snapshot.originatorPersonIds;
  if (!Array.isArray(organizations) || !Array.isArray(persons)) return;
  await tx.delete(t.paperOriginator).where(eq(t.paperOriginator.paperId, paperId));
  const rows = [...organizations.map((organizationId) => ({ paperId, organizationId: Number(organizationId) })), ...persons.map((personId) => ({ paperId, personId: Number(personId) }))];
  if (rows.length) await tx.insert(t.paperOriginator).values(rows);
}

/** Number of drafts and of records in the trash, for the dashboard. */
export async function paperCounts() {
  const [row] = await getDb()
    .select({
      drafts: sql<number>`sum(case when ${t.paper.publishedAt} is null and ${t.paper.deletedAt} is null then 1 else 0 end)`,
      trashed: sql<number>`sum(case when ${t.paper.deletedAt} is not null then 1 else 0 end)`,
    })
    .from(t.paper);
  return { drafts: Number(row?.drafts ?? 0), trashed: Number(row?.trashed ?? 0) };
}
