// The portal's public URLs in one place.
import { slugify } from '@/lib/slug';

/** /vorlagen/<slug> */
export const paperUrl = (slug: string) => `/vorlagen/${slug}`;
/** /sitzungen/<slug> */
export const meetingUrl = (slug: string) => `/sitzungen/${slug}`;
/** /sitzungen/<slug>.ics: the calendar file of one meeting. */
export const meetingCalendarUrl = (slug: string) => `${meetingUrl(slug)}.ics`;
/** /sitzungen/<slug>#top-<number>: the anchor of one agenda item on the meeting page. */
export const agendaItemUrl = (meetingSlug: string, number: string) => `${meetingUrl(meetingSlug)}#${agendaItemAnchor(number)}`;
/** Anchor id of an agenda item: "Ö 13" -> "top-oe-13". */
export const agendaItemAnchor = (number: string) => `top-${slugify(number, Infinity)}`;
/** /forderungen/<id>: the page of one demand. */
export const demandUrl = (id: number) => `/forderungen/${id}`;
/** Anchor id of a demand on its paper or meeting page: "forderung-12". */
export const demandAnchor = (id: number) => `forderung-${id}`;
/** /gremien/<slug> */
export const organizationUrl = (slug: string) => `/gremien/${slug}`;
/** /personen/<slug> */
export const personUrl = (slug: string) => `/personen/${slug}`;

/** A list URL with the given query parameters; empty values are left out. */
export function listUrl(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
