// Health of this instance as JSON for load balancers and monitoring: the database answers, and how far this
// instance has followed the change log (other instances' saves). No secrets, never cached.
import type { APIRoute } from 'astro';
import { getDb } from '@/lib/server/db';
import { appliedChangeId } from '@/lib/server/changes/sync';

export const GET: APIRoute = async () => {
  let database = 'ok';
  try {
    await getDb().$client.execute('SELECT 1');
  } catch {
    database = 'nicht erreichbar';
  }
  const body = { status: database === 'ok' ? 'ok' : 'gestört', database, changes: { applied: appliedChangeId() } };
  return new Response(JSON.stringify(body), {
    status: database === 'ok' ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
