// From OParl objects to Ratsfaden's rows: the columns an import owns, per table. References are resolved by the
// caller (`ids`), slugs are made unique by a short hash of the OParl id (stable across runs).
import { createHash } from 'node:crypto';
import { renderMarkdown } from '@/lib/markdown';
import { slugify } from '@/lib/slug';
import type { MeetingState, OrganizationKind, PaperType } from '@/lib/domain/vocabulary';
import type { Parsed } from './parse';

/** A stable URL slug for an imported record: its name, then 6 hex digits of its OParl id's hash. */
export function importSlug(name: string, externalId: string, fallback: string): string {
  const hash = createHash('sha1').update(externalId).digest('hex').slice(0, 6);
  return `${slugify(name, 70) || fallback}-${hash}`;
}

/** Our organization kind for OParl's free-text organizationType/classification. */
export function organizationKind(type: string | null, classification: string | null): OrganizationKind {
  const words = `${type ?? ''} ${classification ?? ''}`.toLowerCase();
  if (/fraktion|gruppe/.test(words)) return 'group';
  if (/^\s*(rat|kreistag|stadtrat|gemeinderat|parlament|stadtverordnet|bezirksvertretung)|hauptorgan|vertretung/.test(words)) return 'council';
  if (/gremium|ausschuss|beirat|kommission|rat\b/.test(words)) return 'committee';
  if (/verwaltung|amt|fachbereich|dezernat|referat|behörde/.test(words)) return 'office';
  return 'other';
}

/** Our paper type for OParl's free-text paperType. */
export function paperType(value: string | null): PaperType {
  const words = (value ?? '').toLowerCase();
  if (/beantwortung|stellungnahme|antwort/.test(words)) return 'stellungnahme';
  if (/anfrage/.test(words)) return 'anfrage';
  if (/antrag/.test(words)) return 'antrag';
  if (/beschluss/.test(words)) return 'beschlussvorlage';
  if (/mitteilung|bericht|information/.test(words)) return 'mitteilungsvorlage';
  return 'sonstige';
}

/** Our meeting state for OParl's free-text meetingState ("terminiert", "eingeladen", "durchgeführt"). */
export function meetingState(value: string | null, start: string): MeetingState {
  const words = (value ?? '').toLowerCase();
  if (/durchgef|stattgef|abgeschlossen|beendet/.test(words)) return 'held';
  if (/eingeladen|einladung/.test(words)) return 'invited';
  if (value) return 'planned';
  return Date.parse(start) < Date.now() ? 'held' : 'planned';
}

/** Columns of a body. */
export const bodyRow = (o: Parsed<'Body'>) => ({
  name: o.name, shortName: o.shortName, classification: o.classification, website: o.website,
});

/** Columns of a legislative term. */
export const legislativeTermRow = (o: Parsed<'LegislativeTerm'>, bodyId: number) => ({
  bodyId, name: o.name ?? ([o.startDate, o.endDate].filter(Boolean).join('–') || 'Wahlperiode'), startDate: o.startDate, endDate: o.endDate,
});

/** Columns of a location. */
export const locationRow = (o: Parsed<'Location'>, bodyId: number | null) => ({
  bodyId, description: o.description, streetAddress: o.streetAddress, room: o.room, postalCode: o.postalCode,
  subLocality: o.subLocality, locality: o.locality, geojson: o.geojson == null ? null : JSON.stringify(o.geojson),
});

/** The one line a location shows as a meeting's place. */
export function locationLine(o: Parsed<'Location'>): string | null {
  return o.description ?? ([o.streetAddress, [o.postalCode, o.locality].filter(Boolean).join(' '), o.room].filter(Boolean).join(', ') || null);
}

/** Columns of an organization. */
export const organizationRow = (o: Parsed<'Organization'>, bodyId: number, name: string, slug: string | undefined) => ({
  bodyId, ...(slug ? { slug } : {}), name, shortName: o.shortName, kind: organizationKind(o.organizationType, o.classification),
  classification: o.classification ?? o.organizationType, startDate: o.startDate, endDate: o.endDate,
});

/** A person's display name: `name`, else given and family name. */
export function personName(o: Parsed<'Person'>): string | null {
  return o.name ?? ([o.title, o.givenName, o.familyName].filter(Boolean).join(' ') || null);
}

/** Columns of a person. */
export const personRow = (o: Parsed<'Person'>, bodyId: number, name: string, slug: string | undefined) => ({
  bodyId, ...(slug ? { slug } : {}), name, formOfAddress: o.formOfAddress, title: o.title, givenName: o.givenName, familyName: o.familyName,
});

/** Columns of a membership. */
export const membershipRow = (o: Parsed<'Membership'>, personId: number, organizationId: number, onBehalfOfId: number | null) => ({
  personId, organizationId, role: o.role, votingRight: o.votingRight ?? false, startDate: o.startDate, endDate: o.endDate, onBehalfOfId,
});

/** Columns of a meeting. */
export const meetingRow = (o: Parsed<'Meeting'>, bodyId: number, start: string, place: { line: string | null; id: number | null }, slug: string | undefined) => ({
  bodyId, ...(slug ? { slug } : {}), name: o.name ?? 'Sitzung', start, end: o.end ?? null, location: place.line, locationId: place.id,
  meetingState: meetingState(o.meetingState, start), cancelled: o.cancelled ?? false,
});

/** Columns of an agenda item. */
export const agendaItemRow = (o: Parsed<'AgendaItem'>, meetingId: number, order: number) => ({
  meetingId, order, number: o.number ?? String(order), name: o.name ?? `TOP ${o.number ?? order}`, public: o.public ?? true,
  result: o.result, resolutionMd: o.resolutionText, resolutionHtml: o.resolutionText ? renderMarkdown(o.resolutionText) : null,
});

/** Columns of a paper. */
export const paperRow = (o: Parsed<'Paper'>, bodyId: number, date: string, underDirectionOfId: number | null, slug: string | undefined) => ({
  bodyId, ...(slug ? { slug } : {}), reference: o.reference, name: o.name ?? o.reference ?? 'Vorlage', paperType: paperType(o.paperType), date, underDirectionOfId,
});

/** Columns of a consultation. */
export const consultationRow = (o: Parsed<'Consultation'>, paperId: number, order: number, refs: { meetingId: number | null; agendaItemId: number | null; organizationId: number | null }) => ({
  paperId, order, ...refs, role: o.role, authoritative: o.authoritative ?? false,
});

/** The owner of an attachment. */
export type FileOwner = { paperId: number } | { meetingId: number } | { agendaItemId: number };

/** Columns of a file's metadata. */
export const fileRow = (o: Parsed<'File'>, owner: FileOwner, order: number) => ({
  paperId: null, meetingId: null, agendaItemId: null, ...owner, order,
  name: o.name ?? o.fileName ?? 'Anlage', fileName: o.fileName, mimeType: o.mimeType, size: o.size ?? null,
});
