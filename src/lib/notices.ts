// Short confirmation notes shown after a redirect (?hinweis=…), so a reload never repeats a post.
const notices: Record<string, string> = {
  gespeichert: 'Die Änderungen sind gespeichert.',
  veroeffentlicht: 'Gespeichert und veröffentlicht.',
  zurueckgenommen: 'Gespeichert; die Veröffentlichung ist zurückgenommen.',
  forderung: 'Die Forderung ist gespeichert.',
  sachstand: 'Der Sachstand ist eingetragen.',
  'sachstand-status': 'Gespeichert. Der Status der Forderung richtet sich jetzt nach dem neuesten verbleibenden Sachstand mit Statusangabe.',
  anlage: 'Die Anlage wurde hochgeladen; ihr Text ist für die Suche erfasst.',
  'konto-angelegt': 'Das Konto wurde angelegt. Bitte übermitteln Sie das erste Passwort auf sicherem Weg.',
  'passwort-gesetzt': 'Das Passwort wurde neu gesetzt; alle Sitzungen dieses Kontos sind beendet.',
  'konto-status': 'Der Status des Kontos wurde geändert; bei einer Deaktivierung sind alle Sitzungen beendet.',
  'rolle-geaendert': 'Die Rolle wurde geändert. Sie gilt ab der nächsten Seite, die das Konto aufruft.',
  geloescht: 'Der Datensatz liegt jetzt im Papierkorb.',
  zurueckgeholt: 'Der Datensatz wurde aus dem Papierkorb zurückgeholt.',
  wiederhergestellt: 'Die frühere Version wurde als neue Version wiederhergestellt.',
};

/** The note for a ?hinweis= value, or null. */
export function noticeFor(url: URL): string | null {
  const key = url.searchParams.get('hinweis');
  return key && Object.hasOwn(notices, key) ? notices[key]! : null;
}
