// robots.txt and security.txt (RFC 9116): small texts for crawlers and security researchers, with absolute URLs
// from PUBLIC_URL (src/lib/server/public-url.ts), never from the request's Host header.
import { absoluteUrl } from '@/lib/server/public-url';

/**
 * robots.txt: everything public may be crawled; the back office, form posts, server-rendered search results (endless
 * combinations of a query) and the search index files are not pages to list. The sitemap names every public page.
 */
export function robotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /verwaltung',
    'Disallow: /_actions',
    'Disallow: /suche?',
    'Disallow: /suchindex/',
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml')}`,
    '',
  ].join('\n');
}

/** How long a security.txt stays valid from the day it is served (RFC 9116 asks for less than a year). */
const SECURITY_TXT_DAYS = 180;

let warned = false;

/**
 * The Contact lines of security.txt: SECURITY_CONTACT (comma-separated; an e-mail address becomes mailto:, https: and
 * tel: URIs are kept), else the Impressum, which names how to reach the body. A value that is none of these is
 * reported once and left out.
 */
export function securityContacts(raw = process.env.SECURITY_CONTACT): string[] {
  const contacts: string[] = [];
  for (const part of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/^(mailto:|https:\/\/|tel:)\S+$/i.test(part)) contacts.push(part);
    else if (/^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(part)) contacts.push(`mailto:${part}`);
    else if (!warned) {
      warned = true;
      console.warn(`SECURITY_CONTACT: „${part}“ ist weder eine E-Mail-Adresse noch eine mailto:-, https://- oder tel:-Adresse und wird nicht angegeben.`);
    }
  }
  return contacts.length ? contacts : [absoluteUrl('/impressum')];
}

/** security.txt (RFC 9116) as of `now`: Contact, Expires (start of the day, 180 days on), Preferred-Languages, Canonical. */
export function securityTxt(now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + SECURITY_TXT_DAYS));
  return [
    ...securityContacts().map((c) => `Contact: ${c}`),
    `Expires: ${day.toISOString()}`,
    'Preferred-Languages: de, en',
    `Canonical: ${absoluteUrl('/.well-known/security.txt')}`,
    '',
  ].join('\n');
}

/** A plain-text response (robots.txt, security.txt). */
export function textResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
