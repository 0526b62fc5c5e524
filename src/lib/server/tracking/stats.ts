// Figures behind the tracker's charts: demands per traffic-light category, by body and by year raised.
import { toneOf } from '@/lib/domain/status-graph';
import { yearOf } from '@/lib/dates';
import type { TrackedDemand } from '@/lib/server/tracking/load';

/**
 * Traffic-light categories: overdue (red), open (amber), fulfilled (green, the only green), declined by a committee
 * or the administration (purple), closed otherwise: withdrawn or settled without the demand being met (grey).
 * The colours live in src/styles/global.css (--tone-*), the names below carry the meaning in words.
 */
export const categories = ['overdue', 'open', 'fulfilled', 'declined', 'closed'] as const;
export type Category = (typeof categories)[number];

/** German names of the categories, as legends and tables show them. */
export const categoryLabels: Record<Category, string> = {
  overdue: 'Überfällig',
  open: 'Offen',
  fulfilled: 'Erfüllt oder umgesetzt',
  declined: 'Abgelehnt (Gremium oder Verwaltung)',
  closed: 'Zurückgezogen oder ohne Umsetzung erledigt',
};

/** The categories inside a sentence ("3 erfüllt oder umgesetzt"). */
export const categoryPhrases: Record<Category, string> = {
  overdue: 'überfällig',
  open: 'offen',
  fulfilled: 'erfüllt oder umgesetzt',
  declined: 'abgelehnt',
  closed: 'zurückgezogen oder ohne Umsetzung erledigt',
};

/** The category of one demand: overdue first, else what its status tells (see statusTones). */
export function categoryOf(d: Pick<TrackedDemand, 'status' | 'overdue'>): Category {
  return d.overdue ? 'overdue' : toneOf(d.status);
}

/** One bar of a chart: a label and the count per category. */
export interface Bar {
  label: string;
  counts: Record<Category, number>;
  total: number;
}

function emptyCounts(): Record<Category, number> {
  return { overdue: 0, open: 0, fulfilled: 0, declined: 0, closed: 0 };
}

function barsBy(rows: readonly TrackedDemand[], key: (d: TrackedDemand) => string): Bar[] {
  const bars = new Map<string, Bar>();
  for (const d of rows) {
    const label = key(d);
    const bar = bars.get(label) ?? { label, counts: emptyCounts(), total: 0 };
    bar.counts[categoryOf(d)]++;
    bar.total++;
    bars.set(label, bar);
  }
  return [...bars.values()];
}

/** One bar per body, alphabetically. */
export function barsByBody(rows: readonly TrackedDemand[]): Bar[] {
  return barsBy(rows, (d) => d.body.name).sort((a, b) => a.label.localeCompare(b.label, 'de'));
}

/** Label of the bar for demands whose day of raising cannot be read. */
export const UNKNOWN_YEAR = 'Jahr unbekannt';

/** One bar per year in which demands were raised, gaps filled with empty years, oldest first; unreadable dates last. */
export function barsByYear(rows: readonly TrackedDemand[]): Bar[] {
  const bars = barsBy(rows, (d) => String(yearOf(d.raisedOn, { table: 'demand', id: d.id, field: 'raisedOn' }) ?? UNKNOWN_YEAR));
  const unknown = bars.find((b) => b.label === UNKNOWN_YEAR);
  const known = bars.filter((b) => b !== unknown);
  if (!known.length) return unknown ? [unknown] : [];
  const years = known.map((b) => Number(b.label));
  const [min, max] = [Math.min(...years), Math.max(...years)];
  const byLabel = new Map(known.map((b) => [b.label, b]));
  const filled = Array.from({ length: max - min + 1 }, (_, i) => byLabel.get(String(min + i)) ?? { label: String(min + i), counts: emptyCounts(), total: 0 });
  return unknown ? [...filled, unknown] : filled;
}
