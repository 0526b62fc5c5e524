// For http tests that need servers of their own: several processes of the built server (scripts/serve.mjs) on one
// private copy of the template database and one DATA_DIR, as several instances of a deployment run. Each records
// its errors like the shared test server (server-preload.ts), into a log of its own that the test file checks.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { openDatabase, type Database } from '@/lib/server/db';
import { copyTemplateTo, ensureTemplateDb } from './template';
import { fileUrl, projectRoot, tmpDir } from './paths';
import { freePort } from './ports';
import { TEST_FILE_HEADER } from './server-errors';
import { stopProcess } from './process';

/** One running server process. */
export interface Instance {
  baseUrl: string;
  process: ChildProcess;
  /** The file its stdout and stderr go to (request log, messages), kept across restarts. */
  log: string;
}

/** Servers sharing one database and data folder, with what the test needs to arrange and check. */
export interface Deployment {
  instances: Instance[];
  /** The shared database, for arranging accounts and checking rows. */
  db: Database;
  /** The deployment's DATA_DIR (search index, attachments) and its database's libsql URL. */
  dataDir: string;
  databaseUrl: string;
  /** The environment the servers run with (for commands run beside them, e.g. npm run backup). */
  env: Record<string, string>;
  /** Errors the servers logged (stderr, uncaught exceptions, 5xx), as recorded by server-preload.ts. */
  errors: () => string[];
  /** Stops instance `i` as an operator would (SIGTERM) and resolves once it has exited. */
  halt: (i: number) => Promise<void>;
  /** Kills instance `i` with SIGKILL (as a crash would) and resolves once it has exited. */
  crash: (i: number) => Promise<void>;
  /** Starts instance `i` again on the same database, data folder and port (after crash or stop); resolves once it answers. */
  restart: (i: number, env?: Record<string, string>) => Promise<Instance>;
  stop: () => Promise<void>;
}

const serveScript = path.join(projectRoot, 'scripts/serve.mjs');
const preload = path.join(projectRoot, 'test/support/server-preload.ts');


/** Starts `count` server processes named after `name` on a fresh database copy; stop them in afterAll. */
export async function startDeployment(name: string, count: number, env: Record<string, string> = {}): Promise<Deployment> {
  const dir = path.join(tmpDir, `deployment-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  await ensureTemplateDb();
  const dbFile = path.join(dir, 'ratsfaden.db');
  copyTemplateTo(dbFile);
  const errorLog = path.join(dir, 'errors.jsonl');
  fs.writeFileSync(errorLog, '');
  const instances: Instance[] = [];
  const killAll = () => instances.forEach((i) => i.process.kill('SIGKILL'));
  process.once('exit', killAll);
  const ports: number[] = [];
  const logOf = (i: number) => path.join(dir, `server-${i + 1}.log`);
  const spawnInstance = (i: number, extra: Record<string, string> = {}): ChildProcess => {
    const port = ports[i]!;
    const log = fs.openSync(logOf(i), 'a');
    const child = spawn(process.execPath, ['--no-warnings', '--import', preload, serveScript], {
      cwd: projectRoot,
      env: {
        ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: fileUrl(dbFile), DATA_DIR: path.join(dir, 'data'),
        RATSFADEN_TEST_ERROR_LOG: errorLog, RATSFADEN_TEST_FILE_HEADER: TEST_FILE_HEADER, ...env, ...extra,
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    return child;
  };
  // The timeout only stops a hang: a server that never answers.
  const answering = (list: Instance[]) => vi.waitFor(async () => {
    for (const instance of list) {
      if (instance.process.exitCode !== null) throw new Error(`Ein Server hat sich beim Start beendet (Protokolle in ${dir}).`);
      await fetch(`${instance.baseUrl}/healthz`);
    }
  }, { interval: 150, timeout: 120_000 });
  for (let i = 0; i < count; i++) {
    ports.push(await freePort());
    instances.push({ baseUrl: `http://127.0.0.1:${ports[i]}`, process: spawnInstance(i), log: logOf(i) });
  }
  await answering(instances);
  const db = openDatabase(fileUrl(dbFile));
  return {
    instances,
    db,
    dataDir: path.join(dir, 'data'),
    databaseUrl: fileUrl(dbFile),
    env: { DATABASE_URL: fileUrl(dbFile), DATA_DIR: path.join(dir, 'data'), ...env },
    halt: (i) => stopProcess(instances[i]!.process),
    errors: () => fs.readFileSync(errorLog, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { message: string }).message),
    crash: async (i) => {
      const child = instances[i]!.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    restart: async (i, extra) => {
      await stopProcess(instances[i]!.process);
      instances[i] = { baseUrl: instances[i]!.baseUrl, process: spawnInstance(i, extra), log: logOf(i) };
      await answering([instances[i]!]);
      return instances[i]!;
    },
    stop: async () => {
      process.off('exit', killAll);
      db.$client.close();
      await Promise.all(instances.map((i) => stopProcess(i.process)));
    },
  };
}

/** Signs `account` in at the server `base`, the form posted from `origin` (the portal's public address); returns the session cookie (`name=value`). */
export async function signIn(base: string, account: { email: string; password: string }, origin = base): Promise<string> {
  const login = await fetch(`${base}/verwaltung/anmelden?_action=auth.login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ email: account.email, password: account.password, next: '/verwaltung' }),
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='));
  if (!cookie) throw new Error(`Die Anmeldung von ${account.email} an ${base} ist fehlgeschlagen (HTTP ${login.status}).`);
  return cookie.split(';')[0]!;
}

