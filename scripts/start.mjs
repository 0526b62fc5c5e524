// `npm start`: builds the server if the sources are newer than the build, prepares the database, serves.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const entry = path.join(root, 'dist/server/entry.mjs');
const inputs = ['src', 'public', 'db/schema', 'astro.config.mjs', 'package-lock.json'];

/** Newest modification time under the given paths, in ms. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const child of fs.readdirSync(p)) visit(path.join(p, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

if (!fs.existsSync(entry) || newestMtime(inputs) > fs.statSync(entry).mtimeMs) {
  console.log('Ratsfaden wird gebaut …');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) {
    console.error('Der Build ist fehlgeschlagen; die Meldungen oben nennen die Ursache.');
    process.exit(build.status ?? 1);
  }
}

// Migrations and the first import run in TypeScript from src/, before the server takes requests.
const unregister = register();
const { getDb, closeDb } = await import('@/lib/server/db.ts');
const { prepareDatabase } = await import('@/lib/server/prepare.ts');
try {
  const { seeded } = await prepareDatabase(getDb());
  if (seeded) console.log('Die leere Datenbank wurde mit den Inhalten aus content/ befüllt.');
} catch (error) {
  console.error(error instanceof Error ? `${error.message}${error.cause ? `\nUrsache: ${error.cause}` : ''}` : error);
  process.exit(1);
} finally {
  closeDb();
}
await unregister();

// The search index is built in the background when missing, so the portal serves at once; /suche says
// so until the first build has swapped its manifest in.
const searchManifest = path.resolve(process.env.DATA_DIR ?? 'data', 'search', 'manifest.json');
if (!fs.existsSync(searchManifest)) {
  console.log('Der Suchindex fehlt und wird im Hintergrund aufgebaut …');
  const indexer = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/search-index.ts')], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  indexer.on('exit', (code) => {
    if (code !== 0) console.error(`Der Suchindex konnte nicht aufgebaut werden (Exit-Code ${code}); \`npm run search:index\` versucht es erneut.`);
  });
}

process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
await import('./serve.mjs');
