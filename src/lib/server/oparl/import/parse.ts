// Tolerant reading of OParl objects: the type from 1.0 or 1.1 URLs, text cleaned of stray whitespace, vendor
// properties and missing timestamps noted, tombstones recognized with or without a type, each type checked with zod
// (safeParse: an object that does not fit is skipped and logged, never fatal).
import { z } from 'zod';
import { deviationKinds as k, type DeviationLog } from './deviations';

/** The OParl types the importer reads. */
export const oparlTypes = ['System', 'Body', 'LegislativeTerm', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location'] as const;
export type OparlType = (typeof oparlTypes)[number];

const common = ['id', 'type', '$schema', 'license', 'keyword', 'created', 'modified', 'web', 'deleted'];
/** Properties of each type in OParl 1.1 (schema/*.json); anything else is a vendor property. */
const knownProperties: Record<OparlType, Set<string>> = {
  System: new Set([...common, 'oparlVersion', 'otherOparlVersions', 'body', 'name', 'contactEmail', 'contactName', 'website', 'vendor', 'product']),
  Body: new Set([...common, 'system', 'shortName', 'name', 'website', 'licenseValidSince', 'oparlSince', 'ags', 'rgs', 'equivalent', 'contactEmail', 'contactName', 'organization', 'person', 'meeting', 'paper', 'legislativeTerm', 'agendaItem', 'consultation', 'file', 'locationList', 'legislativeTermList', 'membership', 'classification', 'location', 'mainOrganization']),
  LegislativeTerm: new Set([...common, 'body', 'name', 'startDate', 'endDate']),
  Organization: new Set([...common, 'body', 'name', 'membership', 'meeting', 'consultation', 'shortName', 'post', 'subOrganizationOf', 'organizationType', 'classification', 'startDate', 'endDate', 'website', 'location', 'externalBody', 'memberCount', 'votingMemberCount']),
  Person: new Set([...common, 'body', 'name', 'familyName', 'givenName', 'formOfAddress', 'affix', 'title', 'gender', 'phone', 'email', 'location', 'locationObject', 'status', 'membership', 'image', 'life', 'lifeSource']),
  Membership: new Set([...common, 'person', 'organization', 'role', 'votingRight', 'startDate', 'endDate', 'onBehalfOf']),
  Meeting: new Set([...common, 'name', 'meetingState', 'cancelled', 'start', 'end', 'location', 'organization', 'participant', 'invitation', 'resultsProtocol', 'verbatimProtocol', 'auxiliaryFile', 'agendaItem']),
  AgendaItem: new Set([...common, 'meeting', 'number', 'order', 'name', 'public', 'consultation', 'result', 'resolutionText', 'resolutionFile', 'auxiliaryFile', 'start', 'end']),
  Paper: new Set([...common, 'body', 'name', 'reference', 'date', 'paperType', 'relatedPaper', 'superordinatedPaper', 'subordinatedPaper', 'mainFile', 'auxiliaryFile', 'location', 'originatorPerson', 'underDirectionOf', 'originatorOrganization', 'consultation']),
  Consultation: new Set([...common, 'paper', 'agendaItem', 'meeting', 'organization', 'authoritative', 'role']),
  File: new Set([...common, 'name', 'fileName', 'mimeType', 'date', 'size', 'sha1Checksum', 'sha512Checksum', 'text', 'accessUrl', 'downloadUrl', 'externalServiceUrl', 'masterFile', 'derivativeFile', 'fileLicense', 'meeting', 'agendaItem', 'person', 'paper']),
  Location: new Set([...common, 'description', 'geojson', 'streetAddress', 'room', 'postalCode', 'subLocality', 'locality', 'bodies', 'organizations', 'persons', 'meetings', 'papers']),
};

/** Properties holding one line of text: stray whitespace and line breaks are collapsed to single spaces. */
const lineProperties = new Set(['name', 'shortName', 'reference', 'number', 'role', 'paperType', 'organizationType', 'classification', 'familyName', 'givenName', 'formOfAddress', 'description', 'fileName', 'result', 'room', 'streetAddress', 'locality', 'meetingState']);

const url = z.string().min(1);
const text = z.string().nullish().transform((v) => v ?? null);
const bool = z.union([z.boolean(), z.string().transform((v) => v === 'true' || v === '1')]).nullish();
const urls = z.array(z.union([url, z.looseObject({ id: url })])).nullish().transform((v) => (v ?? []).map((x) => (typeof x === 'string' ? x : x.id)));
const ref = z.union([url, z.looseObject({ id: url })]).nullish().transform((v) => (v == null ? null : typeof v === 'string' ? v : v.id));
/** A date or date-time; only the calendar day is kept for date fields. */
const day = z.string().nullish().transform((v) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null));
const base = { id: url, web: z.string().nullish().transform((v) => v ?? null), created: text, modified: text };
const embedded = z.unknown().optional();
const embeddedList = z.array(z.unknown()).nullish().transform((v) => v ?? []);

