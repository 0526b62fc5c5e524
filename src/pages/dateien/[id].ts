// Serves one published attachment with its type, a safe Content-Disposition and nosniff.
import fs from 'node:fs';
import type { APIRoute } from 'astro';
import { getPublicFile } from '../../lib/server/files';

export const GET: APIRoute = async ({ params, rewrite }) => {
  const id = /^\d{1,9}$/.test(params.id ?? '') ? Number(params.id) : null;
  const file = id === null ? null : await getPublicFile(id);
  if (!file) return rewrite('/404');
  const fileName = file.fileName ?? file.name;
  const inline = file.mimeType === 'application/pdf';
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(fs.readFileSync(file.path), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
};
