// Markdown written by clerks or imported from elsewhere is shown on public pages: it must render, and never run.
import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '@/lib/markdown';
import { elementsOf, parseFragment } from '../support/html';

/** Tags the sanitizer lets through (src/lib/markdown.ts); anything else reaching a page is a leak. */
const allowedTags = new Set(['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub']);
const allowedAttributes = new Set(['href', 'title', 'align', 'start', 'rel']);
/** Link targets that stay on this site or are plain web/mail links; browsers ignore whitespace and control characters in them. */
const safeHref = /^(?:https?:|mailto:|\/(?![/\\])|#)/i;

/** Asserts that rendered HTML, parsed like a browser parses it, holds nothing that could execute or load foreign content. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<\s*\/?\s*(?:script|iframe|object|embed|svg|math|style|img|form|meta|base|link|template|noscript)\b/i);
  for (const element of elementsOf(parseFragment(html))) {
    expect(allowedTags, `Element <${element.localName}> in ${html}`).toContain(element.localName);
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name, `Attribut in ${html}`).not.toMatch(/^on/i);
      expect(allowedAttributes, `Attribut ${attribute.name} in ${html}`).toContain(attribute.name);
      if (attribute.name === 'href') {
        const target = attribute.value.replace(/[\u0000-\u0020\u00a0]/g, '');
        expect(target, `Linkziel in ${html}`).toMatch(safeHref);
      }
    }
  }
}

const attacks: { name: string; markdown: string }[] = [
  { name: 'script tag', markdown: 'Vorher <script>alert(1)</script> nachher' },
  { name: 'script tag in mixed case with attributes', markdown: '<ScRiPt src="https://evil.example/x.js"></sCrIpT>' },
  { name: 'image with onerror handler', markdown: '<img src=x onerror=alert(1)>' },
  { name: 'Markdown image with onerror smuggled in the title', markdown: '![Bild](https://example.org/a.png "x\\" onerror=\\"alert(1)")' },
  { name: 'javascript: link', markdown: '[Klick](javascript:alert(1))' },
  { name: 'javascript: link in mixed case', markdown: '[Klick](JaVaScRiPt:alert(1))' },
  { name: 'javascript: link with an entity-encoded letter', markdown: '[Klick](&#106;avascript:alert(1))' },
  { name: 'javascript: link with an entity-encoded colon', markdown: '[Klick](javascript&colon;alert(1))' },
  { name: 'javascript: link fully hex-entity-encoded', markdown: '[Klick](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))' },
  { name: 'javascript: link in angle brackets', markdown: '[Klick](<javascript:alert(1)>)' },
  { name: 'javascript: autolink', markdown: '<javascript:alert(1)>' },
  { name: 'javascript: reference-style link', markdown: '[Klick][1]\n\n[1]: javascript:alert(1)' },
  { name: 'raw HTML link with tab inside javascript:', markdown: '<a href="jav&#x09;ascript:alert(1)">x</a>' },
  { name: 'raw HTML link with leading space and control character', markdown: '<a href=" &#1;javascript:alert(1)">x</a>' },
  { name: 'raw HTML link with vbscript:', markdown: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: 'raw HTML link with onclick', markdown: '<a href="https://example.org" onclick="alert(1)" target="_blank">x</a>' },
  { name: 'data: URL link to an HTML page', markdown: '[Klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'data: URL image with SVG', markdown: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'svg with onload', markdown: '<svg onload=alert(1)>' },
  { name: 'svg link with xlink:href', markdown: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>' },
  { name: 'iframe', markdown: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe with srcdoc', markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'object and embed', markdown: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">' },
  { name: 'style element', markdown: '<style>body{background:url(javascript:alert(1))}</style>' },
  { name: 'style attribute with expression()', markdown: '<p style="width: expression(alert(1))">x</p>' },
  { name: 'link title breaking out with double quotes', markdown: '[x](https://example.org "t\\" onmouseover=\\"alert(1)")' },
  { name: 'link title breaking out with single-quoted title', markdown: "[x](https://example.org 'x\" onclick=\"alert(1)')" },
  { name: 'mutation XSS via math/style', markdown: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'mutation XSS via noscript', markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'details with ontoggle', markdown: '<details open ontoggle=alert(1)>x</details>' },
  { name: 'form posting to javascript:', markdown: '<form action="javascript:alert(1)"><button>Los</button></form>' },
  { name: 'meta refresh', markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', markdown: '<base href="javascript:alert(1)//">' },
  { name: 'protocol-relative link to another site', markdown: '[x](//evil.example/)' },
  { name: 'backslash link that browsers read as protocol-relative', markdown: '<a href="/\\evil.example/">x</a>' },
  { name: 'template hiding a script', markdown: '<template><script>alert(1)</script></template>' },
  { name: 'HTML comment closing early', markdown: '<!--><img src=x onerror=alert(1)>-->' },
];

describe('Markdown from clerks and imports cannot run code in a reader’s browser', () => {
  it.each(attacks)('$name is neutralised', ({ markdown }) => {
    expectInert(renderMarkdown(markdown));
  });

  it('keeps the visible text around a removed script', () => {
    const html = renderMarkdown('Vorher <script>alert(1)</script> nachher');
    expect(parseFragment(html).textContent).toMatch(/Vorher\s+nachher/);
  });

  it('shows a link title with quotes as text, not as extra attributes', () => {
    const link = parseFragment(renderMarkdown('[x](https://example.org "t\\" onmouseover=\\"alert(1)")')).querySelector('a');
    expect(link?.getAttribute('title')).toBe('t" onmouseover="alert(1)');
    expect(link?.getAttributeNames().sort()).toEqual(['href', 'rel', 'title']);
  });

  it('shows HTML inside a code block literally instead of interpreting it', () => {
    const html = renderMarkdown('```\n<script>alert(1)</script>\n```');
    expectInert(html);
    expect(parseFragment(html).querySelector('pre code')?.textContent).toBe('<script>alert(1)</script>\n');
  });
});

describe('Markdown renders as readers expect', () => {
  it('renders nothing for empty or missing text', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown(undefined)).toBe('');
  });

  it('shifts headings one level down, because the page owns h1', () => {
    const doc = parseFragment(renderMarkdown('# Titel\n\n## Sachverhalt\n\n### Begründung\n\n###### Fußnote'));
    expect(Array.from(doc.children, (e) => `${e.localName}:${e.textContent}`)).toEqual(['h2:Titel', 'h3:Sachverhalt', 'h4:Begründung', 'h6:Fußnote']);
  });

  it('renders bullet lists, emphasis and tables', () => {
    const doc = parseFragment(renderMarkdown('- **eins**\n- *zwei*\n\n| TOP | Thema |\n| --- | --- |\n| Ö 13 | Ausländeramt |'));
    expect(Array.from(doc.querySelectorAll('ul > li'), (li) => li.innerHTML)).toEqual(['<strong>eins</strong>', '<em>zwei</em>']);
    expect(Array.from(doc.querySelectorAll('tbody td'), (td) => td.textContent)).toEqual(['Ö 13', 'Ausländeramt']);
  });

  it('keeps the number an ordered list starts with', () => {
    const list = parseFragment(renderMarkdown('3. Punkt drei\n4. Punkt vier')).querySelector('ol');
    expect(list?.getAttribute('start')).toBe('3');
  });

  it('keeps the column alignment of tables', () => {
    const cells = parseFragment(renderMarkdown('| Posten | Betrag |\n| :-- | --: |\n| Miete | 1.200 € |')).querySelectorAll('td');
    expect(Array.from(cells, (td) => td.getAttribute('align'))).toEqual(['left', 'right']);
  });

  it('opens external links without giving the other site a handle on the page', () => {
    const links = parseFragment(renderMarkdown('[OParl](https://oparl.org/) und [alt](HTTP://example.org/)')).querySelectorAll('a');
    expect(Array.from(links, (a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['https://oparl.org/', 'noopener noreferrer nofollow'],
      ['HTTP://example.org/', 'noopener noreferrer nofollow'],
    ]);
  });

  it('keeps links within the portal, to anchors and to e-mail addresses', () => {
    const links = parseFragment(renderMarkdown('[Vorlage](/vorlagen/3-2-0076-2014) [oben](#inhalt) [Mail](mailto:sitzungsdienst@example.org)')).querySelectorAll('a');
    expect(Array.from(links, (a) => a.getAttribute('href'))).toEqual(['/vorlagen/3-2-0076-2014', '#inhalt', 'mailto:sitzungsdienst@example.org']);
  });
});

describe('Markdown as plain text (search index and excerpts)', () => {
  it('keeps the words and drops Markdown syntax: heading marks, emphasis, link targets, list marks, escapes', () => {
    expect(markdownToText('## Sachverhalt\n\n- **Kund\\*innen** warten, siehe [Vorlage](/vorlagen/x).\n> Zitat')).toBe('Sachverhalt\nKund*innen warten, siehe Vorlage.\nZitat');
    expect(markdownToText('1. __erstens__ und *zweitens*\n2. ~~drittens~~ `code`\n\n| TOP | Thema |\n| --- | --- |\n| Ö 13 | [Ausländeramt](https://example.org) |')).toBe(
      'erstens und zweitens\ndrittens code\nTOP Thema\nÖ 13 Ausländeramt',
    );
    expect(markdownToText('![Lageplan des Kreishauses](plan.png) Zeile  \numbrochen')).toBe('Lageplan des Kreishauses Zeile\numbrochen');
    expect(markdownToText('```\nif (a < b) {}\n```')).toBe('if (a < b) {}');
  });

  it('decodes entities, as a page shows them', () => {
    expect(markdownToText('Bau- &amp; Umweltausschuss, Gr&ouml;&szlig;e &#8211; GmbH & Co. KG')).toBe('Bau- & Umweltausschuss, Größe – GmbH & Co. KG');
  });

  it('reduces raw HTML to its text and drops scripts and styles with their content', () => {
    expect(markdownToText('Vorher <script>alert(1)</script> nachher, <b onclick="x">fett</b>')).toBe('Vorher  nachher, fett');
    expect(markdownToText('<script>alert(1)</script>\n\n<div><p>Erster Absatz</p><p>Zweiter</p></div>\n\n<style>p { color: red }</style>\n\nEnde')).toBe('Erster Absatz\nZweiter\nEnde');
  });

  it('renders nothing for empty or missing text', () => {
    expect(markdownToText('')).toBe('');
    expect(markdownToText(null)).toBe('');
  });

  it.each(attacks)('$name leaves no markup and no script in the text', ({ markdown }) => {
    const text = markdownToText(markdown);
    expect(text).not.toMatch(/<\s*\/?\s*[a-z!]/i);
    expect(text).not.toMatch(/onerror|onload|onclick|<script/i);
  });
});
