// Bounds the number of fields in a posted form before anything parses it: parsing and validating cost grows with the
// field count, and no form of the portal has more than a few hundred (a meeting's agenda is the longest).
import { formMessages } from '@/lib/validation/messages';
import { refusalResponse } from '@/lib/server/refusal';

/** Most fields a form post may carry. */
export const MAX_FORM_FIELDS = 2000;

/** How many fields a URL-encoded or multipart body holds, counted over its bytes in one pass (no parsing). */
export function countFormFields(contentType: string, body: Uint8Array): number {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return countOccurrences(bytes, Buffer.from('&')) + (bytes.length > 0 ? 1 : 0);
  if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) return 0;
    // Each part starts with a delimiter line; the last delimiter closes the body.
    return Math.max(0, countOccurrences(bytes, Buffer.from(`--${boundary[1] ?? boundary[2]}`)) - 1);
  }
  return 0;
}

function countOccurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** A 413 for a form post with more than MAX_FORM_FIELDS fields, or null when the form is within bounds. */
export async function refuseFieldFlood(request: Request): Promise<Response | null> {
  const contentType = request.headers.get('content-type');
  if (request.method !== 'POST' || !contentType || !request.body) return null;
  const fields = countFormFields(contentType, new Uint8Array(await request.clone().arrayBuffer()));
  if (fields <= MAX_FORM_FIELDS) return null;
  return refusalResponse(request, 413, formMessages.tooManyFields(MAX_FORM_FIELDS), { href: '/verwaltung', label: 'Zur Verwaltung' });
}
