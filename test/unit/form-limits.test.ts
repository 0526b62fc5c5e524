// Counting a form's fields from its bytes, before anything parses it (src/lib/server/form-limits.ts).
import { describe, expect, it } from 'vitest';
import { countFormFields } from '@/lib/server/form-limits';

async function bytesOf(body: URLSearchParams | FormData): Promise<{ type: string; bytes: Uint8Array }> {
  const request = new Request('http://portal.invalid/', { method: 'POST', body });
  return { type: request.headers.get('content-type')!, bytes: new Uint8Array(await request.arrayBuffer()) };
}

describe('countFormFields', () => {
  it('counts URL-encoded fields, repeated names included, and none in an empty body', async () => {
    const { type, bytes } = await bytesOf(new URLSearchParams([['a', '1'], ['b', 'x&y=z'], ['a', '2']]));
    expect(countFormFields(type, bytes)).toBe(3);
    expect(countFormFields(type, new Uint8Array())).toBe(0);
  });

  it('counts multipart parts, a file among them, whatever the values contain', async () => {
    const form = new FormData();
    form.append('name', 'Text mit & und = und --');
    form.append('file', new File(['%PDF-1.4 …'], 'anlage.pdf', { type: 'application/pdf' }));
    form.append('name', 'zweiter Wert');
    const { type, bytes } = await bytesOf(form);
    expect(countFormFields(type, bytes)).toBe(3);
  });

  it('reads a quoted boundary and counts nothing for other types', () => {
    const body = new TextEncoder().encode('--a b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--a b--\r\n');
    expect(countFormFields('multipart/form-data; boundary="a b"', body)).toBe(1);
    expect(countFormFields('application/json', new TextEncoder().encode('{"a":1,"b":2}'))).toBe(0);
  });
});
