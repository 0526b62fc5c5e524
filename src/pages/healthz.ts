// Health of this instance as JSON for load balancers and monitoring (src/lib/server/health.ts). 503 when it cannot
// serve (database unreachable, migrations pending); 200 otherwise, also while search is missing or stale. Never cached.
import type { APIRoute } from 'astro';
import { checkHealth } from '@/lib/server/health';

export const GET: APIRoute = async () => {
  const health = await checkHealth();
  return new Response(JSON.stringify(health), {
    status: health.status === 'gestört' ? 503 : 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