/** zod schemas of what the importer uses of each type; everything else is kept out. */
export const schemas = {
  System: z.looseObject({ ...base, name: z.string().nullish(), body: url, website: text, oparlVersion: text }),
  Body: z.looseObject({
    ...base, name: z.string().min(1), shortName: text, website: text, classification: text,
    organization: url, person: url, meeting: url, paper: url, legislativeTerm: embeddedList,
    legislativeTermList: z.string().nullish(), locationList: z.string().nullish(), membership: z.string().nullish(),
  }),
  LegislativeTerm: z.looseObject({ ...base, name: z.string().nullish(), startDate: day, endDate: day }),
  Organization: z.looseObject({
    ...base, name: z.string().nullish(), shortName: text, organizationType: text, classification: text, startDate: day, endDate: day,
    subOrganizationOf: ref, membership: embeddedList,
  }),
  Person: z.looseObject({
    ...base, name: z.string().nullish(), familyName: text, givenName: text, formOfAddress: text,
    title: z.union([z.array(z.string()), z.string()]).nullish().transform((v) => (Array.isArray(v) ? v.join(' ') : v) || null),
    membership: embeddedList,
  }),
  Membership: z.looseObject({ ...base, person: ref, organization: ref, role: text, votingRight: bool, startDate: day, endDate: day, onBehalfOf: ref }),
  Meeting: z.looseObject({
    ...base, name: z.string().nullish(), meetingState: text, cancelled: bool, start: z.string().nullish(), end: z.string().nullish(),
    location: embedded, organization: urls, agendaItem: embeddedList,
    invitation: embedded, resultsProtocol: embedded, verbatimProtocol: embedded, auxiliaryFile: embeddedList,
  }),
  AgendaItem: z.looseObject({
    ...base, number: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v))), order: z.number().int().nullish(),
    name: z.string().nullish(), public: bool, result: text, resolutionText: text, resolutionFile: embedded, auxiliaryFile: embeddedList,
  }),
  Paper: z.looseObject({
    ...base, name: z.string().nullish(), reference: text, date: day, paperType: text, underDirectionOf: urls,
    originatorPerson: urls, originatorOrganization: urls, consultation: embeddedList, mainFile: embedded, auxiliaryFile: embeddedList,
  }),
  Consultation: z.looseObject({ ...base, meeting: ref, agendaItem: ref, organization: urls, role: text, authoritative: bool }),
  File: z.looseObject({
    ...base, name: z.string().nullish(), fileName: text, mimeType: text,
    size: z.number().int().nonnegative().nullish(), sha1Checksum: text, sha512Checksum: text, accessUrl: z.string().nullish(), downloadUrl: text,
  }),
  Location: z.looseObject({
    ...base, description: text, streetAddress: text, room: text, postalCode: text, subLocality: text, locality: text,
    geojson: z.unknown().optional(),
  }),
} satisfies Record<OparlType, z.ZodType>;

/** What each schema yields. */
export type Parsed<T extends OparlType> = z.output<(typeof schemas)[T]>;

/** The type named by an OParl type URL (`https://schema.oparl.org/1.0/Paper` → Paper), and whether it is 1.0. */
export function typeOf(value: unknown): { type: OparlType; v10: boolean } | null {
  if (typeof value !== 'string') return null;
  const match = /oparl\.org\/(1\.[01])\/([A-Za-z]+)\/?$/.exec(value) ?? /^([A-Za-z]+)$/.exec(value);
  const name = match?.[match.length - 1];
  const type = oparlTypes.find((t) => t === name);
  return type ? { type, v10: match?.[1] === '1.0' } : null;
}

/** Collapses runs of whitespace (line breaks, tabs, non-breaking spaces) to single spaces and trims. */
export function cleanLine(value: string): string {
  return value.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** A read object: a usable one of its type, a tombstone, or nothing usable (logged). */
export type Read<T extends OparlType> = { kind: 'object'; type: T; value: Parsed<T> } | { kind: 'deleted'; id: string } | { kind: 'skipped' };

/**
 * Reads one OParl object expected to be of `expected`, logging each deviation with its id. `embeddedIn` marks
 * objects embedded in another, which OParl lets omit some properties (their parent's back-reference).
 */
export function readObject<T extends OparlType>(raw: unknown, expected: T, log: DeviationLog): Read<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    log.add(k.invalid, String(raw).slice(0, 80), `kein Objekt, erwartet ${expected}`);
    return { kind: 'skipped' };
  }
  const object = raw as Record<string, unknown>;
  const id = typeof object.id === 'string' ? object.id : '(ohne id)';
  if (object.deleted === true) {
    if (object.type === undefined) log.add(k.tombstoneWithoutType, id);
    return typeof object.id === 'string' ? { kind: 'deleted', id } : { kind: 'skipped' };
  }
  const type = typeOf(object.type);
  if (!type) {
    if (object.type === undefined) log.add(k.typeMissing, id, `als ${expected} gelesen`);
    else {
      log.add(k.invalid, id, `type „${String(object.type)}“, erwartet ${expected}`);
      return { kind: 'skipped' };
    }
  } else if (type.type !== expected) {
    log.add(k.invalid, id, `type ${type.type}, erwartet ${expected}`);
    return { kind: 'skipped' };
  } else if (type.v10) log.add(k.typeUrl10, id);
  if (object.created === undefined || object.modified === undefined) log.add(k.noTimestamps, id);
  const cleaned: Record<string, unknown> = {};
  const vendor: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (!knownProperties[expected].has(key)) vendor.push(key);
    if (typeof value === 'string' && lineProperties.has(key)) {
      const line = cleanLine(value);
      if (line !== value) log.add(k.whitespace, id, key);
      cleaned[key] = line === '' ? null : line;
    } else cleaned[key] = value;
  }
  if (vendor.length) log.add(k.vendorProperty, id, vendor.join(', '));
  const result = schemas[expected].safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    log.add(k.invalid, id, `${expected}: ${issue?.path.join('.') || 'Objekt'} – ${issue?.message ?? 'ungültig'}`);
    return { kind: 'skipped' };
  }
  return { kind: 'object', type: expected, value: result.data as Parsed<T> };
}
