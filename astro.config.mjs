// Astro configuration: server output on the Node adapter (served by scripts/serve.mjs), the origin check in src/middleware.ts.
// Public pages are cached by src/lib/server/cache/ (docs/decisions/0008-page-cache.md), not by Astro's route cache.
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { workerTasks } from './src/lib/server/workers/vite-plugin.ts';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321 },
  // Uploads: attachments up to 20 MB (src/lib/server/uploads.ts) plus the form around them.
  // The origin check is ours (src/lib/server/origin-check.ts): it compares with PUBLIC_URL, which Astro's cannot.
  security: { checkOrigin: false, actionBodySizeLimit: 21 * 1024 * 1024, csp: {
    // Pagefind's search runs as WebAssembly: 'wasm-unsafe-eval' allows compiling it, nothing else (no eval of JavaScript).
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    directives: ["default-src 'self'", "img-src 'self' data:", "form-action 'self'", "base-uri 'self'", "object-src 'none'"],
  } },
  trailingSlash: 'never',
  build: { inlineStylesheets: 'never' },
  vite: {
    // Worker pool tasks (src/lib/server/workers) become chunks of their own in dist/server.
    plugins: [workerTasks()],
    // Scripts stay files from 'self' (the CSP allows no inline script), however small: Vite would inline them.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
    // drizzle-orm is bundled: loaded from node_modules it is 112 modules, and Node re-reads its 179 KB package.json for
    // each, which cost some 150 MB of memory at start-up.
    ssr: { noExternal: ['drizzle-orm'], external: ['@libsql/client', 'libsql', 'isomorphic-dompurify', 'jsdom', '@node-rs/argon2', 'unpdf', 'pagefind'] },
  },
});
