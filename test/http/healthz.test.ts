// /healthz as a load balancer and monitoring read it: JSON, never cached, no secrets.
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../support/base-url';

describe('/healthz', () => {
  it('reports the database, current migrations, a present search index and the change log position', async () => {
    const response = await fetch(serverUrl('/healthz'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const health = await response.json();
    expect(health).toMatchObject({ database: 'ok', migrations: 'aktuell', changes: { applied: expect.any(Number) } });
    expect(['ok', 'eingeschränkt']).toContain(health.status);
    expect(['aktuell', 'veraltet']).toContain(health.search.state);
    expect(Date.parse(health.search.updatedAt)).not.toBeNaN();
    expect(JSON.stringify(health)).not.toMatch(/password|token|secret|DATABASE_URL|file:/i);
  });
});
