// OParl answers: UTF-8 JSON with CORS open to every origin, and JSON error objects (OParl's Error type).
import { typeUrl } from './urls';

/** Headers of every OParl answer. */
export const OPARL_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' } as const;

/** A bad request parameter; becomes a 400 with its German message. */
export class BadParameter extends Error {}

/** A JSON answer. */
export function oparlJson(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: OPARL_HEADERS });
}

/** OParl's error object with a German message for people and an English `debug` for developers. */
export function oparlError(status: number, message: string, debug: string): Response {
  return oparlJson({ type: typeUrl('Error'), message, debug }, status);
}

/** 404 for an object or path the API does not know. */
export function oparlNotFound(what = 'Dieses Objekt'): Response {
  return oparlError(404, `${what} ist nicht bekannt. Beginnen Sie beim System-Objekt unter /oparl/v1 und folgen Sie dessen Verweisen.`, 'not found');
}

/** Runs a handler; a BadParameter becomes a 400. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof BadParameter) return oparlError(400, error.message, 'bad request parameter');
    throw error;
  }
}
