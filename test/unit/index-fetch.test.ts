// Splitting a batch of index files (src/scripts/index-fetch.ts) as the server frames it: length, then bytes.
import { describe, expect, it } from 'vitest';
import { splitBatch } from '@/scripts/index-fetch';

function frame(...files: string[]): ArrayBuffer {
  const parts = files.map((f) => new TextEncoder().encode(f));
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const p of parts) {
    view.setUint32(offset, p.length);
    out.set(p, offset + 4);
    offset += 4 + p.length;
  }
  return out.buffer;
}

describe('splitBatch', () => {
  it('returns the files in order, also empty ones', () => {
    const files = splitBatch(frame('pagefind_dcd{"a":1}', '', 'pagefind_dcd{}'), 3);
    expect(files.map((f) => new TextDecoder().decode(f))).toEqual(['pagefind_dcd{"a":1}', '', 'pagefind_dcd{}']);
  });

  it('refuses a body with fewer or more files than asked for', () => {
    expect(() => splitBatch(frame('a', 'b'), 3)).toThrow();
    expect(() => splitBatch(frame('a', 'b'), 1)).toThrow();
    expect(() => splitBatch(frame('abc').slice(0, 5), 1)).toThrow();
  });
});
