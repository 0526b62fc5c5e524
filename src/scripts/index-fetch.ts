// Batches Pagefind's requests for index files. A query asks for a dozen small files at once: the filter
// chunks, the index chunks of its words, then one fragment per hit of the page. Each request costs the
// browser (at most six connections per host over HTTP/1.1) and the server more than the file itself, so
// the requests Pagefind makes in one turn of the event loop for files of one bundle go out as one
// request to /suchindex/p/<bundle>/batch/<kind>/<names> (src/lib/server/search/files.ts), and each of
// Pagefind's fetches gets its own file back. A single file, or a batch the server refuses, is fetched as usual.

const INDEX_FILE = /^\/suchindex\/(p\/[A-Za-z0-9._-]+)\/(fragment|filter|index)\/([A-Za-z0-9_-]+)\.pf_(fragment|filter|index)$/;
/** Same limit as the server's. */
const BATCH_LIMIT = 64;

interface Pending {
  url: string;
  name: string;
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

/** Splits a batch body into its files (each preceded by its length, 4 bytes big-endian). */
export function splitBatch(body: ArrayBuffer, count: number): Uint8Array<ArrayBuffer>[] {
  const view = new DataView(body);
  const files: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 4 > body.byteLength) throw new Error('batch too short');
    const length = view.getUint32(offset);
    offset += 4;
    if (offset + length > body.byteLength) throw new Error('batch too short');
    files.push(new Uint8Array(body, offset, length));
    offset += length;
  }
  if (offset !== body.byteLength) throw new Error('batch too long');
  return files;
}

/** Installs the batching in front of window.fetch (once); other requests pass through unchanged. */
export function batchIndexFetches(): void {
  const w = window as typeof window & { __indexFetchBatching?: true };
  if (w.__indexFetchBatching) return;
  w.__indexFetchBatching = true;
  const plainFetch = window.fetch.bind(window);
  let queue = new Map<string, Pending[]>();
  let scheduled = false;

  const single = (p: Pending) => plainFetch(p.url).then(p.resolve, p.reject);

  const send = async (group: string, list: Pending[]) => {
    if (list.length === 1) return single(list[0]!);
    // Names sorted, so the same files make the same URL: the page preloads the filter chunks' batch this way.
    const items = list.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const [bundle, kind] = group.split('|') as [string, string];
    try {
      const response = await plainFetch(`/suchindex/${bundle}/batch/${kind}/${items.map((p) => p.name).join(',')}`);
      if (!response.ok) throw new Error(`batch ${response.status}`);
      const files = splitBatch(await response.arrayBuffer(), items.length);
      items.forEach((p, i) => p.resolve(new Response(files[i]!, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } })));
    } catch {
      items.forEach(single);
    }
  };

  const flush = () => {
    scheduled = false;
    const groups = queue;
    queue = new Map();
    for (const [group, items] of groups) for (let i = 0; i < items.length; i += BATCH_LIMIT) void send(group, items.slice(i, i + BATCH_LIMIT));
  };

  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
    const m = url !== null && !init ? INDEX_FILE.exec(new URL(url, location.href).origin === location.origin ? new URL(url, location.href).pathname : '') : null;
    if (!m || m[2] !== m[4]) return plainFetch(input, init);
    return new Promise<Response>((resolve, reject) => {
      const group = `${m[1]}|${m[2]}`;
      const list = queue.get(group) ?? [];
      list.push({ url: url!, name: m[3]!, resolve, reject });
      queue.set(group, list);
      // Pagefind asks for all files of a step synchronously (one map over chunks or hits), so a microtask
      // later they are all queued; a timer would add a task turn (several ms on a busy page).
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    });
  };
}
