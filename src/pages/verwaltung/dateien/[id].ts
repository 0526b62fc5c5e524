// Serves any attachment (drafts included) to clerks, with the same safe headers as the public route.
import type { APIRoute } from 'astro';
import { recordId } from '@/lib/record-id';
import { hasRole } from '@/lib/server/auth/guard';
import { getFileForClerk } from '@/lib/server/files/upload';
import { fileResponse } from '@/lib/server/files/response';

export const GET: APIRoute = async ({ params, locals, rewrite, redirect, url }) => {
  if (!locals.user) return redirect(`/verwaltung/anmelden?weiter=${encodeURIComponent(url.pathname)}`, 303);
  if (!hasRole(locals.user, 'clerk')) return new Response('Für diese Datei fehlt Ihnen die Berechtigung.', { status: 403 });
  const id = recordId(params.id);
  const file = id === null ? null : await getFileForClerk(id);
  if (!file) return rewrite('/404');
  return fileResponse(file, { 'Cache-Control': 'no-store' });
};
