// The search page's state and hit text, shared by the server's first page of hits and the browser.
import { describe, expect, it } from 'vitest';
import { filterRemovals, hitView, readState, safeExcerpt, stateUrl, statusText } from '@/lib/search-view';

describe('search view', () => {
  it('keeps <mark> in excerpts and escapes every other tag', () => {
    expect(safeExcerpt('a <mark>Haus</mark> b')).toBe('a <mark>Haus</mark> b');
    expect(safeExcerpt('<img src=x onerror=alert(1)><script>x</script><mark onclick=x>')).toBe('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;x&lt;/script&gt;&lt;mark onclick=x&gt;');
    // Pagefind escapes < and > of the text, not &: "GmbH & Co. &copy;" must show as written, not with a ©.
    expect(safeExcerpt('GmbH & Co. <mark>KG</mark> &copy; &lt;mark&gt; "x"')).toBe('GmbH &amp; Co. <mark>KG</mark> &amp;copy; &lt;mark&gt; &quot;x&quot;');
    expect(hitView({ url: '/vorlagen/a', excerpt: '<b>x</b> <mark>y</mark>', meta: { title: '', kind: 'Vorlage', date: '2014-03-12', reference: '3.2/0076/2014' } })).toEqual({
      url: '/vorlagen/a',
      title: '/vorlagen/a',
      meta: 'Vorlage · 12.03.2014 · 3.2/0076/2014',
      excerpt: '&lt;b&gt;x&lt;/b&gt; <mark>y</mark>',
    });
  });

  it('reads a state from a URL and writes the same URL back', () => {
    const url = '/suche?q=Haus&art=Vorlage&jahr=2014&sortierung=neueste&seite=2&zeitraum=alle';
    const s = readState(new URL(url, 'http://x').searchParams);
    expect(s).toEqual({ q: 'Haus', filters: { kind: ['Vorlage'], year: ['2014'] }, sort: 'neueste', page: 2, all: true });
    expect(stateUrl(s)).toBe(url);
    expect(readState(new URLSearchParams('seite=-3&sortierung=x')).page).toBe(1);
  });

  it('words the live region', () => {
    expect(statusText('Haus', 0, 1, 1)).toBe('Keine Treffer für „Haus“.');
    expect(statusText('Haus', 1234, 2, 124)).toBe('1.234 Treffer für „Haus“, Seite 2 von 124.');
  });

  it('offers a link that removes each filter, and one for all of them', () => {
    const s = readState(new URLSearchParams('q=Haus&art=Vorlage&art=Sitzung&jahr=2014&seite=3'));
    expect(filterRemovals(s)).toEqual([
      { label: 'Art „Vorlage“ entfernen', href: '/suche?q=Haus&art=Sitzung&jahr=2014' },
      { label: 'Art „Sitzung“ entfernen', href: '/suche?q=Haus&art=Vorlage&jahr=2014' },
      { label: 'Jahr „2014“ entfernen', href: '/suche?q=Haus&art=Vorlage&art=Sitzung' },
      { label: 'Alle Filter entfernen', href: '/suche?q=Haus' },
    ]);
    expect(filterRemovals(readState(new URLSearchParams('q=Haus&jahr=2014')))).toEqual([{ label: 'Jahr „2014“ entfernen', href: '/suche?q=Haus' }]);
    expect(filterRemovals(readState(new URLSearchParams('q=Haus')))).toEqual([]);
  });
});
