// Where a source deviates from OParl: each deviation with the object's id, and the summary table at the end.

/** One deviation: its kind (a German label shown in the summary), the object's id, and what was done about it. */
export interface Deviation {
  kind: string;
  id: string;
  detail?: string;
}

/** The kinds of deviation the importer knows, as shown in the summary table. */
export const deviationKinds = {
  typeUrl10: 'Typ-URL von OParl 1.0',
  typeMissing: 'Objekt ohne type',
  noTimestamps: 'Ohne created/modified',
  noOrder: 'Tagesordnungspunkt ohne order',
  tombstoneWithoutType: 'Gelöschtes Objekt ohne type in Liste',
  listMissing: 'Liste nicht abrufbar',
  objectMissing: 'Objekt nicht abrufbar',
  whitespace: 'Leerraum/Zeilenumbruch in Text',
  vendorProperty: 'Herstellereigene Eigenschaft',
  fileWithoutSize: 'Datei ohne Größe',
  fileWithoutChecksum: 'Datei ohne Prüfsumme',
  invalid: 'Ungültiges Objekt (übersprungen)',
  unknownReference: 'Verweis auf unbekanntes Objekt',
  missingDate: 'Pflichtangabe fehlt (ersetzt)',
  fileDownload: 'Datei nicht geladen',
} as const;

/** Collects deviations; `onDeviation` sees each as it is logged. */
export class DeviationLog {
  readonly all: Deviation[] = [];
  constructor(private readonly onDeviation?: (deviation: Deviation) => void) {}

  /** Logs one deviation of the object `id`. */
  add(kind: string, id: string, detail?: string): void {
    const deviation = { kind, id, detail };
    this.all.push(deviation);
    this.onDeviation?.(deviation);
  }

  /** Count and first example per kind, most frequent first. */
  summary(): { kind: string; count: number; example: string }[] {
    const byKind = new Map<string, { kind: string; count: number; example: string }>();
    for (const d of this.all) {
      const row = byKind.get(d.kind) ?? { kind: d.kind, count: 0, example: d.detail ? `${d.id} (${d.detail})` : d.id };
      row.count++;
      byKind.set(d.kind, row);
    }
    return [...byKind.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  }
}
