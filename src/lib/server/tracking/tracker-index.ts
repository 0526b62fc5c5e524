// The tracker's list with its filter indexes, built once per change of the data: a request looks up the demands of
// its filter values and intersects them, instead of filtering every demand of a city several times.
import { LRUCache } from 'lru-cache';
import type { DemandStatus } from '@/lib/domain/vocabulary';
import { yearOf } from '@/lib/dates';
import { countByStatus, matchesFilters, urgencyOrder, type TrackerFilters } from '@/lib/server/tracking/filter';
import { barsByBody, barsByYear, type Bar } from '@/lib/server/tracking/stats';
import type { Named, TrackedDemand } from '@/lib/server/tracking/load';

/** Filters whose values are organizations, bodies or people: a value no demand has is dropped with a notice. */
export type NamedFilter = 'body' | 'organization' | 'originator' | 'responsible';

/** The values each named filter can take, to tell an unknown slug from one with no demands. */
export type KnownValues = Record<NamedFilter, ReadonlySet<string>>;

/** Everything the tracker page shows for one filter combination. */
export interface TrackerSelection {
  /** Matching demands, most urgent first. */
  rows: readonly TrackedDemand[];
  /** Counts per status next to the status filter: every filter but the status applied. */
  counts: ReturnType<typeof countByStatus>;
  /** The overdue count next to its filter: every filter but "overdue" applied. */
  overdueCount: number;
  byBody: Bar[];
  byYear: Bar[];
}

/** The options of the tracker's filters: every value some public demand has, alphabetically (years newest first). */
export interface TrackerOptions {
  bodies: Named[];
  organizations: Named[];
  originators: Named[];
  responsible: Named[];
  years: number[];
}

/** The tracker's list for one day and its indexes. */
export interface TrackerIndex {
  /** Every public demand, by id (as loaded). */
  rows: readonly TrackedDemand[];
  byId: ReadonlyMap<number, TrackedDemand>;
  /** The demands of each paper and of each agenda item, in id order. */
  byPaper: ReadonlyMap<number, readonly TrackedDemand[]>;
  byAgendaItem: ReadonlyMap<number, readonly TrackedDemand[]>;
  known: KnownValues;
  options: TrackerOptions;
  /** The latest day a demand was raised (string order, as stored); null without demands. */
  newestRaised: string | null;
  /** The rows matching `filters` (all of them, or all but `ignore`), in id order. */
  filter(filters: TrackerFilters, ignore?: keyof TrackerFilters): TrackedDemand[];
  /** Rows, counts and charts for `filters`, computed once per filter combination and change of the data. */
  select(filters: TrackerFilters): TrackerSelection;
}


function postings<K>(map: Map<K, number[]>, key: K, position: number) {
  const list = map.get(key);
  if (!list) map.set(key, [position]);
  // A demand with two consultations in one organization is listed once.
  else if (list.at(-1) !== position) list.push(position);
}

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name, 'de');

function uniqueNamed(items: Iterable<Named>): Named[] {
  const bySlug = new Map<string, Named>();
  for (const item of items) bySlug.set(item.slug, item);
  return [...bySlug.values()].sort(byName);
}

