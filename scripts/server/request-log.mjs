// Structured request log: one JSON line per answered request on stdout (method, path, status, ms, bytes, cache),
// for the operator's log collector. It never holds what could identify or harm someone: no query string (search
// terms may name people), no client address, no headers (cookies, tokens), no form bodies (passwords).

/** Whether requests are logged: REQUEST_LOG=off turns it off (on by default). */
const enabled = (process.env.REQUEST_LOG ?? 'on') !== 'off';

/** The action a form post names (`?_action=papers.save` or `/_actions/papers.save`), which says more than the path. */
function actionOf(url) {
  const match = /[?&]_action=([^&#]*)/.exec(url);
  return match ? decodeURIComponentSafe(match[1]) : undefined;
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Logs the request once its answer is sent (or the client went away). */
export function logRequest(req, res) {
  if (!enabled) return;
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const url = req.url ?? '/';
    const line = {
      time: new Date().toISOString(),
      method: req.method,
      path: url.split(/[?#]/)[0],
      action: req.method === 'POST' ? actionOf(url) : undefined,
      status: res.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      bytes: Number(res.getHeader('content-length')) || undefined,
      cache: res.getHeader('x-cache') || undefined,
      aborted: res.writableFinished ? undefined : true,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  });
}
