// Every confirmation the back office shows after a successful post, in one place. An action answers with a key;
// the page redirects to itself with ?hinweis=<key> (post/redirect/get), so a reload never repeats the post.
export const notices = {
  gespeichert: 'Die Änderungen sind gespeichert.',
  veroeffentlicht: 'Gespeichert und veröffentlicht.',
  zurueckgenommen: 'Gespeichert; die Veröffentlichung ist zurückgenommen.',
  zusammengefuehrt: 'Gespeichert. Inzwischen hatte jemand anderes andere Felder dieses Datensatzes geändert; diese Änderungen sind erhalten geblieben.',
  forderung: 'Die Forderung ist gespeichert.',
  'forderung-angelegt': 'Die Forderung wurde angelegt.',
  sachstand: 'Der Sachstand ist eingetragen.',
  'sachstand-gespeichert': 'Der Sachstand ist gespeichert.',
  'sachstand-status': 'Gespeichert. Der Status der Forderung richtet sich jetzt nach dem neuesten verbleibenden Sachstand mit Statusangabe.',
  tagesordnungspunkt: 'Der Tagesordnungspunkt ist gespeichert.',
  reihenfolge: 'Die Reihenfolge der Tagesordnung ist gespeichert.',
  mitgliedschaft: 'Die Mitgliedschaft ist gespeichert.',
  'verknuepfung-angelegt': 'Die Verknüpfung wurde angelegt.',
  'verknuepfung-entfernt': 'Die Verknüpfung wurde entfernt.',
  beratung: 'Die Beratung wurde in die Beratungsfolge aufgenommen.',
  anlage: 'Die Anlage wurde hochgeladen; ihr Text ist für die Suche erfasst.',
  'konto-angelegt': 'Das Konto wurde angelegt. Bitte übermitteln Sie das erste Passwort auf sicherem Weg.',
  'passwort-gesetzt': 'Das Passwort wurde neu gesetzt; alle Sitzungen dieses Kontos sind beendet.',
  'konto-aktiviert': 'Das Konto ist wieder aktiv.',
  'konto-deaktiviert': 'Das Konto wurde deaktiviert; alle seine Sitzungen sind beendet.',
  'rolle-geaendert': 'Die Rolle wurde geändert. Sie gilt ab der nächsten Seite, die das Konto aufruft.',
  'rolle-unveraendert': 'Das Konto hatte diese Rolle bereits; es wurde nichts geändert.',
  'passwort-geaendert': 'Ihr Passwort wurde geändert, und Sie wurden auf allen Geräten abgemeldet. Bitte melden Sie sich mit Ihrem neuen Passwort an.',
  abgemeldet: 'Sie wurden abgemeldet.',
  geloescht: 'Der Datensatz liegt jetzt im Papierkorb.',
  zurueckgeholt: 'Der Datensatz wurde aus dem Papierkorb zurückgeholt.',
  wiederhergestellt: 'Die frühere Version wurde als neue Version wiederhergestellt.',
} as const;

/** A confirmation an action may answer with. */
export type NoticeKey = keyof typeof notices;

/** The confirmation for a ?hinweis= value, or null. */
export function noticeFor(url: URL): string | null {
  const key = url.searchParams.get('hinweis');
  return key && Object.hasOwn(notices, key) ? notices[key as NoticeKey] : null;
}
