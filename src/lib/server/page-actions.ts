// Post/redirect/get for back-office pages, in one place: a page lists the actions its forms post, and this turns
// the outcome into a 303 with its notice (?hinweis=<key>), or into the status of a refused post (422, 409, 401,
// 403, 413) with what the page needs to show it again: the failure, the submitted form (for keep()) and a preview.
import type { ActionError } from 'astro:actions';
import type { ActionResult, FormFailure, Preview } from '@/actions/support';
import { noticeFor } from '@/lib/notices';
import { submittedForm } from '@/lib/server/form-state';

/** An action of `astro:actions` as a page refers to it (`actions.papers.save`). */
type PageAction = { toString(): string };

/** Where a successful post lands when its action names no other page: an anchor on this page (`#anlagen`). */
type Landing = `#${string}`;

/** An action the page handles, optionally with the anchor on this page its success lands at. */
export type HandledAction = PageAction | readonly [PageAction, Landing];

/** What a page needs from Astro's page context. */
interface PageContext {
  getActionResult: (action: never) => { data?: unknown; error?: ActionError } | undefined;
  request: Request;
  url: URL;
  redirect: (path: string, status?: 301 | 302 | 303 | 307 | 308) => Response;
  response: { status?: number };
}

/** The outcome of this request's post, as a page renders it after a refusal (or on a plain GET: all null). */
export interface ActionOutcome {
  /** Name of the action that ran ('papers.save'), or null. */
  ran: string | null;
  /** The refused result of the action that ran. */
  failure: FormFailure | null;
  /** The error of an action refused before it ran (not signed in, no permission, too large). */
  error: ActionError | null;
  /** The form as submitted, for keep(). */
  form: FormData | null;
  /** The Markdown preview asked for. */
  preview: Preview | null;
  /** The confirmation of the post that redirected here (?hinweis=). */
  notice: string | null;
  /** Whether `action` is the one that ran. */
  is(action: PageAction): boolean;
  /** The failure of `action`, when it ran and was refused. */
  failureOf(action: PageAction): FormFailure | null;
  /** The error of `action`, when it ran and was refused before running. */
  errorOf(action: PageAction): ActionError | null;
  /** The submitted form, when `action` ran. */
  formOf(action: PageAction): FormData | null;
}

/** An entry's action and the anchor its success lands at on this page (null: the page's top). */
function partsOf(entry: HandledAction): [PageAction, Landing | null] {
  return Array.isArray(entry) ? [entry[0] as PageAction, entry[1] as Landing] : [entry as PageAction, null];
}

/** The name of an action ('papers.save') from its query string ('?_action=papers.save'). */
function nameOf(action: PageAction): string {
  return new URLSearchParams(String(action)).get('_action') ?? String(action);
}

/** `target` (a path, optionally with #anchor) with `?hinweis=<notice>` added before the anchor. */
function withNotice(target: string, notice: string | null, base: URL): string {
  const url = new URL(target, base);
  if (notice) url.searchParams.set('hinweis', notice);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Handles the actions a back-office page's forms post (call it right after the page's role guard). A success
 * answers 303 to the action's own redirect, else to this page (at the anchor given with the action), with
 * `?hinweis=<notice>`: post/redirect/get, so a reload never repeats the post. A refusal sets the status (the
 * failure's, 409 for a conflict, 422 otherwise; the error's for 401/403/413) and is returned with the submitted
 * form so the page shows the messages next to the fields and keeps what was typed. A preview is returned as is.
 */
export async function handleActions(astro: PageContext, handled: readonly HandledAction[]): Promise<Response | ActionOutcome> {
  const getResult = astro.getActionResult as (action: PageAction) => { data?: unknown; error?: ActionError } | undefined;
  let ran: { action: PageAction; landing: Landing | null; data?: ActionResult; error?: ActionError } | null = null;
  for (const entry of handled) {
    const [action, landing] = partsOf(entry);
    const result = getResult(action);
    if (result) {
      ran = { action, landing, data: result.data as ActionResult | undefined, error: result.error };
      break;
    }
  }
  const form = ran ? await submittedForm(astro.request) : null;
  const data = ran?.data;
  if (data?.ok && !data.preview) {
    const target = data.redirect ?? `${astro.url.pathname}${ran!.landing ?? ''}`;
    return astro.redirect(withNotice(target, data.notice, astro.url), 303);
  }
  const failure = data && !data.ok ? data : null;
  const error = ran?.error ?? null;
  if (failure) astro.response.status = failure.status ?? (failure.conflict ? 409 : 422);
  else if (error) astro.response.status = error.status;
  const name = ran ? nameOf(ran.action) : null;
  const is = (action: PageAction) => name !== null && nameOf(action) === name;
  return {
    ran: name,
    failure,
    error,
    form,
    preview: data?.ok && data.preview ? data.preview : null,
    notice: noticeFor(astro.url),
    is,
    failureOf: (action) => (is(action) ? failure : null),
    errorOf: (action) => (is(action) ? error : null),
    formOf: (action) => (is(action) ? form : null),
  };
}
