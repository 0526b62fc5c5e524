// Markdown -> safe HTML: marked renders, DOMPurify removes anything executable.
import { Marked } from 'marked';
import DOMPurify from 'isomorphic-dompurify';

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

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // External links open normally but must not get a handle on our window.
  if (node.tagName === 'A' && node.getAttribute('href')?.match(/^https?:/i)) node.setAttribute('rel', 'noopener noreferrer nofollow');
});

/** Renders Markdown to HTML that is safe to insert into a page, whoever wrote the Markdown. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const html = marked.parse(source, { async: false });
  return sanitizeHtml(html);
}

/** Removes scripts, event handlers, dangerous URLs and any tag outside the allowlist. */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?![/\\])|#)/i,
    ADD_URI_SAFE_ATTR: ['align', 'start'],
  });
}
