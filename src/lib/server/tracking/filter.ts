// Filtering, urgency order, counts and CSV of the tracker's demands: pure functions over loaded rows.
import type { DemandStatus } from '@/lib/domain/vocabulary';
import { demandStatuses } from '@/lib/domain/vocabulary';
import { isFulfilled, isSettled } from '@/lib/domain/status-graph';
import { demandName, demandStatusLabel, demandStatusPhrases, paperTypeLabel } from '@/lib/domain/labels';
import { formatDate, formatWeekdayDate, isCalendarDay, yearOf } from '@/lib/dates';
import { usableDueDate } from '@/lib/server/tracking/deadlines';
import { demandUrl } from '@/lib/urls';
import { countLabel, formatCount } from '@/lib/format';
import type { TrackedDemand } from '@/lib/server/tracking/load';

/** The tracker's filters as they appear in the URL. */
export interface TrackerFilters {
  body?: string;
  organization?: string;
  originator?: string;
  responsible?: string;
  status?: DemandStatus;
  overdue?: boolean;
  year?: number;
}

/** Whether one row matches every given filter; `ignore` leaves one filter out. */
export function matchesFilters(d: TrackedDemand, f: TrackerFilters, ignore?: keyof TrackerFilters): boolean {
  const use = <K extends keyof TrackerFilters>(key: K) => (key === ignore ? undefined : f[key]);
  if (use('body') && d.body.slug !== f.body) return false;
  if (use('organization') && !d.organizations.some((o) => o.slug === f.organization)) return false;
  if (use('originator') && !d.originators.some((o) => o.slug === f.originator)) return false;
  if (use('responsible') && d.responsible?.slug !== f.responsible) return false;
  if (use('status') && d.status !== f.status) return false;
  if (use('overdue') && !d.overdue) return false;
  if (use('year') && yearOf(d.raisedOn, { table: 'demand', id: d.id, field: 'raisedOn' }) !== f.year) return false;
  return true;
}

/** Rows matching every given filter; `ignore` leaves one filter out (for counts next to that filter). */
export function filterDemands(rows: readonly TrackedDemand[], f: TrackerFilters, ignore?: keyof TrackerFilters): TrackedDemand[] {
  return rows.filter((d) => matchesFilters(d, f, ignore));
}

function urgencyGroup(d: TrackedDemand): number {
  if (d.overdue) return 0;
  if (!isSettled(d.status) && usableDueDate(d.dueDate)) return 1;
  if (!isSettled(d.status)) return 2;
  return 3;
}

/**
 * Positions of `rows`, most urgent first: overdue (longest first), open with a due date (soonest first), open without
 * one, then settled (latest change first). Ties go by id, so the order of any subset is the same as in the whole list.
 */
export function urgencyOrder(rows: readonly TrackedDemand[]): number[] {
  // Keys are computed once per row, not per comparison (filter and sort of 29,000 demands: 48 → 21 ms).
  // A date that is no real day sorts as none: after every known due date, and as the oldest change.
  const keyed = rows.map((d, position) => {
    const changed = d.lastFollowUpDate ?? d.raisedOn;
    return { d, position, group: urgencyGroup(d), due: usableDueDate(d.dueDate), changed: isCalendarDay(changed) ? changed : '' };
  });
  keyed.sort((x, y) => {
    const a = x.d;
    const b = y.d;
    const group = x.group - y.group;
    if (group) return group;
    if (a.overdue) return b.daysOverdue - a.daysOverdue || a.id - b.id;
    // Only open demands with a due date go by it; a settled one's old due date does not order it (comparing due dates
    // of some settled demands and change dates of others made the order depend on which demands were filtered).
    if (x.group === 1 && x.due !== y.due) return x.due! < y.due! ? -1 : 1;
    return x.changed === y.changed ? a.id - b.id : x.changed < y.changed ? 1 : -1;
  });
  return keyed.map((k) => k.position);
}

/** The rows, most urgent first (see urgencyOrder). */
export function sortByUrgency(rows: readonly TrackedDemand[]): TrackedDemand[] {
  return urgencyOrder(rows).map((i) => rows[i]!);
}

