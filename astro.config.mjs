// Astro configuration: server output on the Node adapter, in-memory route cache, origin checks for forms.
import { defineConfig, memoryCache } from 'astro/config';
import node from '@astrojs/node';
import { workerTasks } from './src/lib/server/workers/vite-plugin.ts';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321 },
  cache: { provider: memoryCache() },
  // Uploads: attachments up to 20 MB (src/lib/server/uploads.ts) plus the form around them.
  security: { checkOrigin: true, actionBodySizeLimit: 21 * 1024 * 1024, csp: {
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
    ssr: { external: ['@libsql/client', 'libsql', 'isomorphic-dompurify', 'jsdom', '@node-rs/argon2', 'unpdf', 'pagefind'] },
  },
});
