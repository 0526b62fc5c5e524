// The search page in the browser: loads the partition manifest, merges the newest partitions into one
// Pagefind instance (older ones on request), runs queries with facets and keeps query, filters, sort and
// page in the URL so results can be shared and the back button works.
import { FACETS, FIRST_HIT_TIMING, INITIAL_PARTITIONS, PAGE_SIZE, de, filterRemovals, hitView, readState as readUrlState, stateUrl, statusText, type SearchState as State, type Sort } from '@/lib/search-view';
import { batchIndexFetches } from './index-fetch';
import { coversYear, findResults, instanceOptions, mergeOptions, resultPage, type PagefindInstance, type PagefindModule, type PagefindResponse, type SearchScope } from '@/lib/pagefind';

interface Partition {
  id: string;
  from: string;
  to: string;
  records: number;
  dir: string;
}
interface Manifest {
  generation: string;
  partitions: Partition[];
}

const INDEX_BASE = '/suchindex/';
/** Screens on which facets and hits share one column (the same width as in global.css). */
const NARROW = '(max-width: 48rem)';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
// One collator for all labels: localeCompare(…, 'de') builds a new ICU collator on every call (the number
// format in search-view.ts likewise); together they cost ~15 ms for the facet labels of one query.
let collator: Intl.Collator | undefined;
const compareDe = (a: string, b: string) => (collator ??= new Intl.Collator('de')).compare(a, b);

const readState = (url = new URL(location.href)): State => readUrlState(url.searchParams);

class SearchPage {
  private pagefind: PagefindInstance | null = null;
  private manifest: Manifest | null = null;
  private loaded: Partition[] = [];
  private older: Partition[] = [];
  private run = 0;
  /** The state whose first page of hits the server rendered into the page (kept when the search finds the same). */
  private serverState = $('suche-app').dataset.serverState;

  constructor(
    private form = $<HTMLFormElement>('suche-formular'),
    private input = $<HTMLInputElement>('suche-q'),
    private sortSelect = $<HTMLSelectElement>('suche-sortierung'),
    private status = $<HTMLParagraphElement>('suche-status'),
    private facets = $<HTMLDivElement>('suche-facetten'),
    private scope = $<HTMLDivElement>('suche-umfang'),
    private hits = $<HTMLOListElement>('suche-treffer'),
    private pages = $<HTMLElement>('suche-seiten'),
  ) {}

