// The HTTP server of a built Ratsfaden (dist/): refuses what it must from the headers (./server/refusals.mjs),
// answers repeat views of public pages from the page cache without entering Astro, hands everything else to
// Astro's Node handler (static files, then pages, endpoints and actions), logs each request and shuts down
// gracefully. Run by `npm start` after the database is prepared; tests and benchmarks start this file directly.
// Plain JavaScript on purpose: Node runs it without a build step.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { refused } from './server/refusals.mjs';
import { logRequest } from './server/request-log.mjs';
import { followAnswer, handleShutdown } from './server/shutdown.mjs';

const root = path.resolve(import.meta.dirname, '..');
// The adapter's standalone mode would start its own server on import; this file owns the server instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(pathToFileURL(path.join(root, 'dist/server/entry.mjs')).href);

/** The page cache's Node-side fast path, registered by src/lib/server/cache/fast-path.ts once the app is loaded. */
const FAST_PATH = Symbol.for('ratsfaden.pageCache.fastPath');

const server = http.createServer((req, res) => {
  logRequest(req, res);
  followAnswer(server, res, stopping);
  if (refused(req, res)) return;
  const fastPath = globalThis[FAST_PATH];
  if (fastPath && fastPath(req, res)) return;
  handler(req, res);
});
const stopping = handleShutdown(server);

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);
server.listen(port, host, () => console.log(`Ratsfaden läuft auf http://${host}:${port}`));
