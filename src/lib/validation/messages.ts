// Every user-facing validation message of Ratsfaden, in German: forms, dates, references between records,
// list parameters, passwords, uploads, unknown actions and the seed files. Code elsewhere imports these; it does
// not write its own wording, so the portal speaks with one voice.

/** A day "2026-02-31" written the German way ("31.02.2026"), also when that day does not exist. */
export function germanDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A number with German digit grouping ("200.000"). */
const n = (value: number) => value.toLocaleString('de-DE');

/** Messages for a whole form (shown above it). */
export const formMessages = {
  checkFields: 'Bitte prüfen Sie die markierten Felder.',
  notFound: 'Diesen Datensatz gibt es nicht (mehr). Bitte laden Sie die Seite neu.',
  noRevision: 'Diese Version gibt es im Verlauf nicht. Bitte wählen Sie eine der aufgeführten Versionen.',
  staleForm: 'Das Formular ist unvollständig oder veraltet. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  loginMissing: 'Bitte geben Sie E-Mail-Adresse und Passwort an.',
  tooManyFields: (max: number) => `Das Formular enthält zu viele Felder: erlaubt sind höchstens ${max.toLocaleString('de-DE')}. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.`,
  /** When zod reports a problem without one of our messages (should not happen; a safety net). */
  invalidValue: 'Bitte wählen Sie einen gültigen Wert.',
} as const;

/** Messages of a save that met someone else's save of the same record (HTTP 409). */
export const conflictMessages = {
  you: 'Sie selbst (in einem anderen Fenster)',
  someone: 'Jemand anderes',
  changed: (who: string, has: string, version: number, when: string) => `${who} ${has} diesen Datensatz inzwischen geändert (Version ${version}${when}).`,
  at: (day: string, time: string) => ` am ${day} um ${time}`,
  wholeRecord: (changed: string) => `${changed} Ihre Änderung ist nicht gespeichert. Bitte prüfen Sie den aktuellen Stand und versuchen Sie es dann erneut.`,
  field: (who: string, has: string, label: string) => `${who} ${has} „${label}“ ebenfalls geändert. Bitte vergleichen Sie beide Fassungen.`,
  sameFields: (changed: string, count: number) =>
    `${changed} ${count === 1 ? 'Ein Feld haben' : `${count} Felder haben`} Sie beide geändert; Ihre Eingaben sind noch nicht gespeichert, aber unten erhalten. Bitte vergleichen Sie beide Fassungen und speichern Sie dann erneut: Ihre Fassung ersetzt dann die andere in diesen Feldern, alle übrigen Änderungen bleiben erhalten.`,
} as const;

/** Messages for a single field (shown next to it). `label` is the field's name with its article ("den Titel"). */
export const fieldMessages = {
  required: (label: string) => `Bitte geben Sie ${label} an.`,
  fill: (label: string) => `Bitte füllen Sie das Feld „${label}“ aus.`,
  choose: (label: string) => `Bitte wählen Sie ${label}.`,
  chooseFromList: (label: string) => `Bitte wählen Sie ${label} aus der Liste.`,
  tooLong: (max: number) => `Höchstens ${n(max)} Zeichen.`,
  textTooLong: (max: number) => `Der Text ist zu lang (höchstens ${n(max)} Zeichen).`,
  tooMany: (max: number) => `Bitte wählen Sie höchstens ${n(max)} Einträge.`,
  number: 'Bitte geben Sie eine Zahl an.',
  wholeNumber: 'Bitte geben Sie eine ganze Zahl an.',
  numberRange: (min: number, max: number) => `Bitte geben Sie eine ganze Zahl von ${n(min)} bis ${n(max)} an.`,
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  url: 'Bitte geben Sie eine Webadresse an, die mit https:// oder http:// beginnt.',
  urlTooLong: (max: number) => `Die Adresse ist zu lang (höchstens ${n(max)} Zeichen).`,
  slug: 'Bitte verwenden Sie nur Kleinbuchstaben (ohne Umlaute), Ziffern und einzelne Bindestriche.',
} as const;

