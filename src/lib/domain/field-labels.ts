// German names of record fields, for history diffs and the audit log.
const labels: Record<string, string> = {
  name: 'Titel/Name', title: 'Kurztitel', reference: 'Drucksachen-Nr.', fileNumber: 'Aktenzeichen', paperType: 'Art', date: 'Datum',
  bodyId: 'Körperschaft', underDirectionOfId: 'Federführung', textKind: 'Herkunft des Textes', textSourceNote: 'Quelle der Zusammenfassung',
  textMd: 'Text', publishedAt: 'Veröffentlicht am', deletedAt: 'Gelöscht am', slug: 'Adresse (Slug)', externalId: 'Externe Kennung',
  status: 'Status', dueDate: 'Frist', responsibleOrganizationId: 'Zuständig', sourceQuote: 'Zitat aus der Quelle', ordinal: 'Nummer',
  paperId: 'Vorlage', agendaItemId: 'Tagesordnungspunkt', kind: 'Art', statusAfter: 'Status danach', nextDueDate: 'Nächste Frist',
  originators: 'Urheber', sourcePaperId: 'Quelle (Vorlage)', sourceAgendaItemId: 'Quelle (TOP)', authorId: 'Verfasst von', demandId: 'Forderung',
};

/** The German label of a field, or the field name itself. */
export function fieldLabel(field: string): string {
  return labels[field] ?? field;
}

/** German names of revision actions. */
export const revisionActionLabels: Record<string, string> = {
  create: 'angelegt', update: 'geändert', delete: 'in den Papierkorb gelegt', restore: 'wiederhergestellt', publish: 'veröffentlicht', import: 'importiert',
};
