// Atom feeds: new and changed papers, and status changes (follow-ups) of demands. Built with the `feed` library.
// Dates: an entry is dated by its last change (a seeded document by its own date, see seed/import.ts); the feed's
// <updated> is its newest entry's, or, for a feed without entries, the date of what it is about.
import { Feed } from 'feed';
import { and, desc, eq, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { demandName, demandStatusLabel, followUpKindLabel, nextDueLabel, paperTypeLabel } from '@/lib/domain/labels';
import { formatDate, parseInstant, readInstant } from '@/lib/dates';
import { paperUrl, demandUrl } from '@/lib/urls';
import { getDb } from '@/lib/server/db';
import { recentlyChangedPapers, type ChangedPaperScope } from '@/lib/server/papers/read';
import { loadTrackedDemands, type DemandScope } from '@/lib/server/tracking/load';
import { trackerIndex } from '@/lib/server/tracking/cache';
import { isPublic, publicFollowUp, publicPaper } from '@/lib/server/visibility';
import { escapeUTF8 } from 'entities';

const FEED_SIZE = 50;

/**
 * Plain text for an entry's title and summary, which the feed package always marks `type="html"`: escaped, so a feed
 * reader shows a clerk's `<b>` or `<script>` as the characters typed, never as markup.
 */
function asHtmlText(text: string): string {
  return escapeUTF8(text);
}

function newFeed(origin: string, path: string, title: string, description: string, updated: Date): Feed {
  return new Feed({
    id: `${origin}${path}`,
    link: `${origin}/`,
    title,
    description,
    language: 'de',
    updated,
    generator: 'Ratsfaden',
    copyright: 'Veröffentlichungen der jeweiligen Körperschaft',
    feedLinks: { atom: `${origin}${path}` },
  });
}

/** The later of a row's publication and its last change: when it last changed for a reader. */
export function changedAt(row: { publishedAt: string; updatedAt: string }): string {
  return row.updatedAt > row.publishedAt ? row.updatedAt : row.publishedAt;
}

/** The newest of some instants; `fallback` when there are none. */
function newest(instants: readonly Date[], fallback: Date): Date {
  return instants.reduce((latest, at) => (at > latest ? at : latest), instants[0] ?? fallback);
}

/**
 * Atom feed of new and changed papers: of one body or organization, or (`aroundPaperId`) one paper and the papers
 * related to it, such as the administration's reply to a motion.
 */
export async function papersFeed(origin: string, path: string, scope: ChangedPaperScope, label: string): Promise<string> {
  const papers = await recentlyChangedPapers(scope, FEED_SIZE);
  // Timestamps that cannot be read are reported and left out; an entry needs at least one to say when it changed.
  const entries = papers.flatMap((p) => {
    const source = (field: string) => ({ table: 'paper', id: p.slug, field });
    const published = readInstant(p.publishedAt, source('publishedAt'));
    const updated = readInstant(p.updatedAt, source('updatedAt'));
    const changed = updated && published ? (updated > published ? updated : published) : updated ?? published;
    return changed ? [{ p, published, changed, source }] : [];
  });
  // An empty feed (a body without papers yet) has changed, as far as anyone can tell, now.
  const updated = newest(entries.map((e) => e.changed), new Date());
  const feed = newFeed(origin, path, `Neue und geänderte Vorlagen – ${label}`, `Vorlagen (${label}) in Ratsfaden`, updated);
  for (const { p, published, changed, source } of entries) {
    const summary = p.textKind === 'summary' ? '<p><em>Redaktionelle Zusammenfassung.</em></p>' : '';
    const type = paperTypeLabel(p.paperType, source('paperType'));
    feed.addItem({
      id: `${origin}${paperUrl(p.slug)}`,
      link: `${origin}${paperUrl(p.slug)}`,
      title: asHtmlText(`${type}${p.reference ? ` ${p.reference}` : ''}: ${p.name}`),
      description: asHtmlText(`${type} vom ${formatDate(p.date, source('date'))} – ${p.bodyName}`),
      content: `${summary}${p.textHtml ?? ''}`,
      date: changed,
      published: published ?? undefined,
    });
  }
  return feed.atom1();
}

/**
 * Atom feed of status changes and other follow-ups of the demands in `scope` (all public demands by default).
 * `emptyUpdated` dates a feed without entries (e.g. the paper's change); else the newest demand's day is used.
 */
export async function statusFeed(origin: string, path: string, scope: DemandScope, label: string, emptyUpdated: string | null = null): Promise<string> {
  const scoped = Boolean(scope.paperIds || scope.demandIds || scope.agendaItemIds);
  // The global feed takes the tracker's list, its ids and its newest day from memory (kept until the next change).
  const index = scoped ? null : await trackerIndex();
  const demands = index ? index.rows : await loadTrackedDemands(scope);
  const byId = index ? index.byId : new Map(demands.map((d) => [d.id, d]));
  // Scoped feeds name their few demands; the global feed reads the newest follow-ups and keeps those of public demands.
  // publicFollowUp is tested on those newest ones only: on every follow-up before sorting it would cost a lookup of
  // its demand and the demand's source for each.
  const db = getDb();
  const order = [desc(t.followUp.date), desc(t.followUp.updatedAt), desc(t.followUp.id)];
  const newestIds = db.select({ id: t.followUp.id }).from(t.followUp)
    .where(and(scoped ? inArray(t.followUp.demandId, [...byId.keys()]) : undefined, isPublic(t.followUp)))
    .orderBy(...order)
    .limit(scoped ? FEED_SIZE : FEED_SIZE * 4);
  const candidates = !demands.length ? [] : await db.select().from(t.followUp).where(and(inArray(t.followUp.id, newestIds), publicFollowUp(t.followUp))).orderBy(...order);
  // An entry whose change time cannot be read falls back to its day; without either it is reported and left out.
  const entries = candidates.filter((f) => byId.has(f.demandId)).slice(0, FEED_SIZE).flatMap((f) => {
    const source = (field: string) => ({ table: 'follow_up', id: f.id, field });
    const day = parseInstant(f.date);
    const changed = readInstant(f.updatedAt, source('updatedAt')) ?? day;
    return changed ? [{ f, day, changed, source }] : [];
  });
  const newestRaised = index ? index.newestRaised : demands.map((d) => d.raisedOn).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  const fallback = (emptyUpdated && parseInstant(emptyUpdated)) || (newestRaised && parseInstant(newestRaised)) || new Date();
  const updated = newest(entries.map((e) => e.changed), fallback);
  const feed = newFeed(origin, path, `Stand der Forderungen – ${label}`, `Statusänderungen und Sachstände (${label}) in Ratsfaden`, updated);
  for (const { f, day, changed, source } of entries) {
    const d = byId.get(f.demandId)!;
    const link = `${origin}${demandUrl(d.id)}`;
    const kind = followUpKindLabel(f.kind, source('kind'));
    const change = f.statusAfter ? ` – neuer Stand: ${demandStatusLabel(f.statusAfter, source('statusAfter'))}` : '';
    const due = f.nextDueDate ? `<p>${nextDueLabel(f.kind)}: ${formatDate(f.nextDueDate, source('nextDueDate'))}.</p>` : '';
    feed.addItem({
      id: `${link}#eintrag-${f.id}`,
      link,
      title: asHtmlText(`${demandName(d.id)} „${d.title}“: ${kind} vom ${formatDate(f.date, source('date'))}${change}`),
      description: asHtmlText(`${kind} zu ${demandName(d.id)} „${d.title}“ (${d.body.name})`),
      content: `${f.textHtml}${due}`,
      date: changed,
      published: day ?? undefined,
    });
  }
  return feed.atom1();
}

/** Resolves a paper slug to the public paper, for the per-paper feeds; null if there is none or it is not public. */
export async function publicPaperId(slug: string): Promise<{ id: number; name: string; changedAt: string } | null> {
  const [row] = await getDb()
    .select({ id: t.paper.id, name: t.paper.name, publishedAt: t.paper.publishedAt, updatedAt: t.paper.updatedAt })
    .from(t.paper)
    .where(and(eq(t.paper.slug, slug), publicPaper(t.paper)));
  return row ? { id: row.id, name: row.name, changedAt: changedAt({ publishedAt: row.publishedAt!, updatedAt: row.updatedAt }) } : null;
}