/** Messages for dates and times (years are written without digit grouping: 2026, not 2.026). */
export const dateMessages = {
  format: (label: string) => `Bitte geben Sie ${label} als Datum an (TT.MM.JJJJ).`,
  notACalendarDay: (iso: string) => `Das Datum ${germanDay(iso)} gibt es nicht. Bitte prüfen Sie Tag und Monat.`,
  yearRange: (min: number, max: number) => `Bitte geben Sie ein Datum zwischen den Jahren ${min} und ${max} an.`,
  dateTimeFormat: (label: string) => `Bitte geben Sie ${label} mit Datum und Uhrzeit an.`,
  notATime: (time: string) => `Die Uhrzeit ${time} gibt es nicht. Bitte geben Sie eine Uhrzeit von 00:00 bis 23:59 an.`,
  instantFormat: 'Bitte geben Sie den Zeitpunkt im Format JJJJ-MM-TTThh:mm:ss+01:00 an.',
  endBeforeStart: 'Das Ende darf nicht vor dem Beginn liegen.',
  // A Berlin wall-clock time skipped by the change to summer time (e.g. 02:30 on the last Sunday of March).
  noSuchStart: 'Diesen Zeitpunkt gibt es nicht. Bitte prüfen Sie Datum und Uhrzeit des Beginns.',
  noSuchEnd: 'Diesen Zeitpunkt gibt es nicht. Bitte prüfen Sie Datum und Uhrzeit des Endes.',
  dueBeforePaper: (due: string, paperDate: string) =>
    `Die Frist ${germanDay(due)} liegt vor dem Datum der Vorlage (${germanDay(paperDate)}). Bitte prüfen Sie die Frist. Ist sie richtig, bestätigen Sie das mit dem Kästchen.`,
  dueBeforeMeeting: (due: string, meetingDay: string) =>
    `Die Frist ${germanDay(due)} liegt vor dem Tag der Sitzung (${germanDay(meetingDay)}). Bitte prüfen Sie die Frist. Ist sie richtig, bestätigen Sie das mit dem Kästchen.`,
  confirmDueBeforePaper: 'Frist liegt vor dem Datum der Vorlage – trotzdem speichern',
  confirmDueBeforeMeeting: 'Frist liegt vor dem Tag der Sitzung – trotzdem speichern',
  nextDueBeforeFollowUp: (next: string, date: string) =>
    `Die nächste Frist ${germanDay(next)} liegt vor dem Datum des Sachstands (${germanDay(date)}). Bitte prüfen Sie die Frist. Ist sie richtig, bestätigen Sie das mit dem Kästchen.`,
  dueDatesBeforeNewPaperDate: (count: number, earliest: string, paperDate: string) =>
    `${count === 1 ? 'Eine Forderung dieser Vorlage hat' : `${n(count)} Forderungen dieser Vorlage haben`} eine Frist vor dem neuen Datum der Vorlage (${germanDay(paperDate)})${count === 1 ? `: ${germanDay(earliest)}` : `, die früheste am ${germanDay(earliest)}`}. Bitte prüfen Sie das Datum und die Fristen. Sind sie richtig, bestätigen Sie das mit dem Kästchen.`,
  confirmDueDatesBeforePaper: 'Fristen liegen vor dem Datum der Vorlage – trotzdem speichern',
  confirmNextDueBeforeFollowUp: 'Nächste Frist liegt vor dem Datum des Sachstands – trotzdem speichern',
} as const;

