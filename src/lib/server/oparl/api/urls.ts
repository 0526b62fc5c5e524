// The OParl API's URLs, always built from PUBLIC_URL (src/lib/server/public-url.ts), never from the request.
import { absoluteUrl } from '@/lib/server/public-url';

/** Path of the API's System object; every other path lies below it. */
export const OPARL_PATH = '/oparl/v1';

/** The object types the API serves, by the names the code uses. */
export const objectKinds = ['body', 'organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file', 'legislativeTerm', 'location'] as const;
export type ObjectKind = (typeof objectKinds)[number];

/** The lists each body offers, by the names the code uses. */
export const bodyListKinds = ['organization', 'person', 'meeting', 'paper', 'legislativeTerm', 'location', 'agendaItem', 'consultation', 'file', 'membership'] as const;
export type BodyListKind = (typeof bodyListKinds)[number];

/** URL segment of each kind (`agendaItem` → `agenda-item`). */
const segments: Record<ObjectKind, string> = {
  body: 'body', organization: 'organization', person: 'person', membership: 'membership', meeting: 'meeting', agendaItem: 'agenda-item',
  paper: 'paper', consultation: 'consultation', file: 'file', legislativeTerm: 'legislative-term', location: 'location',
};

/** OParl's type name of each kind. */
const typeNames: Record<ObjectKind, string> = {
  body: 'Body', organization: 'Organization', person: 'Person', membership: 'Membership', meeting: 'Meeting', agendaItem: 'AgendaItem',
  paper: 'Paper', consultation: 'Consultation', file: 'File', legislativeTerm: 'LegislativeTerm', location: 'Location',
};

/** The kind a URL segment names, or null. */
export function kindOfSegment(segment: string | undefined): ObjectKind | null {
  return (objectKinds.find((kind) => segments[kind] === segment) as ObjectKind | undefined) ?? null;
}

/** The body list a URL segment names, or null. */
export function bodyListOfSegment(segment: string | undefined): BodyListKind | null {
  const kind = kindOfSegment(segment);
  return kind && (bodyListKinds as readonly string[]).includes(kind) ? (kind as BodyListKind) : null;
}

/** The schema URL of an OParl 1.1 type (`https://schema.oparl.org/1.1/Paper`). */
export function typeUrl(kind: ObjectKind | 'System' | 'Error'): string {
  return `https://schema.oparl.org/1.1/${kind === 'System' || kind === 'Error' ? kind : typeNames[kind]}`;
}

/** The System object's URL. */
export function systemUrl(): string {
  return absoluteUrl(OPARL_PATH);
}

/** The list of all bodies. */
export function bodiesUrl(): string {
  return absoluteUrl(`${OPARL_PATH}/body`);
}

/** The URL of one object. */
export function objectUrl(kind: ObjectKind, id: number): string {
  return absoluteUrl(`${OPARL_PATH}/${segments[kind]}/${id}`);
}

/** The path of one of a body's lists (`/oparl/v1/body/1/paper`). */
export function bodyListPath(bodyId: number, list: BodyListKind): string {
  return `${OPARL_PATH}/body/${bodyId}/${segments[list]}`;
}

/** The URL of one of a body's lists. */
export function bodyListUrl(bodyId: number, list: BodyListKind): string {
  return absoluteUrl(bodyListPath(bodyId, list));
}

/** The German page documenting the vendor extension. */
export function extensionPageUrl(): string {
  return absoluteUrl('/oparl/erweiterung');
}

/** A portal page (`web`). */
export function webUrl(path: string): string {
  return absoluteUrl(path);
}

/** The value if it is an absolute http(s) URL (OParl's `format: url`), else undefined. */
export function httpUrlOrUndefined(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
