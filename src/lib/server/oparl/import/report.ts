// The German tables an import run ends with: what it did per type, and the deviations of the source.
import type { DeviationLog } from './deviations';
import type { Counts } from './objects';
import type { OparlType } from './parse';

/** German plural of each type, as the progress bar and the tables name them. */
export const typeLabels: Record<OparlType, string> = {
  System: 'Systeme', Body: 'Körperschaften', LegislativeTerm: 'Wahlperioden', Location: 'Orte', Organization: 'Gremien',
  Person: 'Personen', Membership: 'Mitgliedschaften', Meeting: 'Sitzungen', AgendaItem: 'Tagesordnungspunkte',
  Paper: 'Vorlagen', Consultation: 'Beratungen', File: 'Dateien',
};

const de = (n: number) => n.toLocaleString('de-DE');

/** A plain text table: columns padded, numbers right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string[] {
  const cells = [head, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? de(c) : c)))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

/** One line of counts per type for the progress bar ("Vorlagen 120 · Sitzungen 30"). */
export function countsLine(counts: Counts): string {
  return Object.entries(counts).map(([type, c]) => `${typeLabels[type as OparlType] ?? type} ${de(c.created + c.updated + c.unchanged)}`).join(' · ');
}

/** The table of what a run did per type. */
export function countsTable(counts: Counts): string[] {
  return table(['Art', 'neu', 'geändert', 'unverändert', 'in den Papierkorb', 'übersprungen'],
    Object.entries(counts).map(([type, c]) => [typeLabels[type as OparlType] ?? type, c.created, c.updated, c.unchanged, c.deleted, c.skipped]));
}

/** The summary table of deviations: kind, count, first example; a line saying there were none otherwise. */
export function deviationTable(log: DeviationLog): string[] {
  const rows = log.summary();
  if (!rows.length) return ['Keine Abweichungen vom OParl-Standard gefunden.'];
  return table(['Abweichung', 'Anzahl', 'Beispiel'], rows.map((r) => [r.kind, r.count, r.example.length > 110 ? `${r.example.slice(0, 109)}…` : r.example]));
}
