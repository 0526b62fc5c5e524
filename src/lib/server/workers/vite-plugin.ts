// Build step for the worker pool's task modules: in the server build, `new URL('./x.task.ts', import.meta.url)` becomes
// the URL of x.task as its own emitted chunk in dist/server, found next to the code that names it at run time. Vite
// does this for browser code only (its asset-import-meta-url plugin skips the server build). Outside `build` (Vitest,
// `astro dev`) the URL is left alone and names the source file, which the pool loads through tsx.
import path from 'node:path';
import type { Plugin } from 'vite';

/** `new URL('./….task.ts', import.meta.url)`, with the relative path captured. */
const TASK_URL = /\bnew\s+URL\(\s*(['"])(\.{1,2}\/[^'"]+\.task\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Stands for an emitted chunk's reference until the chunk's file name is known. */
const PLACEHOLDER = '__ratsfaden_worker_task__';

/** Emits every task module named by a `new URL(…, import.meta.url)` in server code as a chunk of its own. */
export function workerTasks(): Plugin {
  let build = false;
  return {
    name: 'ratsfaden:worker-tasks',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    transform(code, id) {
      if (!build || this.environment?.config.consumer !== 'server' || !code.includes('.task.ts')) return null;
      let changed = false;
      const out = code.replace(TASK_URL, (match: string, _quote, relative: string, offset: number) => {
        // Not in a comment (doc comments show the pattern).
        const line = code.slice(code.lastIndexOf('\n', offset) + 1, offset).trim();
        if (line.startsWith('//') || line.startsWith('*')) return match;
        changed = true;
        const ref = this.emitFile({ type: 'chunk', id: path.resolve(path.dirname(id.split('?')[0]!), relative), name: path.basename(relative, '.ts') });
        return `new URL(${JSON.stringify(PLACEHOLDER + ref)}, import.meta.url)`;
      });
      return changed ? { code: out, map: null } : null;
    },
    renderChunk(code, chunk) {
      if (!code.includes(PLACEHOLDER)) return null;
      // The emitted chunk's path relative to the chunk that names it (Vite's own file URLs are base-relative paths).
      const from = path.posix.dirname(chunk.fileName);
      const out = code.replace(new RegExp(`${PLACEHOLDER}([A-Za-z0-9_$-]+)`, 'g'), (_match, ref: string) => {
        const relative = path.posix.relative(from, this.getFileName(ref));
        return relative.startsWith('.') ? relative : `./${relative}`;
      });
      return { code: out, map: null };
    },
  };
}
