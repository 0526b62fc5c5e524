// Search records from the database: one record per public paper, agenda item, meeting and demand, with the
// public files and follow-ups they contain. What is public is decided by src/lib/server/visibility.ts (publicSql):
// non-public agenda items (and their minutes, files and demands) never become records, nor does anything hanging
// off a draft or trashed parent.
import type { Client, InValue } from '@libsql/client';
import { paperTypeLabels, demandName, demandStatusLabels } from '@/lib/domain/labels';
import { demandUrl, meetingUrl, paperUrl, agendaItemUrl } from '@/lib/urls';
import type { PaperType } from '@/lib/domain/vocabulary';
import type { DemandStatus } from '@/lib/domain/vocabulary';
import { markdownToText } from '@/lib/markdown';
import { referenceKeys } from '@/lib/search-ranking';
import { publicSql as pub } from '@/lib/server/visibility';

/** A document as the index sees it; `key` is stable across edits ("paper:12"). */
export interface SearchRecord {
  key: string;
  url: string;
  /** Calendar day (YYYY-MM-DD) the record is dated and partitioned by. */
  date: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** German names of the record kinds, used as the `kind` filter value and shown in results. */
export const kindLabels = { paper: 'Vorlage', agendaItem: 'Tagesordnungspunkt', meeting: 'Sitzung', demand: 'Forderung' } as const;

// Day of a meeting: the start is stored with its Berlin offset, so its first ten characters are the Berlin day.
const meetingDay = 'substr(m.start, 1, 10)';

/** SQL for the dates of all records (one row per record), for planning partitions without loading text. */
export const recordDatesSql = `
  SELECT p.date AS day FROM paper p WHERE ${pub('paper', 'p')}
  UNION ALL SELECT ${meetingDay} FROM meeting m WHERE ${pub('meeting', 'm')}
  UNION ALL SELECT ${meetingDay} FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE ${pub('agendaItem', 'a')}
  UNION ALL SELECT p.date FROM demand d JOIN paper p ON p.id = d.paper_id WHERE ${pub('demand', 'd')}
  UNION ALL SELECT ${meetingDay} FROM demand d JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
    WHERE ${pub('demand', 'd')}`;

/** Number of records per calendar day, ascending by day. */
export async function countRecordsByDay(client: Client): Promise<{ day: string; count: number }[]> {
  const rs = await client.execute(`SELECT day, count(*) AS n FROM (${recordDatesSql}) GROUP BY day ORDER BY day`);
  return rs.rows.map((r) => ({ day: String(r.day), count: Number(r.n) }));
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** A Markdown column as plain text (excerpts show the index text: no Markdown syntax, no HTML). */
const md = (v: unknown) => markdownToText(str(v));
const join = (...parts: unknown[]) => parts.map(str).filter(Boolean).join('\n');

/** Groups rows of (owner, value) into a map of owner -> values. */
function groupBy(rows: Row[], owner: string, value: string): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const k = Number(r[owner]);
    const v = str(r[value]);
    if (!v) continue;
    const list = map.get(k) ?? [];
    if (!list.includes(v)) list.push(v);
    map.set(k, list);
  }
  return map;
}

async function rows(client: Client, sql: string, args: InValue[]): Promise<Row[]> {
  return (await client.execute({ sql, args })).rows as unknown as Row[];
}

/** `id IN (…)` over a list that may be long: libsql takes the list as JSON. */
const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/**
 * All records dated within [from, to] (inclusive calendar days). Loads one partition's worth of rows,
 * so a full build never holds the whole corpus in memory.
 */
