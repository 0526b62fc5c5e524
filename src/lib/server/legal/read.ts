// Reading legal texts: the public page of one kind (every public body with its text) and the back office's views.
import { and, asc, eq, isNull } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { publicBody } from '@/lib/server/visibility';
import type { LegalTextKind } from '@/lib/domain/vocabulary';

/** A stored legal text as pages show it. */
export type LegalText = typeof t.legalText.$inferSelect;

/** One body on a public legal page: its name, an anchor, and its text (null while it has none). */
export interface BodyLegalText {
  body: { id: number; slug: string; name: string };
  text: LegalText | null;
}

/** Every public body with its text of `kind`, by name: what /impressum, /datenschutz and /barrierefreiheit show. */
export async function publicLegalTexts(kind: LegalTextKind): Promise<BodyLegalText[]> {
  const rows = await getDb()
    .select({ body: { id: t.body.id, slug: t.body.slug, name: t.body.name }, text: t.legalText })
    .from(t.body)
    .leftJoin(t.legalText, and(eq(t.legalText.bodyId, t.body.id), eq(t.legalText.kind, kind), isNull(t.legalText.deletedAt)))
    .where(publicBody(t.body))
    .orderBy(asc(t.body.name));
  return rows.map((row) => ({ body: row.body, text: row.text ?? null }));
}

/** The text of `kind` of a body (trashed or not), or null: what the editor starts from. */
export async function legalTextOf(bodyId: number, kind: LegalTextKind): Promise<LegalText | null> {
  const [row] = await getDb().select().from(t.legalText).where(and(eq(t.legalText.bodyId, bodyId), eq(t.legalText.kind, kind)));
  return row ?? null;
}

/** Every body the back office knows (drafts included), with the versions of its legal texts, for the admins' overview. */
export async function legalTextOverview() {
  const db = getDb();
  const bodies = await db.select({ id: t.body.id, name: t.body.name, publishedAt: t.body.publishedAt }).from(t.body).where(isNull(t.body.deletedAt)).orderBy(asc(t.body.name));
  const texts = await db.select({ id: t.legalText.id, bodyId: t.legalText.bodyId, kind: t.legalText.kind, version: t.legalText.version, updatedAt: t.legalText.updatedAt }).from(t.legalText).where(isNull(t.legalText.deletedAt));
  return bodies.map((body) => ({ ...body, texts: Object.fromEntries(texts.filter((x) => x.bodyId === body.id).map((x) => [x.kind, x])) as Partial<Record<LegalTextKind, (typeof texts)[number]>> }));
}

/** A body by id for the editor's heading (drafts included), or null. */
export async function bodyForLegalText(bodyId: number): Promise<{ id: number; slug: string; name: string } | null> {
  const [row] = await getDb().select({ id: t.body.id, slug: t.body.slug, name: t.body.name }).from(t.body).where(and(eq(t.body.id, bodyId), isNull(t.body.deletedAt)));
  return row ?? null;
}
