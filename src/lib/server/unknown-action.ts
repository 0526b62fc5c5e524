// A post naming an action that does not exist (an old form, a typo, a probe) gets a 404 with a German message:
// never a 500, and never the page rendered as if nothing had been asked. A post to a known action that is no form
// (JSON, for instance, which Astro would parse before the action and answer a broken body with a 500) gets a 415.
import { actionMessages } from '@/lib/validation/messages';

/** Every action name ("papers.save", "preview") in a registry of actions and groups of actions. */
export function actionNames(registry: object, prefix = ''): Set<string> {
  const names = new Set<string>();
  for (const [key, value] of Object.entries(registry)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'function') names.add(name);
    else if (value && typeof value === 'object') for (const inner of actionNames(value, name)) names.add(inner);
  }
  return names;
}

/** The action a request asks for: the RPC path `/_actions/<name>` or a page form's `?_action=<name>` (POST only), or null. */
export function requestedAction(request: Request, url: URL): { name: string; from: 'rpc' | 'form' } | null {
  if (request.method !== 'POST') return null;
  if (url.pathname.startsWith('/_actions/')) return { name: decodeURIComponent(url.pathname.slice('/_actions/'.length)).replace(/\/+$/, ''), from: 'rpc' };
  const name = url.searchParams.get('_action');
  return name === null ? null : { name, from: 'form' };
}

/** Where a page form's unknown action is answered (src/pages/aktion-unbekannt.astro). */
export const UNKNOWN_ACTION_PAGE = '/aktion-unbekannt';

/** The JSON an RPC call to an unknown action gets, shaped like Astro's own action errors. */
export function unknownActionRpcResponse(): Response {
  return new Response(JSON.stringify({ type: 'AstroActionError', code: 'NOT_FOUND', status: 404, message: actionMessages.unknown }), {
    status: 404,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/** True when a request's body is a form (multipart or URL-encoded), the only kind every action here accepts. */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded';
}

/** The JSON answer to an action post that is not a form, shaped like Astro's own action errors. */
export function notAFormResponse(): Response {
  return new Response(JSON.stringify({ type: 'AstroActionError', code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: actionMessages.formOnly }), {
    status: 415,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
