// What a save touches, as page-cache tags, on the seed corpus (its import wrote a revision of every record): the
// record, its kind, the pages that show it, and what its versions point to. The page store drops exactly those.
import { describe, expect, it } from 'vitest';
import { tagsOfChange } from '@/lib/server/changes/tags';
import { pageTags } from '@/lib/server/cache/page-tags';
import { cachedPage, clearPages, currentGeneration, invalidatePages, storePage, type CachedPage } from '@/lib/server/cache/page-store';
import { agendaItemByNumber, idBySlug, insertDemand, insertPaper, relatePapers } from '../support/database';

const MEETING = '2022-02-02-integrationsrat';

function page(tags: string[]): CachedPage {
  return { status: 200, headers: [['content-type', 'text/html']], body: Buffer.from('<p>Seite</p>'), etag: '"x"', tags, expiresAt: Date.now() + 60_000 };
}

describe('tags of a change', () => {
  it('a file touches the paper it belongs to', async () => {
    const tags = await tagsOfChange({ table: 'file', id: 1, action: 'update' });
    expect(tags).toEqual(expect.arrayContaining(['file:1', 'file', 'paper:1']));
    expect(tags).not.toContain('paper');
  });

  it('a paper touches the papers related to it and its demands, and the lists of what follows it', async () => {
    const motion = await insertPaper({ name: 'Antrag mit Antwort' });
    const reply = await insertPaper({ name: 'Antwort' });
    await relatePapers(reply.id, 'repliesTo', motion.id);
    const demand = await insertDemand({ paperId: motion.id, title: 'Forderung zum Antrag' });
    const tags = await tagsOfChange({ table: 'paper', id: motion.id, action: 'update' });
    expect(tags).toEqual(expect.arrayContaining([`paper:${motion.id}`, 'paper', `paper:${reply.id}`, `demand:${demand.id}`, 'demand', 'file']));
  });

  it('a meeting touches the demands raised in its agenda items; an agenda item its meeting', async () => {
    const meetingId = await idBySlug((await import('@db/schema')).meeting, MEETING);
    const meetingTags = await tagsOfChange({ table: 'meeting', id: meetingId, action: 'update' });
    expect(meetingTags).toEqual(expect.arrayContaining([`meeting:${meetingId}`, 'meeting', 'demand:2', 'demand:6', 'agendaItem']));
    const item = await agendaItemByNumber(MEETING, 'Ö 13');
    expect(await tagsOfChange({ table: 'agenda_item', id: item.id, action: 'update' })).toEqual(expect.arrayContaining([`agendaItem:${item.id}`, `meeting:${meetingId}`]));
  });

  it('a demand raised in a meeting touches the meeting page through its agenda item, and the tracker', async () => {
    const tags = await tagsOfChange({ table: 'demand', id: 2, action: 'update' });
    const item = await agendaItemByNumber(MEETING, 'Ö 13');
    expect(tags).toEqual(expect.arrayContaining(['demand:2', 'demand', `agendaItem:${item.id}`, 'meeting:1']));
    expect(pageTags.tracker.some((tag) => tags.includes(tag))).toBe(true);
  });
});

describe('the page store', () => {
  it('drops exactly the pages that carry a touched tag', async () => {
    clearPages();
    const generation = currentGeneration();
    storePage('/vorlagen/a', page(pageTags.paper(1)), generation);
    storePage('/vorlagen/b', page(pageTags.paper(2)), generation);
    storePage('/vorlagen', page(pageTags.papers), generation);
    storePage('/forderungen', page(pageTags.tracker), generation);
    storePage('/sitzungen', page(pageTags.meetings), generation);
    invalidatePages(await tagsOfChange({ table: 'file', id: 1, action: 'update' }));
    expect(cachedPage('/vorlagen/a')).toBeUndefined();
    expect(cachedPage('/vorlagen/b')).toBeDefined();
    expect(cachedPage('/vorlagen')).toBeDefined();
    expect(cachedPage('/sitzungen')).toBeDefined();
    invalidatePages(await tagsOfChange({ table: 'demand', id: 1, action: 'update' }));
    expect(cachedPage('/forderungen')).toBeUndefined();
    expect(cachedPage('/vorlagen/b')).toBeUndefined();
    expect(cachedPage('/sitzungen')).toBeDefined();
  });

  it('does not store a page whose render began before an invalidation: it may show what the save replaced', () => {
    clearPages();
    const before = currentGeneration();
    invalidatePages(['paper:1']);
    expect(storePage('/vorlagen/a', page(pageTags.paper(1)), before)).toBe(false);
    expect(cachedPage('/vorlagen/a')).toBeUndefined();
  });

  it('forgets a page once it expires (a new day, a meeting that started)', () => {
    clearPages();
    storePage('/sitzungen', { ...page(pageTags.meetings), expiresAt: Date.now() - 1 }, currentGeneration());
    expect(cachedPage('/sitzungen')).toBeUndefined();
  });
});