  async start(): Promise<void> {
    $('suche-ohne-js').hidden = true;
    $('suche-app').hidden = false;
    // On narrow screens the facets start folded, so the first hit stays on the first screen; wide screens show them beside the hits.
    const narrow = window.matchMedia(NARROW);
    const fold = $<HTMLDetailsElement>('suche-facetten-klappe');
    fold.open = !narrow.matches;
    narrow.addEventListener('change', () => (fold.open = !narrow.matches));
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typing);
      this.go({ ...this.state(), q: this.input.value.trim(), sort: this.sortSelect.value as Sort, page: 1 }, 'push');
    });
    this.sortSelect.addEventListener('change', () => this.go({ ...this.state(), sort: this.sortSelect.value as Sort, page: 1 }, 'push'));
    this.input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        const q = this.input.value.trim();
        if (q !== this.state().q) this.go({ ...this.state(), q, page: 1 }, 'replace');
      }, 300);
    });
    this.facets.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.type !== 'checkbox') return;
      const s = this.state();
      const values = new Set(s.filters[box.name] ?? []);
      if (box.checked) values.add(box.value);
      else values.delete(box.value);
      const filters = { ...s.filters, [box.name]: [...values] };
      if (!values.size) delete filters[box.name];
      this.go({ ...s, filters, page: 1 }, 'push');
    });
    window.addEventListener('popstate', () => void this.render(readState()));
    try {
      await this.open();
    } catch (error) {
      this.status.textContent =
        error instanceof Error && error.message === 'manifest 404'
          ? 'Der Suchindex wird gerade aufgebaut. Bitte in einer Minute erneut versuchen.'
          : 'Die Suche ist gerade nicht verfügbar. Bitte später erneut versuchen oder die Listen der Vorlagen und Sitzungen nutzen.';
      $('suche-ohne-js').hidden = false;
      return;
    }
    await this.render(readState());
  }

  private state(): State {
    return readState();
  }

  private go(next: State, mode: 'push' | 'replace'): void {
    const url = stateUrl(next);
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void this.render(next);
  }

  /** Loads the manifest and merges the newest partitions, up to the initial budget of records. */
  private async open(): Promise<void> {
    // The page carries the manifest it was rendered with; fetch it only when it did not.
    const inline = $('suche-app').dataset.manifest;
    if (inline) this.manifest = JSON.parse(inline) as Manifest;
    else {
      const response = await fetch(`${INDEX_BASE}manifest.json`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`manifest ${response.status}`);
      this.manifest = (await response.json()) as Manifest;
    }
    const parts = this.manifest.partitions.filter((p) => p.records > 0);
    this.loaded = parts.slice(0, INITIAL_PARTITIONS);
    this.older = parts.slice(INITIAL_PARTITIONS);
    const primary = this.loaded[0];
    if (!primary) return;
    const base = `${INDEX_BASE}${primary.dir}/`;
    // Pagefind's requests for index files made in one turn go out as one request each (see index-fetch.ts).
    batchIndexFetches();
    const module = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as PagefindModule;
    // Bundle folders never change, so Pagefind may cache their entry files (metaCacheTag) instead of refetching them.
    // Pagefind runs on the page's thread (noWorker): its web worker would first load and compile a second copy of
    // its script (43 KB) before fetching anything, and its requests would bypass the batching above. Measured with
    // `npm run bench:search`, the worker made the first query slower; a search itself takes the page a few ms.
    this.pagefind = module.createInstance(instanceOptions(base, primary.id));
    // Pagefind splits every query into graphemes with Intl.Segmenter; the first segmenter costs 20–40 ms
    // (ICU data). Create one now, while Pagefind starts up, instead of on the first query (likewise the formats).
    if (typeof Intl.Segmenter === 'function') new Intl.Segmenter('de', { granularity: 'grapheme' });
    de(0);
    compareDe('a', 'b');
    await this.pagefind.init();
    await Promise.all(this.loaded.slice(1).map((p) => this.merge(p)));
  }

  private merge(p: Partition): Promise<void> {
    return this.pagefind!.mergeIndex(`${INDEX_BASE}${p.dir}/`, mergeOptions(p.id));
  }

  /** Merges older partitions the first load left out: those chosen by `which`, or all. */
  private async loadOlder(which: (p: Partition) => boolean = () => true): Promise<void> {
    const chosen = this.older.filter(which);
    if (!chosen.length) return;
    this.older = this.older.filter((p) => !chosen.includes(p));
    await Promise.all(chosen.map((p) => this.merge(p)));
    this.loaded.push(...chosen);
    this.facetsLoaded = false;
  }

  private facetsLoaded = false;

  /** Loads the filter chunks of all merged partitions, so that every search also returns facet counts. */
  private async loadFacets(): Promise<void> {
    if (this.facetsLoaded || !this.pagefind) return;
    await this.pagefind.filters();
    this.facetsLoaded = true;
  }

  async render(s: State): Promise<void> {
    const run = ++this.run;
    this.input.value = s.q;
    this.sortSelect.value = s.sort;
    if (!this.pagefind) {
      this.status.textContent = 'Es wurde noch nichts veröffentlicht, das durchsucht werden kann.';
      return;
    }
    if (s.all) await this.loadOlder();
    // A year filter searches the partitions covering that year, however old (findResults adds them too).
    await this.loadOlder(coversYear(s.filters.year ?? []));
    const hasFilters = Object.keys(s.filters).length > 0;
    if (!s.q && !hasFilters) {
      await this.loadFacets();
      if (run !== this.run) return;
      this.status.textContent = 'Bitte einen Suchbegriff eingeben.';
      this.hits.replaceChildren();
      this.pages.replaceChildren();
      this.renderFacets(null, s);
      this.renderHelp(s, false);
      this.renderScope(s);
      return;
    }
    const pf = this.pagefind;
    const older = () => this.older;
    const scope: SearchScope = {
      get older() {
        return older();
      },
      add: async (chosen) => {
        await this.loadOlder((p) => chosen.includes(p));
        await this.loadFacets();
      },
      // Facet data and the query's index chunks load in parallel.
      prepare: (term, filters) => Promise.all([this.loadFacets(), term ? pf.preload(term, { filters }) : null]),
      search: (term, filters) => pf.search(term, { filters }),
    };
    const found = await findResults(scope, s);
    const { overall } = found;
    const total = overall.results.length;
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(s.page, pageCount);
    const offset = (page - 1) * PAGE_SIZE;
    const pageResults = await resultPage(pf, this.loaded, found, s.sort, offset);
    const data = await Promise.all(pageResults.map((r) => r.data()));
    if (run !== this.run) return;

    const views = data.map(hitView);
    const status = statusText(s.q, total, page, pageCount);
    // The server rendered the first page of this state into the page: when the search found the same hits,
    // they stay as they are (no redraw, no second announcement in the live region).
    const server = this.serverState;
    this.serverState = undefined;
    const shown = [...this.hits.querySelectorAll<HTMLAnchorElement>(':scope > li > h3 > a')].map((a) => a.getAttribute('href'));
    const keep = server === stateUrl(s) && this.status.textContent === status && shown.length === views.length && views.every((v, i) => shown[i] === v.url);
    if (!keep) {
      this.status.textContent = status;
      this.hits.replaceChildren(
        ...views.map((v, i) => {
          const li = document.createElement('li');
          const h = document.createElement('h3');
          const a = document.createElement('a');
          // The browser reports when the first hit's title is painted (Element Timing), for `npm run bench:search`.
          if (i === 0) h.setAttribute('elementtiming', FIRST_HIT_TIMING);
          a.href = v.url;
          a.textContent = v.title;
          h.append(a);
          const meta = document.createElement('p');
          meta.className = 'meta';
          meta.textContent = v.meta;
          const excerpt = document.createElement('p');
          excerpt.innerHTML = v.excerpt;
          li.append(h, meta, excerpt);
          return li;
        }),
      );
    }
    this.renderPages(s, page, pageCount);
    this.renderFacets(overall, s);
    // Nothing found: no facets to narrow, help instead (with links that remove the filters).
    this.renderHelp(s, total === 0);
    this.renderScope(s);
  }

  /** The help shown when nothing was found: links that remove each filter, and one that includes older entries. */
  private renderHelp(s: State, shown: boolean): void {
    $('suche-hilfe').hidden = !shown;
    $('suche-layout').classList.toggle('no-hits', shown);
    if (shown) $('suche-facetten-bereich').hidden = true;
    if (!shown) return;
    const removals = filterRemovals(s);
    const filterItem = $('suche-hilfe-filter');
    filterItem.hidden = !removals.length;
    filterItem.querySelector('ul')!.replaceChildren(
      ...removals.map((r) => {
        const li = document.createElement('li');
        li.append(this.stateLink(r.label, r.href));
        return li;
      }),
    );
    const older = $('suche-hilfe-zeitraum');
    older.hidden = !this.older.length;
    const link = older.querySelector('a')!;
    link.replaceWith(this.stateLink(link.textContent ?? '', stateUrl({ ...s, all: true, page: 1 })));
  }

  /** A link to another state of this page, followed without reloading it (and by reloading without JavaScript). */
  private stateLink(label: string, href: string): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      this.go(readState(new URL(href, location.href)), 'push');
      $('treffer-titel').focus();
    });
    return a;
  }

  private renderFacets(response: PagefindResponse | null, s: State): void {
    const groups: HTMLElement[] = [];
    for (const f of FACETS) {
      const counts = response?.filters[f.filter] ?? {};
      const selected = s.filters[f.filter] ?? [];
      const values = Object.entries(counts)
        .filter(([value, n]) => n > 0 || selected.includes(value))
        .sort(([a, n], [b, m]) => (f.filter === 'year' ? b.localeCompare(a) : m - n || compareDe(a, b)));
      for (const value of selected) if (!(value in counts)) values.push([value, 0]);
      if (!values.length) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = f.label;
      const list = document.createElement('ul');
      values.forEach(([value, n], i) => {
        const li = document.createElement('li');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = f.filter;
        box.value = value;
        box.id = `facette-${f.param}-${i}`;
        box.checked = selected.includes(value);
        const label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = `${value} (${de(n)})`;
        li.append(box, label);
        list.append(li);
      });
      fieldset.append(legend, list);
      groups.push(fieldset);
    }
    // Keep keyboard focus on the checkbox the reader just toggled.
    const focused = document.activeElement instanceof HTMLInputElement && this.facets.contains(document.activeElement) ? `${document.activeElement.name}\u0000${document.activeElement.value}` : null;
    this.facets.replaceChildren(...groups);
    // An empty section would leave a heading without anything under it.
    $('suche-facetten-bereich').hidden = !groups.length;
    const active = Object.values(s.filters).reduce((n, values) => n + values.length, 0);
    $('suche-facetten-aktiv').textContent = active ? `${de(active)} Filter aktiv` : '';
    if (focused) {
      const [name, value] = focused.split('\u0000');
      [...this.facets.querySelectorAll('input')].find((b) => b.name === name && b.value === value)?.focus();
    }
  }

  private renderScope(s: State): void {
    this.scope.replaceChildren();
    if (!this.older.length) return;
    const years = (list: Partition[]) => [list.map((p) => p.from).sort()[0]!.slice(0, 4), list.map((p) => p.to).sort().at(-1)!.slice(0, 4)];
    const [from, to] = years(this.loaded);
    const [olderFrom, olderTo] = years(this.older);
    const p = document.createElement('p');
    const span = (a: string, b: string) => (a === b ? a : `${a}–${b}`);
    p.textContent = `Durchsucht: ${span(from!, to!)}. Ältere Einträge (${span(olderFrom!, olderTo!)}) sind noch nicht einbezogen.`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = 'Ältere Jahrgänge einbeziehen';
    button.addEventListener('click', () => this.go({ ...s, all: true, page: 1 }, 'push'));
    this.scope.append(p, button);
  }

  private renderPages(s: State, page: number, pageCount: number): void {
    this.pages.replaceChildren();
    if (pageCount <= 1) return;
    const wrap = document.createElement('div');
    wrap.className = 'search-pages';
    const link = (label: string, target: number, rel: string) => {
      const a = document.createElement('a');
      a.href = stateUrl({ ...s, page: target });
      a.rel = rel;
      a.textContent = label;
      a.addEventListener('click', (event) => {
        event.preventDefault();
        this.go({ ...s, page: target }, 'push');
        // Keyboard and screen reader users continue at the top of the new page of hits.
        $('treffer-titel').focus();
      });
      return a;
    };
    if (page > 1) wrap.append(link('Vorherige Seite', page - 1, 'prev'));
    const info = document.createElement('span');
    info.textContent = `Seite ${page} von ${pageCount}`;
    wrap.append(info);
    if (page < pageCount) wrap.append(link('Nächste Seite', page + 1, 'next'));
    this.pages.append(wrap);
  }
}

/** Starts the search page (called from the page's bundled script). */
export function startSearchPage(): void {
  void new SearchPage().start();
}
