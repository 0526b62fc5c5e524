// Which requests the page cache may answer, its validators and the headers it sends.
import { describe, expect, it } from 'vitest';
import { cacheKey, matchingEtag, mayUseCache, replyFor } from '@/lib/server/cache/http';
import { nextBerlinMidnight, expiryOf } from '@/lib/server/cache/public-page';
import type { CachedPage } from '@/lib/server/cache/page-store';

const page: CachedPage = { status: 200, headers: [['content-type', 'text/html']], body: Buffer.from('Hallo'), gzipped: Buffer.from('gz'), etag: '"abc"', tags: [], expiresAt: Infinity };

describe('page cache over HTTP', () => {
  it('answers anonymous GET and HEAD of public paths only', () => {
    expect(mayUseCache('GET', '/vorlagen', null)).toBe(true);
    expect(mayUseCache('HEAD', '/vorlagen', 'thema=hell')).toBe(true);
    expect(mayUseCache('POST', '/vorlagen', null)).toBe(false);
    expect(mayUseCache('GET', '/verwaltung/vorlagen', null)).toBe(false);
    expect(mayUseCache('GET', '/_actions/papers.save', null)).toBe(false);
    expect(mayUseCache('GET', '/vorlagen', 'ratsfaden_sitzung=abc')).toBe(false);
    expect(mayUseCache('GET', '/vorlagen', 'thema=hell; ratsfaden_sitzung=abc')).toBe(false);
    // Another cookie whose name merely ends in the session cookie's is no session.
    expect(mayUseCache('GET', '/vorlagen', 'alt_ratsfaden_sitzung=abc')).toBe(true);
  });

  it('keys by path and query, never by host', () => {
    expect(cacheKey(new URL('http://a.example/vorlagen?jahr=2020'))).toBe(cacheKey(new URL('https://b.example/vorlagen?jahr=2020')));
    expect(cacheKey(new URL('http://a.example/vorlagen?jahr=2020'))).not.toBe(cacheKey(new URL('http://a.example/vorlagen?jahr=2021')));
  });

  it('matches either encoding’s validator, weak or strong, and nothing else', () => {
    expect(matchingEtag('"abc"', '"abc"')).toBe('"abc"');
    expect(matchingEtag('W/"abc-gz", "x"', '"abc"')).toBe('"abc-gz"');
    expect(matchingEtag('"abd"', '"abc"')).toBeNull();
    expect(matchingEtag(null, '"abc"')).toBeNull();
  });

  it('sends gzip only to readers who accept it, and 304 without a body to readers who have the page', () => {
    expect(replyFor(page, null, 'gzip, br', 'HIT')).toMatchObject({ status: 200, body: page.gzipped, headers: { 'content-encoding': 'gzip', etag: '"abc-gz"', vary: 'Cookie, Accept-Encoding' } });
    expect(replyFor(page, null, null, 'HIT')).toMatchObject({ status: 200, body: page.body, headers: { etag: '"abc"', 'content-length': '5' } });
    const notModified = replyFor(page, '"abc-gz"', 'gzip', 'HIT');
    expect(notModified).toMatchObject({ status: 304, body: null, headers: { etag: '"abc-gz"' } });
    expect(notModified.headers['content-type']).toBeUndefined();
  });

  it('lets a page live until the next Berlin midnight at most', () => {
    // 22:30 UTC on 1 December is 23:30 in Berlin: the day ends in half an hour.
    const now = Date.parse('2026-12-01T22:30:00Z');
    expect(new Date(nextBerlinMidnight(now)).toISOString()).toBe('2026-12-01T23:00:00.000Z');
    // Summer time: Berlin is two hours ahead.
    expect(new Date(nextBerlinMidnight(Date.parse('2026-07-01T12:00:00Z'))).toISOString()).toBe('2026-07-01T22:00:00.000Z');
    expect(expiryOf({ tags: [], expiresAt: now + 60_000 }, now)).toBe(now + 60_000);
  });
});
