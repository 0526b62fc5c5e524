// The three legal texts by kind: their public address, German names and the wording of the accessibility status.
import { conformanceLevels, legalTextKinds, type ConformanceLevel, type LegalTextKind } from '@/lib/domain/vocabulary';

/** What pages and forms say about one kind of legal text. */
export interface LegalKindInfo {
  kind: LegalTextKind;
  /** The public page, also the URL segment of the back-office editor. */
  path: `/${string}`;
  /** Page title and footer link. */
  title: string;
  /** Shown on the page of a body that has not stored this text yet. */
  missing: string;
}

/** The kinds in footer order. */
export const legalKinds: Record<LegalTextKind, LegalKindInfo> = {
  impressum: { kind: 'impressum', path: '/impressum', title: 'Impressum', missing: 'Für diese Körperschaft ist noch kein Impressum hinterlegt.' },
  datenschutz: { kind: 'datenschutz', path: '/datenschutz', title: 'Datenschutzerklärung', missing: 'Für diese Körperschaft ist noch keine Datenschutzerklärung hinterlegt.' },
  barrierefreiheit: { kind: 'barrierefreiheit', path: '/barrierefreiheit', title: 'Erklärung zur Barrierefreiheit', missing: 'Für diese Körperschaft ist noch keine Erklärung zur Barrierefreiheit hinterlegt.' },
};

/** The kinds as a list, in footer order. */
export const legalKindList: LegalKindInfo[] = legalTextKinds.map((kind) => legalKinds[kind]);

/** The kind for a URL segment ("impressum"), or null. */
export function legalKind(segment: string): LegalKindInfo | null {
  return (legalTextKinds as readonly string[]).includes(segment) ? legalKinds[segment as LegalTextKind] : null;
}

/** The sentence of the EU model statement (Durchführungsbeschluss (EU) 2018/1523) for each status of conformance. */
export const conformanceSentences: Record<ConformanceLevel, string> = {
  vollstaendig: 'Dieses Portal ist mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vollständig vereinbar.',
  teilweise: 'Dieses Portal ist wegen der folgenden Unvereinbarkeiten oder Ausnahmen teilweise mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar.',
  nicht: 'Dieses Portal ist mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) nicht vereinbar.',
};

/** Short labels of the status of conformance for the editor's select. */
export const conformanceOptions: { value: ConformanceLevel; label: string }[] = conformanceLevels.map((value) => ({
  value,
  label: value === 'vollstaendig' ? 'vollständig vereinbar' : value === 'teilweise' ? 'teilweise vereinbar' : 'nicht vereinbar',
}));

/** The notice the seed's placeholder texts carry; a page or test looks for it. */
export const PLACEHOLDER_NOTICE = 'Platzhalter: Dieser Text muss von der Körperschaft ersetzt werden.';
