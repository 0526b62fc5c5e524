// Graceful shutdown on SIGTERM/SIGINT (systemd, docker, a deploy): the server stops taking connections, requests in
// flight are answered (their connections then close instead of staying alive), the app's background work finishes
// (a running or queued index rebuild swaps in; src/lib/server/shutdown.ts), then the process exits 0. After
// SHUTDOWN_TIMEOUT_MS (30 s by default) it exits 1 regardless.

/** The app's shutdown step, registered on globalThis by src/lib/server/shutdown.ts. */
const APP_SHUTDOWN = Symbol.for('ratsfaden.shutdown');

/** Installs the signal handlers for `server`; returns a function telling whether shutdown has begun. */
export function handleShutdown(server) {
  let stopping = false;
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) > 0 ? Number(process.env.SHUTDOWN_TIMEOUT_MS) : 30_000;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`Ratsfaden wird beendet (${signal}): laufende Anfragen werden noch beantwortet.`);
    setTimeout(() => {
      console.error(`Ratsfaden: Beenden nach ${timeoutMs / 1000} s abgebrochen; offene Anfragen wurden abgeschnitten.`);
      process.exit(1);
    }, timeoutMs).unref();
    server.close(async () => {
      try {
        await globalThis[APP_SHUTDOWN]?.();
        console.log('Ratsfaden ist beendet.');
        process.exit(0);
      } catch (error) {
        console.error('Ratsfaden: Hintergrundarbeit beim Beenden fehlgeschlagen.', error);
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal));
  return () => stopping;
}

/**
 * Called for every request: during shutdown its answer closes the connection, and once any answer is sent the
 * connections that became idle are closed, so that keep-alive clients do not hold the server open.
 */
export function followAnswer(server, res, stopping) {
  if (stopping()) res.setHeader('Connection', 'close');
  res.once('finish', () => {
    if (stopping()) setImmediate(() => server.closeIdleConnections());
  });
}
