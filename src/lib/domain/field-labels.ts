// German names of record fields, for history diffs and the audit log.
const labels: Record<string, string> = {
  name: 'Titel/Name', title: 'Kurztitel', reference: 'Drucksachen-Nr.', fileNumber: 'Aktenzeichen', paperType: 'Art', date: 'Datum',
  bodyId: 'Körperschaft', underDirectionOfId: 'Federführung', textKind: 'Herkunft des Textes', textSourceNote: 'Quelle der Zusammenfassung',
  textMd: 'Text', publishedAt: 'Veröffentlicht am', deletedAt: 'Gelöscht am', slug: 'Adresse (Slug)', externalId: 'Externe Kennung',
  status: 'Status', dueDate: 'Frist', responsibleOrganizationId: 'Zuständig', sourceQuote: 'Zitat aus der Quelle', ordinal: 'Nummer',
  paperId: 'Vorlage', agendaItemId: 'Tagesordnungspunkt', kind: 'Art', statusAfter: 'Status danach', nextDueDate: 'Nächste Frist',
  originators: 'Urheber', sourcePaperId: 'Quelle (Vorlage)', sourceAgendaItemId: 'Quelle (TOP)', authorId: 'Verfasst von', demandId: 'Forderung',
  originatorOrganizationIds: 'Eingereicht von (Gremien, Fraktionen, Ämter)', originatorPersonIds: 'Eingereicht von (Personen)',
  organizations: 'Gremien', organizationIds: 'Gremien', start: 'Beginn', end: 'Ende', location: 'Ort', occasion: 'Art der Sitzung',
  meetingState: 'Stand', cancelled: 'Abgesagt', editorialNote: 'Redaktioneller Hinweis', number: 'Nummer', public: 'Öffentlich',
  minutesMd: 'Niederschrift', result: 'Ergebnis', resolutionMd: 'Beschlusstext', shortName: 'Kurzname', classification: 'Art',
  website: 'Website', replyDeadlineDays: 'Antwortfrist (Tage)', parentId: 'Übergeordnet', startDate: 'Beginn', endDate: 'Ende',
  descriptionMd: 'Beschreibung', formOfAddress: 'Anrede', givenName: 'Vorname', familyName: 'Nachname', position: 'Funktion',
  role: 'Rolle', votingRight: 'Stimmberechtigt', organizationId: 'Gremium', onBehalfOfId: 'Entsandt von',
  personId: 'Person', meetingId: 'Sitzung', fromPaperId: 'Vorlage', toPaperId: 'Zugehörige Vorlage', authoritative: 'Entscheidend', order: 'Reihenfolge',
};

/** Where an editor names a field more precisely than the general label, per table (as the forms label them). */
const tableLabels: Record<string, Record<string, string>> = {
  paper: { name: 'Titel', paperType: 'Art der Vorlage', date: 'Datum der Vorlage' },
  meeting: { name: 'Bezeichnung der Sitzung' },
  agenda_item: { name: 'Titel', resolutionMd: 'Beschlusstext' },
  legal_text: {
    kind: 'Rechtstext', textMd: 'Text', conformance: 'Stand der Vereinbarkeit', preparedOn: 'Erstellt oder zuletzt überprüft am',
    feedbackEmail: 'E-Mail-Adresse für Rückmeldungen', feedbackPhone: 'Telefon für Rückmeldungen', enforcementMd: 'Schlichtungsverfahren', placeholder: 'Platzhaltertext',
  },
  demand: { textMd: 'Text der Forderung', responsibleOrganizationId: 'Zuständig', statusAfter: 'Status der Forderung danach' },
};

/** The German label of a field (of `table`, when given), or the field name itself. */
export function fieldLabel(field: string, table?: string): string {
  return (table ? tableLabels[table]?.[field] : undefined) ?? labels[field] ?? field;
}

/** German names of revision actions. */
export const revisionActionLabels: Record<string, string> = {
  create: 'angelegt', update: 'geändert', delete: 'in den Papierkorb gelegt', restore: 'wiederhergestellt', publish: 'veröffentlicht', import: 'importiert',
};
