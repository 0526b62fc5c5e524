// Numeric record ids from URLs.
/** The id in a URL segment or query value ("12"), or null for anything else ("12a", "-1", "", too long). */
export function recordId(value: string | null | undefined): number | null {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : null;
}