/** Messages for a posted id of a related record (a body, organization, person, paper, meeting, …). */
export const referenceMessages = {
  missing: 'Den gewählten Eintrag gibt es nicht (mehr). Bitte wählen Sie einen Eintrag aus der Liste.',
  missingOneOf: 'Einen der gewählten Einträge gibt es nicht (mehr). Bitte wählen Sie nur Einträge aus der Liste.',
  otherBody: (name: string, bodyName: string) => `„${name}“ gehört zu einer anderen Körperschaft. Bitte wählen Sie einen Eintrag der Körperschaft „${bodyName}“.`,
  paperMissing: 'Diese Vorlage gibt es nicht (mehr).',
  meetingMissing: 'Diese Sitzung gibt es nicht (mehr).',
  agendaItemMissing: 'Diesen Tagesordnungspunkt gibt es nicht (mehr).',
  agendaItemOfOtherMeeting: 'Der Tagesordnungspunkt gehört nicht zur gewählten Sitzung.',
  agendaItemOfOtherBody: (bodyName: string) => `Dieser Tagesordnungspunkt gehört zu einer Sitzung einer anderen Körperschaft. Bitte wählen Sie einen Tagesordnungspunkt der Körperschaft „${bodyName}“.`,
  consultationTarget: 'Bitte wählen Sie ein Gremium oder eine Sitzung.',
  demandParent: 'Bitte wählen Sie die Vorlage oder den Tagesordnungspunkt, zu dem die Forderung gehört.',
  relationToItself: 'Eine Vorlage kann nicht mit sich selbst verknüpft werden.',
  relationExists: 'Diese Verknüpfung besteht bereits.',
  parentIsSelf: 'Ein Gremium kann sich nicht selbst übergeordnet sein.',
  parentCycle: (name: string) => `„${name}“ ist diesem Gremium bereits untergeordnet; die Zuordnung ergäbe einen Kreis. Bitte wählen Sie ein anderes übergeordnetes Gremium.`,
  membershipExists: 'Diese Person hat in diesem Gremium bereits eine Mitgliedschaft mit dieser Rolle.',
  uploadOwner: 'Bitte laden Sie die Anlage von einer Vorlage, Sitzung oder einem Tagesordnungspunkt aus hoch.',
  uploadOwnerMissing: 'Der Datensatz, zu dem die Anlage gehören soll, existiert nicht (mehr).',
  sourcePaperNotOffered: 'Diese Vorlage gibt es nicht (mehr) bei dieser Körperschaft. Bitte wählen Sie eine Vorlage aus der Liste.',
  sourceAgendaItemNotOffered: 'Diesen Tagesordnungspunkt gibt es nicht (mehr) bei dieser Körperschaft. Bitte wählen Sie einen aus der Liste.',
} as const;

/** A count with its noun in singular or plural, German digit grouping ("1 Beratung", "2 Beratungen"). */
const count = (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`;

/**
 * Messages of a save that moves a record to another body while records still point to the old one. Each part
 * names one kind of reference; `refused` joins them into the message shown next to the body field.
 */
export const bodyMoveMessages = {
  refused: (record: 'paper' | 'meeting' | 'organization' | 'person', parts: readonly string[], oldBody: string) => {
    const [subject, again] = {
      paper: ['Diese Vorlage', 'die Vorlage'],
      meeting: ['Diese Sitzung', 'die Sitzung'],
      organization: ['Dieses Gremium', 'das Gremium'],
      person: ['Diese Person', 'die Person'],
    }[record];
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} und ${parts[parts.length - 1]}` : (parts[0] ?? '');
    return `${subject} hat noch ${list} der Körperschaft „${oldBody}“. Bitte entfernen Sie diese zuerst oder legen Sie ${again} neu an.`;
  },
  // Parts of a paper
  paperConsultations: (value: number) => `${count(value, 'Beratung', 'Beratungen')} in Gremien oder Sitzungen`,
  paperDemands: (value: number) => `${count(value, 'Forderung', 'Forderungen')} mit zuständiger Stelle`,
  paperRelations: (value: number) => `${count(value, 'Verknüpfung', 'Verknüpfungen')} mit Vorlagen`,
  paperFollowUps: (value: number) => `${count(value, 'Sachstand', 'Sachstände')} mit Bezug zu Vorlagen oder Sitzungen`,
  // Parts of a meeting
  meetingConsultations: (value: number) => `${count(value, 'Beratung', 'Beratungen')} von Vorlagen`,
  meetingDemands: (value: number) => `${count(value, 'Forderung', 'Forderungen')} mit zuständiger Stelle`,
  // Parts of an organization
  organizationMemberships: (value: number) => `${count(value, 'Mitgliedschaft', 'Mitgliedschaften')} von Personen`,
  organizationChildren: (value: number) => count(value, 'untergeordnetes Gremium', 'untergeordnete Gremien'),
  organizationPapers: (value: number) => count(value, 'eingereichte oder federführend betreute Vorlage', 'eingereichte oder federführend betreute Vorlagen'),
  organizationDemands: (value: number) => `${count(value, 'Forderung', 'Forderungen')} (als zuständige Stelle) zu Vorlagen oder Sitzungen`,
  organizationConsultations: (value: number) => `${count(value, 'Beratung', 'Beratungen')} von Vorlagen`,
  organizationMeetings: (value: number) => count(value, 'Sitzung', 'Sitzungen'),
  // Parts of a person
  personMemberships: (value: number) => `${count(value, 'Mitgliedschaft', 'Mitgliedschaften')} in Gremien`,
  personPapers: (value: number) => count(value, 'eingereichte Vorlage', 'eingereichte Vorlagen'),
} as const;

