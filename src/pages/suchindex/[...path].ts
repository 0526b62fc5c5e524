// GET /suchindex/…: the search index files for the browser, single or in batches (see lib/server/search/files.ts).
import type { APIRoute } from 'astro';
import { searchBatchResponse, searchFileResponse } from '@/lib/server/search/files';

export const GET: APIRoute = ({ params, request }) => {
  const relative = params.path ?? '';
  const encoding = request.headers.get('accept-encoding');
  return (
    (relative.includes('/batch/') ? searchBatchResponse(relative, encoding) : searchFileResponse(relative, encoding)) ??
    new Response('Nicht gefunden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  );
};
