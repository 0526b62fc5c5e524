// What the thin routes under src/pages/oparl/v1/ answer: the System object, the bodies, one object, a body's list;
// JSON errors for unknown objects (404) and bad parameters (400). Answers are cached like the public pages.
import { recordId } from '@/lib/record-id';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { answer, oparlJson, oparlNotFound } from './http';
import { bodiesSource, bodyListSource, listPage } from './lists';
import { getObject } from './objects';
import { parseListQuery } from './query';
import { systemObject } from './system';
import { bodyListOfSegment, bodyListPath, kindOfSegment, OPARL_PATH } from './urls';
import { loadBodies } from './master';

/** What a route hands over from Astro. */
interface RouteContext {
  url: URL;
  locals: App.Locals;
}

/**
 * Page-cache tags of OParl answers (docs/decisions/0008-page-cache.md). An object embeds and references records of
 * nearly every kind (a paper its consultations, files, demands and follow-ups; a meeting its agenda), and visibility
 * follows parents, so every answer names every kind: any save drops the API's cached answers, never a stale one.
 */
const ALL_KINDS = ['body', 'organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file', 'demand', 'followUp', 'legislativeTerm', 'location'];

/** German names of the kinds, for 404 messages. */
const notFoundNames: Record<string, string> = {
  body: 'Diese Körperschaft', organization: 'Diese Gruppierung', person: 'Diese Person', membership: 'Diese Mitgliedschaft', meeting: 'Diese Sitzung',
  agendaItem: 'Dieser Tagesordnungspunkt', paper: 'Diese Drucksache', consultation: 'Diese Beratung', file: 'Diese Datei', legislativeTerm: 'Diese Wahlperiode', location: 'Dieser Ort',
};

/** GET /oparl/v1: the System object. */
export function systemResponse(context: RouteContext): Promise<Response> {
  return answer(async () => {
    // Nothing saved changes it (PUBLIC_URL is read at start).
    cachePublicPage(context, []);
    return oparlJson(systemObject());
  });
}

/** GET /oparl/v1/body: the list of public bodies. */
export function bodiesResponse(context: RouteContext): Promise<Response> {
  return answer(async () => {
    const query = parseListQuery(context.url);
    cachePublicPage(context, ['body', 'legislativeTerm']);
    return oparlJson(await listPage(bodiesSource(), `${OPARL_PATH}/body`, context.url, query));
  });
}

/** GET /oparl/v1/<kind>/<id>: one object (or its tombstone). */
export function objectResponse(context: RouteContext, kindSegment: string | undefined, idSegment: string | undefined): Promise<Response> {
  return answer(async () => {
    const kind = kindOfSegment(kindSegment);
    if (!kind) return oparlNotFound('Diese Adresse');
    const id = recordId(idSegment);
    const object = id === null ? null : await getObject(kind, id, { omitInternal: false });
    if (!object) return oparlNotFound(notFoundNames[kind]);
    cachePublicPage(context, ALL_KINDS);
    return oparlJson(object);
  });
}

/** GET /oparl/v1/body/<id>/<list>: a page of one of a public body's lists. */
export function bodyListResponse(context: RouteContext, idSegment: string | undefined, listSegment: string | undefined): Promise<Response> {
  return answer(async () => {
    const list = bodyListOfSegment(listSegment);
    const bodyId = recordId(idSegment);
    if (!list) return oparlNotFound('Diese Liste');
    if (bodyId === null || !(await loadBodies([bodyId], { omitInternal: true })).has(bodyId)) return oparlNotFound(notFoundNames.body);
    const query = parseListQuery(context.url);
    cachePublicPage(context, ALL_KINDS);
    return oparlJson(await listPage(bodyListSource(bodyId, list), bodyListPath(bodyId, list), context.url, query));
  });
}

/** Any other path below /oparl/v1. */
export function unknownPathResponse(): Response {
  return oparlNotFound('Diese Adresse');
}
