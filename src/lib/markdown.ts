// Markdown -> safe HTML: marked renders, DOMPurify removes anything executable. Markdown -> plain text (search index
// and excerpts): the words of marked's tokens, raw HTML reduced to its text.
import { createRequire } from 'node:module';
import { Marked, Parser, type MarkedToken, type Token, type Tokens } from 'marked';
import type { DOMPurify as Purifier } from 'isomorphic-dompurify';
import { decodeHTML } from 'entities';

/** Tags that Markdown can produce and that pages may show. */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'em', 'strong', 'del', 's', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
];
const ALLOWED_ATTR = ['href', 'title', 'align', 'start'];

// Markdown headings are shifted one level down: the page owns h1, its sections h2.
const marked = new Marked({
  gfm: true,
  breaks: false,
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
  },
});

let purifier: Purifier | null = null;

/**
 * DOMPurify with its server-side DOM (jsdom, some 100 MB), loaded on the first sanitizing call: a process that only
 * serves pages (they show HTML stored at save time) never loads it.
 */
function dompurify(): Purifier {
  if (purifier) return purifier;
  const loaded = createRequire(import.meta.url)('isomorphic-dompurify') as Purifier | { default: Purifier };
  purifier = 'default' in loaded && loaded.default ? loaded.default : (loaded as Purifier);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    // External links open normally but must not get a handle on our window.
    if (node.tagName === 'A' && node.getAttribute('href')?.match(/^https?:/i)) node.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  return purifier;
}

/** Renders Markdown to HTML that is safe to insert into a page, whoever wrote the Markdown. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const html = marked.parse(source, { async: false });
  return sanitizeHtml(html);
}

/** Removes scripts, event handlers, dangerous URLs and any tag outside the allowlist. */
export function sanitizeHtml(html: string): string {
  return dompurify().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?![/\\])|#)/i,
    ADD_URI_SAFE_ATTR: ['align', 'start'],
  });
}

/**
 * Markdown source as plain text, as the search index holds it and its excerpts show it: the words of the tokens
 * marked's lexer finds, without heading marks, emphasis, link targets or escapes; raw HTML is reduced to its text,
 * scripts and styles are dropped. Blocks, list items and table rows end up on lines of their own.
 */
export function markdownToText(source: string | null | undefined): string {
  if (!source) return '';
  return blocksText(marked.lexer(source)).trim();
}

function blocksText(tokens: Token[]): string {
  return tokens.map(blockText).filter(Boolean).join('\n');
}

function blockText(generic: Token): string {
  const token = generic as MarkedToken;
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return '';
    case 'code':
      return token.text;
    case 'html':
      return htmlText(token.text);
    case 'list':
      return token.items.map((item) => blocksText(item.tokens)).join('\n');
    case 'table':
      return [token.header, ...token.rows].map((row) => row.map((cell) => inlineText(cell.tokens)).join(' ')).join('\n');
    case 'blockquote':
      return blocksText(token.tokens);
    default:
      // heading, paragraph, a list item's text, and tokens of marked extensions
      return tokensOrText(generic, inlineText);
  }
}

/** A token's child tokens as text, or else its own text with entities decoded. */
function tokensOrText(token: Tokens.Generic, children: (tokens: Token[]) => string): string {
  return token.tokens ? children(token.tokens) : decodeHTML(String(token.text ?? ''));
}

function inlineText(tokens: Token[]): string {
  // Raw HTML among the words (`<b>`, `<script>…</script>`): the run as marked renders it, reduced to its text.
  if (tokens.some((t) => t.type === 'html')) return htmlText(Parser.parseInline(tokens));
  return tokens.map(inlineTokenText).join('');
}

function inlineTokenText(generic: Token): string {
  const token = generic as MarkedToken;
  switch (token.type) {
    case 'br':
      return '\n';
    case 'checkbox':
      return '';
    case 'codespan':
      // Code spans are literal: entities in them are not decoded.
      return token.text;
    case 'image':
      return token.text;
    case 'escape':
      return decodeHTML(token.text);
    default:
      // text, strong, em, del, link (its words, not its target), and tokens of marked extensions
      return tokensOrText(generic, inlineText);
  }
}

/** Elements whose text stands apart from the text around it. */
const BLOCK_ELEMENTS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** The text of an HTML fragment: DOMPurify drops scripts, styles and the like with their content; elements' text is kept. */
function htmlText(html: string): string {
  const fragment = dompurify().sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style'] });
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const apart = BLOCK_ELEMENTS.has(child.nodeName);
        if (apart) out.push('\n');
        walk(child);
        if (apart) out.push('\n');
      }
    }
  };
  walk(fragment);
  return out.join('').split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}