/** Messages of the Beschlusskontrolle: status changes along the status graph. */
export const trackingMessages = {
  transitionRefused: (from: string, to: string, allowed: readonly string[]) =>
    `Der Status kann nicht von „${from}“ zu „${to}“ wechseln. ${allowed.length ? `Erlaubt sind: ${allowed.map((s) => `„${s}“`).join(', ')}.` : 'Von diesem Status aus ist keine Änderung mehr möglich.'}`,
  statusBeforeLast: (lastDay: string) =>
    `Ein Statuswechsel kann nicht vor der letzten Statusänderung vom ${germanDay(lastDay)} liegen. Bitte wählen Sie ein späteres Datum oder tragen Sie den Sachstand ohne Statuswechsel ein.`,
} as const;

/** Messages for list filters in the URL (shown above a list; the value is ignored, never a 500). */
export const listMessages = {
  ignored: (raw: string, label: string) => `Der Wert „${raw.slice(0, 60)}“ für „${label}“ ist ungültig und wurde nicht berücksichtigt.`,
  noDemandsFor: (value: string) => `Für „${value}“ sind keine Forderungen erfasst; der Filter wurde nicht berücksichtigt.`,
  pageOutOfRange: (requested: number, pageCount: number) => `Seite ${n(requested)} gibt es nicht; angezeigt wird Seite ${n(pageCount)}.`,
} as const;

/** Messages for new passwords and the password fields. */
export const passwordMessages = {
  enterOwn: 'Bitte geben Sie Ihr Passwort an.',
  enterCurrent: 'Bitte geben Sie Ihr bisheriges Passwort an.',
  wrongCurrent: 'Das bisherige Passwort stimmt nicht. Ihr Passwort wurde nicht geändert.',
  enter: 'Bitte geben Sie ein Passwort an.',
  choose: 'Bitte vergeben Sie ein Passwort.',
  tooShort: (min: number) => `Das Passwort muss mindestens ${n(min)} Zeichen lang sein.`,
  tooLong: (max: number) => `Das Passwort darf höchstens ${n(max)} Zeichen lang sein.`,
  common: 'Dieses Passwort ist weit verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.',
  repeated: 'Das Passwort darf nicht aus einem einzigen, wiederholten Zeichen bestehen.',
  containsEmail: 'Das Passwort darf die E-Mail-Adresse nicht enthalten.',
} as const;

