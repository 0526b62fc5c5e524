// The portal's external address (PUBLIC_URL): absolute URLs, the origin check, the Secure cookie and HSTS use it,
// never the request's Host header, which a client or a proxy may set to anything.

/** What `npm start` serves when PUBLIC_URL is not set: the local address README.md names. */
function defaultPublicUrl(): string {
  return `http://localhost:${process.env.PORT ?? 4321}`;
}

let cached: { raw: string; origin: string } | null = null;

/** The portal's external origin (`https://ratsinfo.example.de`), from PUBLIC_URL; throws a German message when it is no http(s) address. */
export function publicOrigin(): string {
  const raw = process.env.PUBLIC_URL?.trim() || defaultPublicUrl();
  if (cached?.raw === raw) return cached.origin;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new Error(`PUBLIC_URL „${raw}“ ist keine Adresse. Setzen Sie sie auf die öffentliche Adresse des Portals, z. B. https://ratsinfo.example.de.`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL „${raw}“ muss mit https:// (oder http:// für den Betrieb ohne TLS) beginnen.`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`PUBLIC_URL „${raw}“ darf keinen Pfad enthalten: Ratsfaden wird unter der Wurzel einer Adresse betrieben.`);
  cached = { raw, origin: url.origin };
  return url.origin;
}

/** Whether the portal is reached over HTTPS (then cookies are Secure and HSTS is sent). */
export function servedOverHttps(): boolean {
  return publicOrigin().startsWith('https:');
}

/** The absolute URL of a path on the portal (`/vorlagen/x` → `https://ratsinfo.example.de/vorlagen/x`). */
export function absoluteUrl(path: string): string {
  return `${publicOrigin()}${path.startsWith('/') ? path : `/${path}`}`;
}
