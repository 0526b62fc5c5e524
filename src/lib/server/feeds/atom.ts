// Atom feeds: new and changed papers, and status changes (follow-ups) of demands. Built with the `feed` library.
// Dates: an entry is dated by its last change (a seeded document by its own date, see seed/import.ts); the feed's
// <updated> is its newest entry's, or, for a feed without entries, the date of what it is about.
import { Feed } from 'feed';
import { and, desc, eq, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { demandName, demandStatusLabels, followUpKindLabels, paperTypeLabels } from '@/lib/domain/labels';
import { formatDate } from '@/lib/dates';
import { paperUrl, demandUrl } from '@/lib/urls';
import { getDb } from '@/lib/server/db';
import { recentlyChangedPapers, type ChangedPaperScope } from '@/lib/server/papers/read';
import { loadTrackedDemands, type DemandScope } from '@/lib/server/tracking/load';
import { allTrackedDemands } from '@/lib/server/tracking/cache';
import { isPublic } from '@/lib/server/visibility';

const FEED_SIZE = 50;

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

/** A calendar day (YYYY-MM-DD) as an instant: noon UTC lies on that day everywhere in Europe. */
function dayInstant(day: string): string {
  return `${day}T12:00:00.000Z`;
}

/** The newest of some ISO instants; `fallback` when there are none. */
function newest(instants: readonly string[], fallback: string): Date {
  return new Date(instants.reduce((latest, at) => (at > latest ? at : latest), instants[0] ?? fallback));
}

/**
 * Atom feed of new and changed papers: of one body or organization, or (`aroundPaperId`) one paper and the papers
 * related to it, such as the administration's reply to a motion.
 */
export async function papersFeed(origin: string, path: string, scope: ChangedPaperScope, label: string): Promise<string> {
  const papers = await recentlyChangedPapers(scope, FEED_SIZE);
  // An empty feed (a body without papers yet) has changed, as far as anyone can tell, now.
  const updated = newest(papers.map(changedAt), new Date().toISOString());
  const feed = newFeed(origin, path, `Neue und geänderte Vorlagen – ${label}`, `Vorlagen (${label}) in Ratsfaden`, updated);
  for (const p of papers) {
    const summary = p.textKind === 'summary' ? '<p><em>Redaktionelle Zusammenfassung.</em></p>' : '';
    feed.addItem({
      id: `${origin}${paperUrl(p.slug)}`,
      link: `${origin}${paperUrl(p.slug)}`,
      title: `${paperTypeLabels[p.paperType]}${p.reference ? ` ${p.reference}` : ''}: ${p.name}`,
      description: `${paperTypeLabels[p.paperType]} vom ${formatDate(p.date)} – ${p.bodyName}`,
      content: `${summary}${p.textHtml ?? ''}`,
      date: new Date(changedAt(p)),
      published: new Date(p.publishedAt),
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
  const demands = scoped ? await loadTrackedDemands(scope) : await allTrackedDemands();
  const byId = new Map(demands.map((d) => [d.id, d]));
  // Scoped feeds name their few demands; the global feed reads the newest follow-ups and keeps those of public demands.
  const candidates = !demands.length ? [] : await getDb()
    .select()
    .from(t.followUp)
    .where(and(scoped ? inArray(t.followUp.demandId, [...byId.keys()]) : undefined, isPublic(t.followUp)))
    .orderBy(desc(t.followUp.date), desc(t.followUp.updatedAt), desc(t.followUp.id))
    .limit(scoped ? FEED_SIZE : FEED_SIZE * 4);
  const entries = candidates.filter((f) => byId.has(f.demandId)).slice(0, FEED_SIZE);
  const fallback = emptyUpdated ?? (demands.length ? dayInstant(demands.map((d) => d.raisedOn).reduce((a, b) => (b > a ? b : a))) : new Date().toISOString());
  const updated = newest(entries.map((f) => f.updatedAt), fallback);
  const feed = newFeed(origin, path, `Stand der Forderungen – ${label}`, `Statusänderungen und Sachstände (${label}) in Ratsfaden`, updated);
  for (const f of entries) {
    const d = byId.get(f.demandId)!;
    const link = `${origin}${demandUrl(d.id)}`;
    const change = f.statusAfter ? ` – neuer Stand: ${demandStatusLabels[f.statusAfter]}` : '';
    const due = f.nextDueDate ? `<p>Zugesagt bis ${formatDate(f.nextDueDate)}.</p>` : '';
    feed.addItem({
      id: `${link}#eintrag-${f.id}`,
      link,
      title: `${demandName(d.id)} „${d.title}“: ${followUpKindLabels[f.kind]} vom ${formatDate(f.date)}${change}`,
      description: `${followUpKindLabels[f.kind]} zu ${demandName(d.id)} „${d.title}“ (${d.body.name})`,
      content: `${f.textHtml}${due}`,
      date: new Date(f.updatedAt),
      published: new Date(dayInstant(f.date)),
    });
  }
  return feed.atom1();
}

/** Resolves a paper slug to the public paper, for the per-paper feeds; null if there is none or it is not public. */
export async function publicPaperId(slug: string): Promise<{ id: number; name: string; changedAt: string } | null> {
  const [row] = await getDb()
    .select({ id: t.paper.id, name: t.paper.name, publishedAt: t.paper.publishedAt, updatedAt: t.paper.updatedAt })
    .from(t.paper)
    .where(and(eq(t.paper.slug, slug), isPublic(t.paper)));
  return row ? { id: row.id, name: row.name, changedAt: changedAt({ publishedAt: row.publishedAt!, updatedAt: row.updatedAt }) } : null;
}
