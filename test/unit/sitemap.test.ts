// The sitemap's paging arithmetic and XML: bounded pages, names that parse back, every value escaped.
import { describe, expect, it } from 'vitest';
import { firstIdAfterPage, idRange, pageOfId, parseSitemapPageName, SITEMAP_PAGE_SIZE, sitemapPageName } from '@/lib/server/sitemap/paging';
import { escapeXml, sitemapIndexXml, SITEMAP_PROTOCOL_MAX_URLS, urlsetXml } from '@/lib/server/sitemap/xml';

describe('sitemap paging', () => {
  it('stays below the protocol\'s 50,000 URLs per page', () => {
    expect(SITEMAP_PAGE_SIZE).toBeLessThanOrEqual(SITEMAP_PROTOCOL_MAX_URLS);
  });

  it('gives each page a fixed range of ids, and each id exactly one page', () => {
    expect(idRange(0)).toEqual({ first: 1, last: 10_000 });
    expect(idRange(9)).toEqual({ first: 90_001, last: 100_000 });
    expect(idRange(2, 3)).toEqual({ first: 7, last: 9 });
    for (const id of [1, 2, 9_999, 10_000, 10_001, 99_999, 100_000, 100_001]) {
      const { first, last } = idRange(pageOfId(id));
      expect(id).toBeGreaterThanOrEqual(first);
      expect(id).toBeLessThanOrEqual(last);
    }
    expect(pageOfId(100_000)).toBe(9);
    expect(pageOfId(100_001)).toBe(10);
    expect(firstIdAfterPage(0)).toBe(10_001);
    expect(firstIdAfterPage(1, 3)).toBe(7);
  });

  it('at 100,000 papers needs ten pages of 10,000', () => {
    const pages = new Set(Array.from({ length: 100_000 }, (_, i) => pageOfId(i + 1)));
    expect(pages.size).toBe(10);
  });

  it('names pages from 1 and parses the names back; anything else is unknown', () => {
    expect(sitemapPageName('vorlagen', 0)).toBe('vorlagen-1');
    expect(parseSitemapPageName('vorlagen-1')).toEqual({ section: 'vorlagen', page: 0 });
    expect(parseSitemapPageName('forderungen-12')).toEqual({ section: 'forderungen', page: 11 });
    expect(parseSitemapPageName('seiten')).toEqual({ section: 'seiten' });
    for (const bad of ['vorlagen-0', 'vorlagen-01', 'vorlagen', 'benutzer-1', 'vorlagen-1.xml', 'vorlagen-99999999999', '../vorlagen-1', '']) expect(parseSitemapPageName(bad), bad).toBeNull();
  });
});

describe('sitemap XML', () => {
  it('escapes the five XML characters and drops characters XML forbids', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0001g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fg');
  });

  it('writes a urlset and an index with escaped locations', () => {
    const urlset = urlsetXml([{ loc: 'https://ratsinfo.example.de/vorlagen/a?x=1&y=<2>', lastmod: '2026-01-02T03:04:05.000Z' }, { loc: 'https://ratsinfo.example.de/' }]);
    expect(urlset).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
      + '<url><loc>https://ratsinfo.example.de/vorlagen/a?x=1&amp;y=&lt;2&gt;</loc><lastmod>2026-01-02T03:04:05.000Z</lastmod></url>\n'
      + '<url><loc>https://ratsinfo.example.de/</loc></url>\n</urlset>\n');
    expect(sitemapIndexXml([{ loc: 'https://ratsinfo.example.de/sitemaps/vorlagen-1.xml' }])).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://ratsinfo.example.de/sitemaps/vorlagen-1.xml</loc></sitemap>\n</sitemapindex>');
  });

  it('refuses a page beyond the protocol\'s limit rather than publishing an invalid sitemap', () => {
    const many = Array.from({ length: SITEMAP_PROTOCOL_MAX_URLS + 1 }, (_, i) => ({ loc: `https://x.example/${i}` }));
    expect(() => urlsetXml(many)).toThrow('Eine Sitemap darf höchstens 50000 Adressen enthalten');
    expect(urlsetXml(many.slice(1)).split('<url>')).toHaveLength(SITEMAP_PROTOCOL_MAX_URLS + 1);
  });
});
