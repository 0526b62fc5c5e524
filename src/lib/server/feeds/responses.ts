// Small response helpers for endpoints that are not pages (feeds, calendars, exports).
/** An Atom document with the right type. */
export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** An iCalendar document, offered for download under `fileName`. */
export function calendarResponse(ics: string, fileName: string): Response {
  return new Response(ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `inline; filename="${fileName}"`, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** A plain German 404 for machine-readable endpoints. */
export function notFoundText(message: string): Response {
  return new Response(`${message} Bitte prüfen Sie die Adresse.\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
