// Request methods the portal does not serve are refused with 405 and the allowed ones named, never a 500.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../support/base-url';

/** Sends a request with any method (fetch refuses TRACE), returning status, headers and body. */
function send(method: string, path: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(serverUrl(path), { method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('request methods', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])('answers %s with 405 and the allowed methods', async (method) => {
    for (const path of ['/', '/vorlagen', '/verwaltung/anmelden', '/_actions/auth.login']) {
      const answer = await send(method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.allow).toBe('GET, HEAD, POST');
      expect(answer.body).toContain('Erlaubt sind GET, HEAD und POST');
    }
  });

  it('still serves GET and HEAD', async () => {
    expect((await send('GET', '/vorlagen')).status).toBe(200);
    const head = await send('HEAD', '/vorlagen');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});
