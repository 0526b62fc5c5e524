// The HTTP server of a built Ratsfaden (dist/): answers repeat views of public pages from the page cache without
// entering Astro, hands everything else to Astro's Node handler (static files, then pages, endpoints and actions).
// Run by `npm start` after the database is prepared; tests and benchmarks start this file directly.
// Plain JavaScript on purpose: Node runs it without a build step.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
// The adapter's standalone mode would start its own server on import; this file owns the server instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(pathToFileURL(path.join(root, 'dist/server/entry.mjs')).href);

/** The page cache's Node-side fast path, registered by src/lib/server/cache/fast-path.ts once the app is loaded. */
const FAST_PATH = Symbol.for('ratsfaden.pageCache.fastPath');

/** What the portal answers: pages and files (GET, HEAD) and forms (POST). Anything else (TRACE, PUT, …) gets 405. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST']);

const server = http.createServer((req, res) => {
  if (!ALLOWED_METHODS.has(req.method ?? '')) {
    res.writeHead(405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('Diese Art der Anfrage unterstützt Ratsfaden nicht. Erlaubt sind GET, HEAD und POST.\n');
    return;
  }
  const fastPath = globalThis[FAST_PATH];
  if (fastPath && fastPath(req, res)) return;
  handler(req, res);
});

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);
server.listen(port, host, () => console.log(`Ratsfaden läuft auf http://${host}:${port}`));

// SIGTERM (systemd, docker, the tests): stop taking connections, let open requests finish, then exit.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