/** Number of demands per status, every status present (zero included), plus the overdue count. */
export function countByStatus(rows: readonly TrackedDemand[]): { counts: Record<DemandStatus, number>; overdue: number; total: number } {
  const counts = Object.fromEntries(demandStatuses.map((s) => [s, 0])) as Record<DemandStatus, number>;
  // A status outside the vocabulary counts in the total only.
  for (const d of rows) if (Object.hasOwn(counts, d.status)) counts[d.status]++;
  return { counts, overdue: rows.filter((d) => d.overdue).length, total: rows.length };
}

/** "2 von 5 Forderungen erfüllt oder umgesetzt, 1 von der Verwaltung abgelehnt, 1 überfällig" – derived, never stored. */
export function summarizeDemands(rows: readonly TrackedDemand[]): string {
  if (!rows.length) return '';
  const { counts, overdue, total } = countByStatus(rows);
  const fulfilled = demandStatuses.filter(isFulfilled).reduce((n, s) => n + counts[s], 0);
  const parts = [`${formatCount(fulfilled)} von ${countLabel(total, 'Forderung', 'Forderungen')} erfüllt oder umgesetzt`];
  for (const status of demandStatuses.filter((s) => isSettled(s) && !isFulfilled(s))) {
    if (counts[status]) parts.push(`${formatCount(counts[status])} ${demandStatusPhrases[status]}`);
  }
  if (overdue) parts.push(`${formatCount(overdue)} überfällig`);
  return parts.join(', ');
}

function sourceLabel(d: TrackedDemand): string {
  return d.source.kind === 'paper'
    ? `${paperTypeLabel(d.source.paperType, { table: 'paper', id: d.paperId!, field: 'paperType' })}${d.source.reference ? ` ${d.source.reference}` : ''}: ${d.source.name}`
    : `${d.source.meetingName} am ${formatWeekdayDate(d.source.meetingStart, { table: 'demand', id: d.id, field: 'meeting.start' })}, TOP ${d.source.number}: ${d.source.name}`;
}

/** One CSV field: quoted when it holds the delimiter, a quote or a line break, with quotes doubled. */
function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Records as semicolon-separated CSV with CRLF line ends, byte for byte what csv-stringify writes with those options
 * (test/unit/csv.test.ts), which took 0.5 s for a city's 30,000 demands.
 */
export function csvText(records: readonly (readonly string[])[]): string {
  let csv = '';
  for (const record of records) csv += `${record.map(csvField).join(';')}\r\n`;
  return csv;
}

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide the one after them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as spreadsheet software shows it, never runs it: one that would start a formula (`=HYPERLINK(…)`,
 * `+1`, `@SUMME`) gets a leading apostrophe, as OWASP advises against CSV injection. Only for texts people typed.
 */
export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV (semicolon-separated, UTF-8 with BOM, as German spreadsheet software expects) of exactly these rows. Every
 * column holds one kind of value: "Überfällig" is ja/nein, "Tage überfällig" a number (empty unless overdue). Texts
 * people typed cannot start a formula (spreadsheetText).
 */
export function demandsCsv(rows: readonly TrackedDemand[], origin: string): string {
  const header = ['Kennung', 'Nr. in der Quelle', 'Forderung', 'Status', 'Überfällig', 'Tage überfällig', 'Fällig am', 'Zuständig', 'Eingebracht von', 'Quelle', 'Erhoben am', 'Körperschaft', 'Letzter Eintrag', 'Adresse'];
  const lines = rows.map((d) => [
    demandName(d.id), String(d.ordinal), spreadsheetText(d.title), demandStatusLabel(d.status, { table: 'demand', id: d.id, field: 'status' }), d.overdue ? 'ja' : 'nein', d.overdue ? String(d.daysOverdue) : '',
    d.dueDate ? formatDate(d.dueDate, { table: 'demand', id: d.id, field: 'dueDate' }) : '',
    spreadsheetText(d.responsible?.name ?? ''), spreadsheetText(d.originators.map((o) => o.name).join(', ')), spreadsheetText(sourceLabel(d)), formatDate(d.raisedOn, { table: 'demand', id: d.id, field: 'raisedOn' }), spreadsheetText(d.body.name),
    d.lastFollowUpDate ? formatDate(d.lastFollowUpDate, { table: 'demand', id: d.id, field: 'followUp.date' }) : '', `${origin}${demandUrl(d.id)}`,
  ]);
  return `\ufeff${csvText([header, ...lines])}`;
}
