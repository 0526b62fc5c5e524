// Request bodies are bounded before they are read: a stranger's large POST (finding 2 of issue 11: 300 MB to the
// login page took 58 s and 2.6 GB) is refused from its headers with 413, a body of unknown length with 411, and a
// clerk's forms and uploads have limits of their own. The server stays responsive throughout.
import http from 'node:http';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverUrl } from '../support/base-url';
import { loginAs, postForm } from '../support/back-office';

const MB = 1024 * 1024;
let cookie: string;

beforeAll(async () => {
  cookie = await loginAs('clerk');
});

/** Starts a POST announcing `announced` bytes, writes `sent` of them, and resolves with the answer. */
function postPartly(path: string, headers: Record<string, string | number>, sent: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(serverUrl(path), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: inject('baseUrl'), ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    // The server may close the connection while the body is still being written: that is the point.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    request.write(Buffer.alloc(sent, 'a'));
  });
}

describe('request body limits', () => {
  it('refuses an anonymous 300 MB POST to the login page from its headers, and keeps serving', async () => {
    const answer = await postPartly('/verwaltung/anmelden?_action=auth.login', { 'Content-Length': 300 * MB }, 64 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('Die Anfrage ist zu groß: erlaubt sind höchstens 64 KB.');
    expect((await fetch(serverUrl('/vorlagen'))).status).toBe(200);
  });

  it('tells a browser so on a German page with a way back', async () => {
    const answer = await postPartly('/verwaltung/anmelden?_action=auth.login', { 'Content-Length': 300 * MB, Accept: 'text/html,application/xhtml+xml' }, 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('<html lang="de">');
    expect(answer.body).toContain('<h1>Anfrage abgelehnt</h1>');
    expect(answer.body).toContain('<a href="/">Zur Startseite</a>');
  });

  it('refuses an anonymous form just over 64 KB, but takes a login of normal size', async () => {
    const big = await fetch(serverUrl('/verwaltung/anmelden?_action=auth.login'), {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: inject('baseUrl') },
      body: new URLSearchParams({ email: 'x@example.org', password: 'p'.repeat(65 * 1024) }),
    });
    expect(big.status).toBe(413);
    const small = await postForm('/verwaltung/anmelden', 'auth.login', { email: 'niemand@example.org', password: 'falsch-aber-kurz' });
    expect(small.status).not.toBe(413);
    expect(await small.text()).toContain('E-Mail-Adresse oder Passwort ist nicht korrekt.');
  });

  it('refuses a body of unknown length (chunked) with 411', async () => {
    const answer = await postPartly('/verwaltung/anmelden?_action=auth.login', { 'Transfer-Encoding': 'chunked' }, 1024);
    expect(answer.status).toBe(411);
    expect(answer.body).toContain('Content-Length');
  });

  it('gives a clerk’s forms 4 MB: a 5 MB post is refused, a 1 MB text reaches the form’s own check', async () => {
    const refused = await postPartly('/verwaltung/vorlagen/neu?_action=papers.save', { 'Content-Length': 5 * MB, Cookie: cookie }, 1024);
    expect(refused.status).toBe(413);
    expect(refused.body).toContain('höchstens 4 MB');
    const long = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId: '1', paperType: 'antrag', date: '2026-11-02', name: 'Zu langer Text', textMd: 'x'.repeat(MB), intent: 'save' }, cookie);
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('höchstens');
  });

  it('refuses a clerk’s form with 200,000 fields at once (it used to stall the server for minutes), and keeps serving', async () => {
    const flood = new URLSearchParams({ version: '0', bodyId: '1', paperType: 'antrag', date: '2026-11-02', name: 'Feldflut', intent: 'save' });
    for (let i = 0; i < 200_000; i++) flood.append(`f${i}`, 'x');
    for (const path of ['/verwaltung/vorlagen/neu?_action=papers.save', '/_actions/papers.save']) {
      const response = await fetch(serverUrl(path), {
        method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: inject('baseUrl'), Cookie: cookie }, body: flood,
      });
      expect(response.status, path).toBe(413);
      expect(await response.text(), path).toContain('Das Formular enthält zu viele Felder: erlaubt sind höchstens 2.000.');
    }
    expect((await fetch(serverUrl('/vorlagen'))).status).toBe(200);
  });

  it('takes a form of many, but not too many, fields to the form’s own checks, multipart too', async () => {
    const fields = new FormData();
    for (const [name, value] of Object.entries({ version: '0', bodyId: '1', paperType: 'antrag', date: '2026-11-02', name: '', intent: 'save' })) fields.append(name, value);
    for (let i = 0; i < 1_900; i++) fields.append(`f${i}`, 'x');
    const response = await fetch(serverUrl('/verwaltung/vorlagen/neu?_action=papers.save'), { method: 'POST', redirect: 'manual', headers: { Origin: inject('baseUrl'), Cookie: cookie }, body: fields });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Bitte prüfen Sie die markierten Felder.');
  });
});
