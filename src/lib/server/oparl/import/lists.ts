// Walks an OParl object list page by page along `links.next`, fetching the next page while the current one is
// written; the caller stores where it is after each page, so an interrupted run continues from there.
import type { Fetcher } from './fetch';

/** One page of a list: its objects, where the list continues (null: last page), and the list's size if stated. */
export interface ListPage {
  url: string;
  data: unknown[];
  next: string | null;
  totalElements: number | null;
  totalPages: number | null;
  currentPage: number | null;
}

/** A list URL with the filters of this run (`modified_since`), kept beside what the URL already asks. */
export function withFilters(listUrl: string, since: string | null): string {
  if (!since) return listUrl;
  const url = new URL(listUrl);
  url.searchParams.set('modified_since', since);
  return url.toString();
}

function pageOf(url: string, body: unknown): ListPage | null {
  if (typeof body !== 'object' || body === null) return null;
  const page = body as { data?: unknown; links?: { next?: unknown }; pagination?: Record<string, unknown> };
  if (!Array.isArray(page.data)) return null;
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    url, data: page.data, next: typeof page.links?.next === 'string' && page.links.next !== url ? page.links.next : null,
    totalElements: number(page.pagination?.totalElements), totalPages: number(page.pagination?.totalPages), currentPage: number(page.pagination?.currentPage),
  };
}

/** Why a list could not be walked: its first page or a later one answered an error status or no list. */
export class ListUnavailable extends Error {
  constructor(readonly url: string, readonly status: number) {
    super(status ? `Liste nicht abrufbar (HTTP ${status}): ${url}` : `Keine OParl-Liste: ${url}`);
  }
}

/**
 * Calls `onPage` for each page from `startUrl` on, in order; the next page is already being fetched meanwhile.
 * Stops at the last page, or throws ListUnavailable when a page answers an error.
 */
export async function walkList(fetcher: Fetcher, startUrl: string, onPage: (page: ListPage) => Promise<void>): Promise<void> {
  const load = async (url: string): Promise<ListPage> => {
    const fetched = await fetcher.json(url);
    if (!fetched.ok) throw new ListUnavailable(url, fetched.status);
    const page = pageOf(url, fetched.body);
    if (!page) throw new ListUnavailable(url, 0);
    return page;
  };
  const seen = new Set<string>();
  let current: Promise<ListPage> | null = load(startUrl);
  while (current) {
    const page: ListPage = await current;
    seen.add(page.url);
    // A next link back to a page already read would loop forever; the list ends there.
    const next = page.next && !seen.has(page.next) ? page.next : null;
    current = next ? load(next) : null;
    // The prefetched page must not reject unobserved while this one is written.
    current?.catch(() => {});
    await onPage({ ...page, next });
  }
}