/** Messages for attachment uploads. */
export const uploadMessages = {
  chooseFile: 'Bitte wählen Sie eine Datei aus.',
  empty: 'Bitte wählen Sie eine Datei aus; die gesendete Datei ist leer.',
  tooLarge: (typeLabel: string, maxMegabytes: number) => `Die Datei ist zu groß. ${typeLabel}-Dateien dürfen höchstens ${n(maxMegabytes)} MB groß sein.`,
  noName: 'Die Datei hat keinen Namen.',
  nameTooLong: (max: number) => `Der Dateiname ist zu lang (höchstens ${n(max)} Zeichen).`,
  namePath: 'Der Dateiname darf keine Pfadangaben wie „/“, „\\“ oder „..“ enthalten. Bitte benennen Sie die Datei um.',
  nameControl: 'Der Dateiname enthält unzulässige Steuerzeichen.',
  notPdf: 'Die Datei ist kein PDF-Dokument. Es werden nur PDF-Dateien angenommen; die Dateiendung allein genügt nicht.',
  unreadable: 'Die PDF-Datei ist beschädigt oder verschlüsselt und kann nicht gelesen werden.',
  extractionMemory: (maxMegabytes: number) =>
    `Der Text der Datei konnte nicht ausgelesen werden: Dafür wären mehr als ${n(maxMegabytes)} MB Arbeitsspeicher nötig. Die Datei wurde nicht gespeichert. Bitte prüfen Sie die Datei, speichern Sie sie gegebenenfalls neu als PDF oder teilen Sie sie in kleinere Dateien auf.`,
  extractionTimeout: (seconds: number) =>
    `Der Text der Datei konnte nicht innerhalb von ${n(seconds)} Sekunden ausgelesen werden. Die Datei wurde nicht gespeichert. Bitte prüfen Sie die Datei, speichern Sie sie gegebenenfalls neu als PDF oder teilen Sie sie in kleinere Dateien auf.`,
  extractionBusy: 'Gerade werden zu viele Anlagen gleichzeitig verarbeitet. Die Datei wurde nicht gespeichert. Bitte versuchen Sie es in einigen Minuten erneut.',
  extractionFailed: 'Der Text der Datei konnte wegen einer Störung auf dem Server nicht ausgelesen werden. Die Datei wurde nicht gespeichert. Bitte versuchen Sie es in einigen Minuten erneut.',
} as const;

/** Messages for posts to an action that does not exist. */
export const actionMessages = {
  unknown: 'Diese Aktion gibt es nicht. Bitte laden Sie die Seite neu und versuchen Sie es erneut; das Formular war vermutlich veraltet.',
  unknownTitle: 'Unbekannte Aktion',
  formOnly: 'Diese Aktion nimmt nur Formulardaten an. Bitte senden Sie das Formular auf der Seite ab.',
} as const;

/** Messages for the seed corpus (content/): they name the file and the field at fault, for the editors of the files. */
export const seedMessages = {
  invalidFile: (file: string, problems: { path: string; message: string }[]) =>
    `Die Inhaltsdatei ${file} ist ungültig. Bitte korrigieren:\n${problems.map((p) => `  - ${p.path || '(Datei)'}: ${p.message}`).join('\n')}`,
  noFrontMatter: (file: string) => `Die Inhaltsdatei ${file} beginnt nicht mit YAML-Kopfdaten zwischen zwei Zeilen „---“.`,
  folderMissing: (root: string) => `Der Inhaltsordner ${root} fehlt. Setzen Sie CONTENT_DIR oder legen Sie content/ an.`,
  bodyFileMissing: (folder: string) => `Im Ordner ${folder} fehlt body.yaml.`,
  unknownReference: (file: string, what: string, key: string) => `${file}: ${what} „${key}“ ist unbekannt. Bitte Schreibweise prüfen oder den Eintrag anlegen.`,
  otherBody: (file: string, what: string, key: string, bodySlug: string) => `${file}: ${what} „${key}“ gehört zu einer anderen Körperschaft. Bitte nur Einträge aus dem Ordner von „${bodySlug}“ verwenden.`,
  dayLabel: 'das Datum',
  dayFormat: 'Datum im Format JJJJ-MM-TT angeben.',
  atLeastOneOrganization: 'Bitte mindestens ein Gremium angeben.',
  required: 'Bitte einen Wert angeben.',
  oneOf: (values: readonly string[]) => `Bitte einen dieser Werte angeben: ${values.join(', ')}.`,
  retiredStatus: 'Den Status „erledigt“ gibt es nicht mehr. Bitte erfuellt, von_verwaltung_abgelehnt oder erledigt_ohne_umsetzung angeben.',
  wholeNumber: (min: number) => `Bitte eine ganze Zahl ab ${n(min)} angeben.`,
  yesNo: 'Bitte true oder false angeben.',
  list: 'Bitte eine Liste angeben (Zeilen, die mit „- “ beginnen).',
  unknownFields: (keys: readonly string[]) => `Unbekannte Angabe${keys.length > 1 ? 'n' : ''}: ${keys.join(', ')}. Bitte Schreibweise prüfen.`,
} as const;