export async function loadRecords(client: Client, from: string, to: string): Promise<SearchRecord[]> {
  const range = [from, to];
  const papers = await rows(
    client,
    `SELECT p.id, p.slug, p.reference, p.file_number, p.name, p.paper_type, p.date, p.text_md, b.name AS body, o.name AS direction
     FROM paper p JOIN body b ON b.id = p.body_id
     LEFT JOIN organization o ON o.id = p.under_direction_of_id AND ${pub('organization', 'o')}
     WHERE ${pub('paper', 'p')} AND p.date BETWEEN ? AND ?`,
    range,
  );
  const meetings = await rows(
    client,
    `SELECT m.id, m.slug, m.name, m.location, ${meetingDay} AS day, b.name AS body FROM meeting m JOIN body b ON b.id = m.body_id
     WHERE ${pub('meeting', 'm')} AND ${meetingDay} BETWEEN ? AND ?`,
    range,
  );
  const items = await rows(
    client,
    `SELECT a.id, a.meeting_id, a.number, a.name, a.minutes_md, a.result, a.resolution_md, m.slug AS meeting_slug, m.name AS meeting_name,
       ${meetingDay} AS day, b.name AS body
     FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id
     WHERE ${pub('agendaItem', 'a')} AND ${meetingDay} BETWEEN ? AND ?
     ORDER BY a.meeting_id, a."order"`,
    range,
  );
  const demands = await rows(
    client,
    `SELECT d.id, d.ordinal, d.title, d.text_md, d.source_quote, d.status, r.name AS responsible, d.paper_id, d.agenda_item_id,
       p.slug AS paper_slug, p.name AS paper_name, p.reference, p.date AS paper_day, pb.name AS paper_body,
       a.number AS item_number, a.name AS item_name, m.slug AS meeting_slug, ${meetingDay} AS meeting_day, mb.name AS meeting_body
     FROM demand d
     LEFT JOIN organization r ON r.id = d.responsible_organization_id AND ${pub('organization', 'r')}
     LEFT JOIN paper p ON p.id = d.paper_id
     LEFT JOIN body pb ON pb.id = p.body_id
     LEFT JOIN agenda_item a ON a.id = d.agenda_item_id
     LEFT JOIN meeting m ON m.id = a.meeting_id
     LEFT JOIN body mb ON mb.id = m.body_id
     WHERE ${pub('demand', 'd')} AND ((d.paper_id IS NOT NULL AND p.date BETWEEN ? AND ?) OR (d.agenda_item_id IS NOT NULL AND ${meetingDay} BETWEEN ? AND ?))`,
    [from, to, from, to],
  );

  const paperIds = JSON.stringify(papers.map((p) => Number(p.id)));
  const meetingIds = JSON.stringify(meetings.map((m) => Number(m.id)));
  const itemIds = JSON.stringify(items.map((a) => Number(a.id)));
  const demandIds = JSON.stringify(demands.map((d) => Number(d.id)));
  const allMeetingIds = JSON.stringify([...new Set([...meetings, ...items].map((r) => Number(r.meeting_id ?? r.id)))]);

  const originators = groupBy(
    await rows(
      client,
      `SELECT po.paper_id, coalesce(o.name, pe.name) AS name FROM paper_originator po
       LEFT JOIN organization o ON o.id = po.organization_id AND ${pub('organization', 'o')} LEFT JOIN person pe ON pe.id = po.person_id AND ${pub('person', 'pe')}
       WHERE ${inList('po.paper_id')}`,
      [paperIds],
    ),
    'paper_id',
    'name',
  );
  const originatorOrgs = groupBy(
    await rows(
      client,
      `SELECT po.paper_id, o.name FROM paper_originator po JOIN organization o ON o.id = po.organization_id AND ${pub('organization', 'o')} WHERE ${inList('po.paper_id')}`,
      [paperIds],
    ),
    'paper_id',
    'name',
  );
  const consulting = groupBy(
    await rows(
      client,
      `SELECT c.paper_id, o.name FROM consultation c JOIN organization o ON o.id = c.organization_id AND ${pub('organization', 'o')}
       WHERE ${pub('consultation', 'c')} AND ${inList('c.paper_id')}`,
      [paperIds],
    ),
    'paper_id',
    'name',
  );
  const meetingOrgs = groupBy(
    await rows(
      client,
      `SELECT mo.meeting_id, o.name FROM meeting_organization mo JOIN organization o ON o.id = mo.organization_id AND ${pub('organization', 'o')}
       WHERE ${inList('mo.meeting_id')}`,
      [allMeetingIds],
    ),
    'meeting_id',
    'name',
  );
  const paperFiles = groupBy(
    await rows(client, `SELECT f.paper_id, f.name || char(10) || coalesce(f.text, '') AS t FROM file f WHERE ${pub('file', 'f')} AND ${inList('f.paper_id')}`, [paperIds]),
    'paper_id',
    't',
  );
  const meetingFiles = groupBy(
    await rows(client, `SELECT f.meeting_id, f.name || char(10) || coalesce(f.text, '') AS t FROM file f WHERE ${pub('file', 'f')} AND f.agenda_item_id IS NULL AND ${inList('f.meeting_id')}`, [meetingIds]),
    'meeting_id',
    't',
  );
  const itemFiles = groupBy(
    await rows(client, `SELECT f.agenda_item_id, f.name || char(10) || coalesce(f.text, '') AS t FROM file f WHERE ${pub('file', 'f')} AND ${inList('f.agenda_item_id')}`, [itemIds]),
    'agenda_item_id',
    't',
  );
  // A meeting record lists its public agenda items by title only; non-public titles stay out of the index.
  const publicItemTitles = groupBy(
    await rows(
      client,
      `SELECT a.meeting_id, a.number || ' ' || a.name AS t FROM agenda_item a WHERE ${pub('agendaItem', 'a')} AND ${inList('a.meeting_id')} ORDER BY a."order"`,
      [meetingIds],
    ),
    'meeting_id',
    't',
  );
  const followUps = groupBy(
    await rows(client, `SELECT f.demand_id, f.text_md FROM follow_up f WHERE ${pub('followUp', 'f')} AND ${inList('f.demand_id')} ORDER BY f.date, f.ordinal`, [demandIds]),
    'demand_id',
    'text_md',
  );

  const records: SearchRecord[] = [];
  for (const p of papers) {
    const id = Number(p.id);
    const type = paperTypeLabels[p.paper_type as PaperType] ?? str(p.paper_type);
    const orgs = [...new Set([str(p.direction), ...(originatorOrgs.get(id) ?? []), ...(consulting.get(id) ?? [])].filter(Boolean))];
    records.push({
      key: `paper:${id}`,
      url: paperUrl(str(p.slug)),
      date: str(p.date),
      content: join(p.name, p.reference, p.file_number, type, (originators.get(id) ?? []).join(', '), md(p.text_md), ...(paperFiles.get(id) ?? [])),
      // referenceKeys: the words a Drucksachen-Nr. query searches for (src/lib/search-ranking.ts).
      meta: { title: str(p.name), date: str(p.date), reference: str(p.reference), kind: kindLabels.paper, type, ...(p.reference ? { referenceKeys: referenceKeys(str(p.reference)) } : {}) },
      filters: { kind: [kindLabels.paper], body: [str(p.body)], organization: orgs, paperType: [type], year: [str(p.date).slice(0, 4)] },
    });
  }
  for (const m of meetings) {
    const id = Number(m.id);
    records.push({
      key: `meeting:${id}`,
      url: meetingUrl(str(m.slug)),
      date: str(m.day),
      content: join(m.name, m.location, ...(publicItemTitles.get(id) ?? []), ...(meetingFiles.get(id) ?? [])),
      meta: { title: str(m.name), date: str(m.day), reference: '', kind: kindLabels.meeting },
      filters: { kind: [kindLabels.meeting], body: [str(m.body)], organization: meetingOrgs.get(id) ?? [], year: [str(m.day).slice(0, 4)] },
    });
  }
  for (const a of items) {
    const id = Number(a.id);
    records.push({
      key: `agenda_item:${id}`,
      url: agendaItemUrl(str(a.meeting_slug), str(a.number)),
      date: str(a.day),
      content: join(`${str(a.number)} ${str(a.name)}`, md(a.minutes_md), a.result, md(a.resolution_md), ...(itemFiles.get(id) ?? [])),
      meta: { title: `${str(a.number)} ${str(a.name)}`, date: str(a.day), reference: str(a.meeting_name), kind: kindLabels.agendaItem },
      filters: { kind: [kindLabels.agendaItem], body: [str(a.body)], organization: meetingOrgs.get(Number(a.meeting_id)) ?? [], year: [str(a.day).slice(0, 4)] },
    });
  }
  for (const d of demands) {
    const id = Number(d.id);
    const onPaper = d.paper_body !== null && d.paper_body !== undefined;
    const day = onPaper ? str(d.paper_day) : str(d.meeting_day);
    const status = demandStatusLabels[d.status as DemandStatus] ?? str(d.status);
    records.push({
      key: `demand:${id}`,
      // Each demand has its own page with its timeline (Pagefind keeps one record per URL).
      url: demandUrl(id),
      date: day,
      content: join(d.title, md(d.text_md), d.source_quote, d.responsible, ...(followUps.get(id) ?? []).map(md)),
      meta: {
        title: `${demandName(id)}: ${str(d.title)}`,
        date: day,
        reference: onPaper ? str(d.reference) || str(d.paper_name) : `${str(d.item_number)} ${str(d.item_name)}`,
        kind: kindLabels.demand,
        status,
      },
      filters: {
        kind: [kindLabels.demand],
        body: [onPaper ? str(d.paper_body) : str(d.meeting_body)],
        organization: d.responsible ? [str(d.responsible)] : [],
        demandStatus: [status],
        year: [day.slice(0, 4)],
      },
    });
  }
  return records;
}
