// Polite HTTP for the OParl importer: bounded concurrency, a timeout per request, retries with backoff on 5xx,
// 429 and network errors; 404/410 answer "missing" instead of failing the run.

/** How the importer talks to a source. */
export interface FetchOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Attempts per request including the first (default 4). */
  attempts?: number;
  /** Wait before the first retry in ms, doubled each time (default 500). */
  backoffMs?: number;
  /** Time a request may take in ms (default 30,000). */
  timeoutMs?: number;
}

/** A JSON document, or the status of a document the source does not have. */
export type Fetched = { ok: true; url: string; body: unknown } | { ok: false; url: string; status: number };

/** Thrown when a source still fails after all retries; says what to do. */
export class SourceUnavailable extends Error {
  constructor(readonly url: string, detail: string) {
    super(`Die Quelle antwortet nicht: ${url} (${detail}). Bitte später erneut starten; der Import setzt dort fort, wo er stand.`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bounded queue: at most `limit` tasks run at once. */
export function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** A fetcher for one run: `json(url)` and `bytes(url, maxBytes)`, both retried and bounded. */
export function createFetcher(options: FetchOptions = {}) {
  const { concurrency = 4, attempts = 4, backoffMs = 500, timeoutMs = 30_000 } = options;
  const limit = limiter(concurrency);
  let requests = 0;
  let retries = 0;

  async function attempt(url: string, accept: string): Promise<Response> {
    let lastError = '';
    for (let i = 0; i < attempts; i++) {
      if (i > 0) {
        retries++;
        await sleep(backoffMs * 2 ** (i - 1));
      }
      try {
        requests++;
        const response = await fetch(url, { headers: { accept, 'user-agent': 'Ratsfaden-OParl-Import/1.0' }, signal: AbortSignal.timeout(timeoutMs) });
        if (response.status >= 500 || response.status === 429) {
          await response.body?.cancel();
          lastError = `HTTP ${response.status}`;
          continue;
        }
        return response;
      } catch (error) {
        lastError = error instanceof Error && error.name === 'TimeoutError' ? `keine Antwort nach ${timeoutMs / 1000} s` : String((error as Error)?.message ?? error);
      }
    }
    throw new SourceUnavailable(url, `${lastError}, ${attempts} Versuche`);
  }

  return {
    /** The JSON document at `url`; `ok: false` with the status for 4xx answers. */
    json: (url: string): Promise<Fetched> =>
      limit(async () => {
        const response = await attempt(url, 'application/json');
        if (!response.ok) {
          await response.body?.cancel();
          return { ok: false, url, status: response.status };
        }
        try {
          return { ok: true, url, body: await response.json() };
        } catch {
          return { ok: false, url, status: 0 };
        }
      }),
    /** Up to `maxBytes` of the document at `url`; null for 4xx answers, `tooLarge` when it is bigger. */
    bytes: (url: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { tooLarge: true } | null> =>
      limit(async () => {
        const response = await attempt(url, '*/*');
        if (!response.ok || !response.body) {
          await response.body?.cancel();
          return null;
        }
        const declared = Number(response.headers.get('content-length'));
        if (Number.isFinite(declared) && declared > maxBytes) {
          await response.body.cancel();
          return { tooLarge: true };
        }
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of response.body) {
          size += chunk.byteLength;
          if (size > maxBytes) return { tooLarge: true };
          chunks.push(chunk);
        }
        // A fresh array of its own (not a view into Node's buffer pool), as uploads hand it on to the text extraction.
        const bytes = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
        return { bytes };
      }),
    /** Requests made and retries among them, for the summary. */
    counts: () => ({ requests, retries }),
  };
}

/** The fetcher type. */
export type Fetcher = ReturnType<typeof createFetcher>;
