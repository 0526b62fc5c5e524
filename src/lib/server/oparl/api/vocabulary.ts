// Our code names in OParl's words: paper types, organization types and classifications, meeting states,
// consultation roles. (The importer keeps its own mapping the other way round.)
import type { MeetingState, OrganizationKind, PaperType } from '@/lib/domain/vocabulary';
import { paperTypeLabels } from '@/lib/domain/labels';

/** `organizationType`: one of the values the specification recommends. */
const organizationTypes: Record<OrganizationKind, string> = {
  committee: 'Gremium',
  council: 'Gremium',
  group: 'Fraktion',
  office: 'Verwaltungsbereich',
  other: 'Sonstiges',
};

/** `classification` when the body states none: the specification's terms ("Parlament" for the council). */
const defaultClassifications: Record<OrganizationKind, string | undefined> = {
  committee: 'Ausschuss',
  council: 'Parlament',
  group: 'Fraktion',
  office: 'Verwaltungsbereich',
  other: undefined,
};

/** `meetingState`: the values the specification recommends. */
const meetingStateNames: Record<MeetingState, string> = {
  planned: 'terminiert',
  invited: 'eingeladen',
  held: 'durchgeführt',
};

/** OParl `paperType` of a paper type; unknown values pass as "Sonstige Vorlage". */
export function oparlPaperType(value: string): string {
  // `paperType` is free text in OParl: the names German council systems use, which are the portal's own labels.
  return paperTypeLabels[value as PaperType] ?? paperTypeLabels.sonstige;
}

/** OParl `organizationType` of an organization kind. */
export function oparlOrganizationType(kind: string): string {
  return organizationTypes[kind as OrganizationKind] ?? organizationTypes.other;
}

/** OParl `classification`: the body's own term where it states one, else the specification's term for the kind. */
export function oparlClassification(kind: string, classification: string | null): string | undefined {
  return classification?.trim() || defaultClassifications[kind as OrganizationKind];
}

/** OParl `meetingState` of a meeting state. */
export function oparlMeetingState(state: string): string | undefined {
  return meetingStateNames[state as MeetingState];
}

/** OParl `role` of a consultation: our free text, or "Entscheidung" for an authoritative one that names none. */
export function oparlConsultationRole(role: string | null, authoritative: boolean): string | undefined {
  return role?.trim() || (authoritative ? 'Entscheidung' : undefined);
}
