// Atom feeds: new and changed papers, and status changes (follow-ups) of demands. Built with the `feed` library.
import { Feed } from 'feed';
import { and, desc, eq, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { demandStatusLabels, followUpKindLabels, paperTypeLabels } from '@/lib/domain/labels';
import { formatDate } from '@/lib/dates';
import { paperUrl, demandUrl } from '@/lib/urls';
import { getDb } from '@/lib/server/db';
import { recentlyChangedPapers, type PaperFilters } from '@/lib/server/papers/read';
import { loadTrackedDemands, type DemandScope } from '@/lib/server/tracking/load';
import { allTrackedDemands } from '@/lib/server/tracking/cache';
import { isPublic, publicFollowUp, publicPaper } from '@/lib/server/visibility';

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

/** Atom feed of new and changed papers, optionally of one body or organization. */
export async function papersFeed(origin: string, path: string, scope: Pick<PaperFilters, 'body' | 'organization'>, label: string): Promise<string> {
  const papers = await recentlyChangedPapers(scope, FEED_SIZE);
  const updated = papers[0] ? new Date(papers[0].updatedAt > papers[0].publishedAt ? papers[0].updatedAt : papers[0].publishedAt) : new Date(0);
  const feed = newFeed(origin, path, `Neue und geänderte Vorlagen – ${label}`, `Vorlagen (${label}) in Ratsfaden`, updated);
  for (const p of papers) {
    const changed = p.updatedAt > p.publishedAt ? p.updatedAt : p.publishedAt;
    const summary = p.textKind === 'summary' ? '<p><em>Redaktionelle Zusammenfassung.</em></p>' : '';
    feed.addItem({
      id: `${origin}${paperUrl(p.slug)}`,
      link: `${origin}${paperUrl(p.slug)}`,
      title: `${paperTypeLabels[p.paperType]}${p.reference ? ` ${p.reference}` : ''}: ${p.name}`,
      description: `${paperTypeLabels[p.paperType]} vom ${formatDate(p.date)} – ${p.bodyName}`,
      content: `${summary}${p.textHtml ?? ''}`,
      date: new Date(changed),
      published: new Date(p.publishedAt),
    });
  }
  return feed.atom1();
}

/** Atom feed of status changes and other follow-ups of the demands in `scope` (all public demands by default). */
export async function statusFeed(origin: string, path: string, scope: DemandScope, label: string): Promise<string> {
  const scoped = Boolean(scope.paperIds || scope.demandIds || scope.agendaItemIds);
  const demands = scoped ? await loadTrackedDemands(scope) : await allTrackedDemands();
  const byId = new Map(demands.map((d) => [d.id, d]));
  // Scoped feeds name their few demands; the global feed reads the newest follow-ups and keeps those of public demands.
  // publicFollowUp is tested on those newest ones only: on every follow-up before sorting it would cost a lookup of
  // its demand and the demand's source for each.
  const db = getDb();
  const order = [desc(t.followUp.date), desc(t.followUp.updatedAt), desc(t.followUp.id)];
  const newest = db.select({ id: t.followUp.id }).from(t.followUp)
    .where(and(scoped ? inArray(t.followUp.demandId, [...byId.keys()]) : undefined, isPublic(t.followUp)))
    .orderBy(...order)
    .limit(scoped ? FEED_SIZE : FEED_SIZE * 4);
  const candidates = !demands.length ? [] : await db.select().from(t.followUp).where(and(inArray(t.followUp.id, newest), publicFollowUp(t.followUp))).orderBy(...order);
  const entries = candidates.filter((f) => byId.has(f.demandId)).slice(0, FEED_SIZE);
  const updated = entries.reduce((latest, f) => (f.updatedAt > latest ? f.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = newFeed(origin, path, `Stand der Forderungen – ${label}`, `Statusänderungen und Sachstände (${label}) in Ratsfaden`, new Date(updated));
  for (const f of entries) {
    const d = byId.get(f.demandId)!;
    const link = `${origin}${demandUrl(d.id)}`;
    const change = f.statusAfter ? ` – neuer Stand: ${demandStatusLabels[f.statusAfter]}` : '';
    const due = f.nextDueDate ? `<p>Zugesagt bis ${formatDate(f.nextDueDate)}.</p>` : '';
    feed.addItem({
      id: `${link}#eintrag-${f.id}`,
      link,
      title: `${d.title}: ${followUpKindLabels[f.kind]} vom ${formatDate(f.date)}${change}`,
      description: `${followUpKindLabels[f.kind]} zur Forderung „${d.title}“ (${d.body.name})`,
      content: `${f.textHtml}${due}`,
      date: new Date(f.updatedAt),
      published: new Date(`${f.date}T12:00:00Z`),
    });
  }
  return feed.atom1();
}

/** Resolves a paper slug to its id, for the per-paper status feed; null if not public. */
export async function publicPaperId(slug: string): Promise<{ id: number; name: string } | null> {
  const [row] = await getDb().select({ id: t.paper.id, name: t.paper.name }).from(t.paper).where(and(eq(t.paper.slug, slug), publicPaper(t.paper)));
  return row ?? null;
}