/** Builds the indexes over `rows` (every public demand for one day). */
export function indexDemands(rows: readonly TrackedDemand[]): TrackerIndex {
  // Filter combinations asked for since the last change; bounded in number and in the rows they hold.
  const selections = new LRUCache<string, TrackerSelection>({ max: 2000, maxSize: 20 * Math.max(rows.length, 1000), sizeCalculation: (s) => s.rows.length + 1 });
  const lists = {
    body: new Map<string, number[]>(),
    organization: new Map<string, number[]>(),
    originator: new Map<string, number[]>(),
    responsible: new Map<string, number[]>(),
    status: new Map<DemandStatus, number[]>(),
    year: new Map<number, number[]>(),
    overdue: new Map<true, number[]>(),
  };
  const byPaper = new Map<number, TrackedDemand[]>();
  const byAgendaItem = new Map<number, TrackedDemand[]>();
  let newestRaised: string | null = null;
  rows.forEach((d, i) => {
    postings(lists.body, d.body.slug, i);
    for (const o of d.organizations) postings(lists.organization, o.slug, i);
    for (const o of d.originators) postings(lists.originator, o.slug, i);
    if (d.responsible) postings(lists.responsible, d.responsible.slug, i);
    postings(lists.status, d.status, i);
    const year = yearOf(d.raisedOn, { table: 'demand', id: d.id, field: 'raisedOn' });
    if (year !== null) postings(lists.year, year, i);
    if (d.overdue) postings(lists.overdue, true, i);
    if (newestRaised === null || d.raisedOn > newestRaised) newestRaised = d.raisedOn;
    if (d.paperId !== null) byPaper.set(d.paperId, [...(byPaper.get(d.paperId) ?? []), d]);
    if (d.agendaItemId !== null) byAgendaItem.set(d.agendaItemId, [...(byAgendaItem.get(d.agendaItemId) ?? []), d]);
  });
  // Urgency rank of every row: a filtered list is put in order by its ranks, without comparing rows again.
  const urgent = urgencyOrder(rows);
  const rank = new Int32Array(rows.length);
  urgent.forEach((position, r) => (rank[position] = r));

  const everything = rows.map((_, i) => i);
  function positions(filters: TrackerFilters, ignore?: keyof TrackerFilters): number[] {
    const keys = (Object.keys(filters) as (keyof TrackerFilters)[]).filter((k) => k !== ignore && filters[k] !== undefined && filters[k] !== false);
    if (!keys.length) return everything;
    // The shortest list of one filter value, checked against the other filters row by row.
    let shortest: number[] | undefined;
    for (const key of keys) {
      const list = (lists[key] as Map<unknown, number[]>).get(filters[key]) ?? [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    return keys.length === 1 ? shortest! : shortest!.filter((i) => matchesFilters(rows[i]!, filters, ignore));
  }
  const filter = (filters: TrackerFilters, ignore?: keyof TrackerFilters) => positions(filters, ignore).map((i) => rows[i]!);

  return {
    rows,
    byId: new Map(rows.map((d) => [d.id, d])),
    byPaper,
    byAgendaItem,
    known: {
      body: new Set(lists.body.keys()),
      organization: new Set(lists.organization.keys()),
      originator: new Set(lists.originator.keys()),
      responsible: new Set(lists.responsible.keys()),
    },
    options: {
      bodies: uniqueNamed(rows.map((d) => d.body)),
      organizations: uniqueNamed(rows.flatMap((d) => d.organizations)),
      originators: uniqueNamed(rows.flatMap((d) => d.originators)),
      responsible: uniqueNamed(rows.flatMap((d) => (d.responsible ? [d.responsible] : []))),
      years: [...lists.year.keys()].sort((a, b) => b - a),
    },
    newestRaised,
    filter,
    select(filters) {
      const key = JSON.stringify(filters, Object.keys(filters).sort());
      const known = selections.get(key);
      if (known) return known;
      const matching = positions(filters);
      const ordered = matching.length === rows.length ? urgent : [...matching].sort((a, b) => rank[a]! - rank[b]!);
      const inIdOrder = matching.map((i) => rows[i]!);
      const selection: TrackerSelection = {
        rows: ordered.map((i) => rows[i]!),
        counts: countByStatus(filter(filters, 'status')),
        overdueCount: filters.overdue ? positions(filters, 'overdue').reduce((n, i) => n + (rows[i]!.overdue ? 1 : 0), 0) : inIdOrder.reduce((n, d) => n + (d.overdue ? 1 : 0), 0),
        byBody: barsByBody(inIdOrder),
        byYear: barsByYear(inIdOrder),
      };
      selections.set(key, selection);
      return selection;
    },
  };
}
