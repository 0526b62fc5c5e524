// The seed's legal texts (content/<body>/legal/<kind>.md): inserted when a body has no text of that kind yet, never
// updated, so a re-seed leaves an admin's own Impressum alone.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { renderMarkdown } from '@/lib/markdown';
import { legalTextKinds, type LegalTextKind } from '@/lib/domain/vocabulary';
import type { Executor } from '@/lib/server/db';
import { insertVersioned } from '@/lib/server/history/versioned-writes';
import { seedMessages } from '@/lib/validation/messages';
import { readFrontMatter } from './read';
import { legalTextFileSchema, type LegalTextFile } from './schema';
import type { ImportStats } from './upsert';

/** One legal text file of a body folder. */
export interface LegalTextEntry extends LegalTextFile {
  kind: LegalTextKind;
  text: string;
  path: string;
}

/** Reads legal/<kind>.md of a body folder (each optional); throws naming the file and field at fault. */
export function readLegalTexts(folder: string): LegalTextEntry[] {
  const dir = path.join(folder, 'legal');
  if (!fs.existsSync(dir)) return [];
  const unknown = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && !(legalTextKinds as readonly string[]).includes(f.slice(0, -3)));
  if (unknown.length) throw new Error(seedMessages.invalidFile(path.join(dir, unknown[0]!), [{ path: '', message: seedMessages.oneOf(legalTextKinds.map((k) => `${k}.md`)) }]));
  return legalTextKinds.flatMap((kind) => {
    const file = path.join(dir, `${kind}.md`);
    if (!fs.existsSync(file)) return [];
    const { data, text } = readFrontMatter(file);
    const parsed = legalTextFileSchema.safeParse(data ?? {});
    if (!parsed.success) throw new Error(seedMessages.invalidFile(file, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
    if (!text) throw new Error(seedMessages.invalidFile(file, [{ path: '(Text)', message: seedMessages.required }]));
    return [{ ...parsed.data, kind, text, path: file }];
  });
}

/** Inserts the body's legal texts it has none of yet; an existing text (the seed's or an admin's) stays as it is. */
export async function importLegalTexts(tx: Executor, bodyId: number, entries: LegalTextEntry[], stats: ImportStats): Promise<void> {
  for (const entry of entries) {
    const [existing] = await tx.select({ id: t.legalText.id }).from(t.legalText).where(and(eq(t.legalText.bodyId, bodyId), eq(t.legalText.kind, entry.kind)));
    if (existing) {
      stats.unchanged++;
      continue;
    }
    await insertVersioned(tx, t.legalText, {
      bodyId, kind: entry.kind, placeholder: entry.placeholder, textMd: entry.text, textHtml: renderMarkdown(entry.text),
      conformance: entry.conformance ?? null, preparedOn: entry.preparedOn ?? null, feedbackEmail: entry.feedbackEmail ?? null,
      feedbackPhone: entry.feedbackPhone ?? null, enforcementMd: entry.enforcement ?? null, enforcementHtml: entry.enforcement ? renderMarkdown(entry.enforcement) : null,
    }, null, { action: 'import', snapshotRelated: false });
    stats.created++;
  }
}
