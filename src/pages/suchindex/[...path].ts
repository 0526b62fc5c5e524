// GET /suchindex/…: the search index files for the browser (see lib/server/search/files.ts).
import type { APIRoute } from 'astro';
import { searchFileResponse } from '../../lib/server/search/files';

export const GET: APIRoute = ({ params, request }) =>
  searchFileResponse(params.path ?? '', request.headers.get('accept-encoding')) ??
  new Response('Nicht gefunden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
