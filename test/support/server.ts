// globalSetup of the http and e2e projects: serves the built app (dist/) on a copy of the template database.
// The server runs with server-preload.ts, which records every error it logs; the test files report those of their
// own requests (setup/server-errors.ts), and the teardown fails the run on any that no file reported.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTemplateDb, copyTemplateTo } from './template';
import { openDatabase } from '@/lib/server/db';
import { buildAll } from '@/lib/server/search/indexer';
import { freePort } from './ports';
import { fileUrl, projectRoot, tmpDir } from './paths';
import { insertTestUsers } from './users';
import { describeServerErrors, readServerErrors, resetServerErrors, serverErrorLog, TEST_FILE_HEADER, unreportedServerErrors } from './server-errors';
import { stopProcess } from './process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the test server, e.g. "http://127.0.0.1:41234" (no trailing slash). */
    baseUrl: string;
    /** libsql URL of the server's database copy, for tests that arrange rows the pages should (not) show. */
    serverDatabaseUrl: string;
  }
}

const entry = path.join(projectRoot, 'dist/server/entry.mjs');
const serveScript = path.join(projectRoot, 'scripts/serve.mjs');
const dbFile = path.join(tmpDir, 'server.db');
const dataDir = path.join(tmpDir, 'server-data');
const logFile = path.join(tmpDir, 'server.log');
const preload = path.join(projectRoot, 'test/support/server-preload.ts');
// How long the server may take to answer after its start: a guard against a server that never comes up, generous
// because a loaded machine is slow; a server that exits is reported at once.
const START_TIMEOUT_MS = 120_000;

interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

// http and e2e each run this setup in the same Vitest process; they share one server on one database copy.
const SHARED = Symbol.for('ratsfaden.test.server');
const registry = globalThis as typeof globalThis & { [SHARED]?: { users: number; server: Promise<RunningServer> } };

function tail(file: string, lines = 30): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

async function waitUntilAnswering(child: ChildProcess, baseUrl: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `Exit-Code ${code ?? '–'}, Signal ${signal ?? '–'}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Der Testserver hat sich beim Start beendet (${exited}). Ausgabe (${logFile}):\n${tail(logFile)}`);
    try {
      await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(START_TIMEOUT_MS), redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`Der Testserver antwortet nach ${START_TIMEOUT_MS / 1000} s nicht auf GET ${baseUrl}/. Ausgabe (${logFile}):\n${tail(logFile)}`);
}


async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(entry)) {
    throw new Error(`${path.relative(projectRoot, entry)} fehlt. Die http- und e2e-Tests prüfen den gebauten Server: \`npm test\` baut ihn vorher, sonst erst \`npm run build\` ausführen.`);
  }
  await ensureTemplateDb();
  copyTemplateTo(dbFile);
  // The back office needs accounts to log in with (test/support/users.ts holds their passwords).
  await insertTestUsers(fileUrl(dbFile));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  // The search page needs an index: built from the server's database copy with the real indexer.
  // Tiny partitions cut the seed corpus into two (2014 and 2022), so the browser merges partitions as on a big corpus.
  const indexDb = openDatabase(fileUrl(dbFile));
  const partitionSize = process.env.SEARCH_PARTITION_SIZE;
  process.env.SEARCH_PARTITION_SIZE = '5';
  try {
    await buildAll(indexDb.$client, { dir: path.join(dataDir, 'search') });
  } finally {
    indexDb.$client.close();
    if (partitionSize === undefined) delete process.env.SEARCH_PARTITION_SIZE;
    else process.env.SEARCH_PARTITION_SIZE = partitionSize;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'w');
  resetServerErrors();
  // process.execPath is the Node 24 that runs Vitest (npm scripts put the pinned `node` package first on PATH).
  // --no-warnings: the preload prints Node's warnings to stdout itself, so that they are not taken for errors.
  const child = spawn(process.execPath, ['--no-warnings', '--import', preload, serveScript], {
    cwd: projectRoot,
    env: {
      ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: fileUrl(dbFile), DATA_DIR: dataDir,
      RATSFADEN_TEST_ERROR_LOG: serverErrorLog, RATSFADEN_TEST_FILE_HEADER: TEST_FILE_HEADER,
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  // Never leave a server behind, even if Vitest dies without running the teardown.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilAnswering(child, baseUrl);
    const startErrors = readServerErrors();
    if (startErrors.length) throw new Error(`Der Testserver hat beim Start Fehler protokolliert (Ausgabe: ${logFile}):\n${describeServerErrors(startErrors)}`);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    baseUrl,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

/** Starts the built server (once for all projects using it), provides `baseUrl`, stops it after the last project. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[SHARED] ??= { users: 0, server: startServer() });
  shared.users += 1;
  let server: RunningServer;
  try {
    server = await shared.server;
  } catch (error) {
    shared.users -= 1;
    if (shared.users === 0) delete registry[SHARED];
    throw error;
  }
  project.provide('baseUrl', server.baseUrl);
  project.provide('serverDatabaseUrl', fileUrl(dbFile));
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[SHARED];
    await server.stop();
    // Vitest reports an error thrown here and exits with code 1.
    const unreported = unreportedServerErrors();
    if (unreported.length) {
      throw new Error(`Der Testserver hat Fehler protokolliert, die keine Testdatei gemeldet hat (ohne Anfrage einer Testdatei, oder im Hintergrund nach dem letzten Test der Datei). Protokoll: ${serverErrorLog}\n${describeServerErrors(unreported)}`);
    }
  };
}
