// The search page's state and the text of its results, shared by the browser (src/scripts/search.ts) and the
// server, which renders the first page of hits into the HTML (src/lib/server/search/query.ts): both must show
// the same list in the same words, so the browser can take over the server's hits without redrawing them.

/** Hits per page. */
export const PAGE_SIZE = 10;
/**
 * Partitions searched at first (the newest, up to 4,000 records). Every partition a query touches costs its
 * metadata and an index chunk of about 20 KB, so a query over a big corpus starts with the newest records;
 * older partitions are added when the newest give fewer than a page of hits, when a year filter asks for
 * them, or when the reader asks ("Ältere Einträge einbeziehen").
 */
export const INITIAL_PARTITIONS = 1;
/** Older partitions added in the first step when the newest give too few hits; each further step doubles. */
export const OLDER_STEP = 4;
/** Excerpt length in words (Pagefind option), the same in the browser and on the server. */
export const EXCERPT_LENGTH = 28;
/** Element Timing name of the first hit's title (text counts for its block, not the link): the browser then reports when it was painted (npm run bench:search). */
export const FIRST_HIT_TIMING = 'erster-treffer';

/** Facets: Pagefind filter name, URL parameter, German label. */
export const FACETS = [
  { filter: 'kind', param: 'art', label: 'Art' },
  { filter: 'body', param: 'koerperschaft', label: 'Körperschaft' },
  { filter: 'organization', param: 'gremium', label: 'Gremium / Organisation' },
  { filter: 'paperType', param: 'vorlagenart', label: 'Vorlagenart' },
  { filter: 'year', param: 'jahr', label: 'Jahr' },
  { filter: 'demandStatus', param: 'status', label: 'Status der Forderung' },
] as const;
export type Sort = 'relevanz' | 'neueste' | 'aelteste';

export interface SearchState {
  q: string;
  filters: Record<string, string[]>;
  sort: Sort;
  page: number;
  all: boolean;
}

export type FilterQuery = Record<string, string | { any: string[] }>;

/** The state a search page URL asks for. */
export function readState(params: URLSearchParams): SearchState {
  const sort = params.get('sortierung');
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) {
    const values = params.getAll(f.param).filter(Boolean).map((v) => v.slice(0, 200)).slice(0, 20);
    if (values.length) filters[f.filter] = values;
  }
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    filters,
    sort: sort === 'neueste' || sort === 'aelteste' ? sort : 'relevanz',
    page: Math.min(10_000, Math.max(1, Number.parseInt(params.get('seite') ?? '1', 10) || 1)),
    all: params.get('zeitraum') === 'alle',
  };
}

/** The URL of a state (relative, starting with /suche). */
export function stateUrl(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FACETS) for (const v of s.filters[f.filter] ?? []) p.append(f.param, v);
  if (s.sort !== 'relevanz') p.set('sortierung', s.sort);
  if (s.page > 1) p.set('seite', String(s.page));
  if (s.all) p.set('zeitraum', 'alle');
  const qs = p.toString();
  return qs ? `/suche?${qs}` : '/suche';
}

/** Links that each remove one filter of a state, and one that removes them all (the help when nothing was found). */
export function filterRemovals(s: SearchState): { label: string; href: string }[] {
  const links: { label: string; href: string }[] = [];
  for (const f of FACETS) {
    const values = s.filters[f.filter] ?? [];
    for (const value of values) {
      const filters = { ...s.filters, [f.filter]: values.filter((v) => v !== value) };
      if (!filters[f.filter]!.length) delete filters[f.filter];
      links.push({ label: `${f.label} „${value}“ entfernen`, href: stateUrl({ ...s, filters, page: 1 }) });
    }
  }
  if (links.length > 1) links.push({ label: 'Alle Filter entfernen', href: stateUrl({ ...s, filters: {}, page: 1 }) });
  return links;
}

/** The filters of a state as Pagefind takes them. */
export function filterQuery(s: SearchState): FilterQuery {
  const query: FilterQuery = {};
  for (const [name, values] of Object.entries(s.filters)) if (values.length) query[name] = { any: values };
  return query;
}

// One number format for all labels: toLocaleString('de-DE') builds a new ICU formatter on every call.
let numberFormat: Intl.NumberFormat | undefined;
export const de = (n: number) => (numberFormat ??= new Intl.NumberFormat('de-DE')).format(n);

function formatDay(day: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** The meta line of a hit: kind, type, status, date, reference. */
export function hitMeta(meta: Record<string, string>): string {
  return [meta.kind, meta.type, meta.status, formatDay(meta.date), meta.reference].filter(Boolean).join(' · ');
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * An excerpt as safe HTML: text with Pagefind's <mark> around the hits and nothing else. Pagefind writes its own
 * <mark> and </mark> around matched words and escapes only < and > of the text (a literal "<mark>" in the text comes
 * out as "&lt;mark&gt;"); everything between its marks is taken back to text and escaped completely, so no element,
 * entity or attribute from the indexed text can reach the page.
 */
export function safeExcerpt(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((part, i) => (i % 2 ? part : escapeHtml(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'))))
    .join('');
}

/** The live region's text for a result. */
export function statusText(q: string, total: number, page: number, pageCount: number): string {
  const what = q ? ` für „${q}“` : '';
  return total === 0 ? `Keine Treffer${what}.` : `${de(total)} Treffer${what}${pageCount > 1 ? `, Seite ${de(page)} von ${de(pageCount)}` : ''}.`;
}

/** One hit as both renderers show it. */
export interface HitView {
  url: string;
  title: string;
  meta: string;
  /** Safe HTML (text with <mark> only). */
  excerpt: string;
}

export function hitView(d: { url: string; excerpt: string; meta: Record<string, string> }): HitView {
  return { url: d.url, title: d.meta.title || d.url, meta: hitMeta(d.meta), excerpt: safeExcerpt(d.excerpt) };
}
