// Serves one published attachment with its type, a safe Content-Disposition and nosniff; `?download=1` always as a
// download (OParl's downloadUrl).
import type { APIRoute } from 'astro';
import { recordId } from '@/lib/record-id';
import { getPublicFile } from '@/lib/server/files/read';
import { fileResponse } from '@/lib/server/files/response';

export const GET: APIRoute = async ({ params, url, rewrite }) => {
  const id = recordId(params.id);
  const file = id === null ? null : await getPublicFile(id);
  if (!file) return rewrite('/404');
  return fileResponse(file, {}, url.searchParams.get('download') === '1');
};
