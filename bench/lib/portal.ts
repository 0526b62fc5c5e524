// The portal as benchmarks use it: a generated corpus in its own data folder, migrated to the current schema,
// and the built server (dist/) running on it on a free port.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, runMeasured } from './measure';

/** Folder, environment and database URL of the corpus with `papers` papers (data/bench-<papers>). */
export function corpus(root: string, papers: number): { dir: string; env: { DATA_DIR: string; DATABASE_URL: string } } {
  const dir = path.join(root, 'data', `bench-${papers}`);
  return { dir, env: { DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, 'ratsfaden.db')}` } };
}

/** Runs one of the project's TypeScript scripts in a child process, measuring its time and peak memory. */
export function runScript(root: string, script: string, args: string[], env: NodeJS.ProcessEnv) {
  return runMeasured(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Generates the corpus when it is missing, then applies pending migrations (corpora outlive schema changes). */
export async function ensureCorpus(root: string, papers: number): Promise<void> {
  const { dir, env } = corpus(root, papers);
  if (!fs.existsSync(path.join(dir, 'ratsfaden.db'))) {
    console.error(`Korpus ${papers} fehlt, wird erzeugt …`);
    const made = await runScript(root, 'bench/corpus.ts', ['--papers', String(papers)], {});
    if (made.code !== 0) throw new Error(`bench:corpus endete mit ${made.code}`);
  }
  const migrated = await runScript(root, 'src/cli/migrate.ts', [], env);
  if (migrated.code !== 0) throw new Error(`Die Migration des Korpus ${papers} endete mit ${migrated.code}`);
}

/** Builds the corpus's search index when it has none (`DATA_DIR/search/manifest.json`); resolves with the build, or null if reused. */
export async function ensureSearchIndex(root: string, papers: number): Promise<Awaited<ReturnType<typeof runScript>> | null> {
  const { dir, env } = corpus(root, papers);
  if (fs.existsSync(path.join(dir, 'search', 'manifest.json'))) return null;
  fs.rmSync(path.join(dir, 'search'), { recursive: true, force: true });
  console.error(`Index für ${papers} Vorlagen wird gebaut …`);
  const build = await runScript(root, 'src/cli/search-index.ts', [], env);
  if (build.code !== 0) throw new Error(`search:index endete mit ${build.code}`);
  return build;
}

/** A running portal: its base URL, its process and how to stop it. */
export interface RunningPortal {
  base: string;
  process: ChildProcess;
  stop: () => void;
}

/** Starts the built server (scripts/serve.mjs over dist/) on the corpus and resolves once it answers. Needs `npm run build` first. */
export async function startPortal(root: string, env: NodeJS.ProcessEnv): Promise<RunningPortal> {
  const entry = path.join(root, 'dist/server/entry.mjs');
  if (!fs.existsSync(entry)) throw new Error('dist/server/entry.mjs fehlt: bitte zuerst `npm run build` ausführen.');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], { cwd: root, env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${base}/`).then((r) => r.ok, () => false)) return { base, process: child, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`Der Server antwortete nicht auf ${base}.`);
}
