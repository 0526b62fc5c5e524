/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in back-office user, or null; set by src/middleware.ts. */
    user: import('./lib/server/auth/session').SessionUser | null;
    /** The current session, or null. */
    session: import('./lib/server/auth/session').ValidSession['session'] | null;
    /** Set by a public page that may be cached (src/lib/server/cache/public-page.ts). */
    pageCache?: import('./lib/server/cache/public-page').PageCacheRequest;
  }
}
