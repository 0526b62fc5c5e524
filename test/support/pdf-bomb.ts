// Builds a decompression bomb: a valid one-page PDF whose content stream is FlateDecode-compressed zeros, about
// 1 KB of file per MB of inflated stream. Built from one compressed 16 MB segment repeated (a segment of zeros,
// flushed to a byte boundary, decodes the same after any number of zeros before it), so a gigabyte takes
// milliseconds to build, not seconds of deflating.
import zlib from 'node:zlib';

const SEGMENT_BYTES = 16 * 1024 * 1024;

/** Raw deflate of zeros, each segment flushed to a byte boundary: the first segment, and the one that repeats after it. */
async function segments(): Promise<{ first: Buffer; repeat: Buffer }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const zero = Buffer.alloc(SEGMENT_BYTES);
  const segment = () =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      const collect = (chunk: Buffer) => chunks.push(chunk);
      deflate.on('data', collect);
      deflate.write(zero);
      deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        deflate.off('data', collect);
        resolve(Buffer.concat(chunks));
      });
    });
  const first = await segment();
  const repeat = await segment();
  const again = await segment();
  deflate.close();
  if (!again.equals(repeat)) throw new Error('Der komprimierte Nullblock wiederholt sich nicht wie erwartet.');
  return { first, repeat };
}

/** A zlib stream (header, deflate, Adler-32) of `count` segments of zeros. */
async function zeros(count: number): Promise<Buffer> {
  const { first, repeat } = await segments();
  const length = count * SEGMENT_BYTES;
  // Adler-32 of zeros: a stays 1, b adds 1 per byte.
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((length % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), first, ...Array<Buffer>(count - 1).fill(repeat), Buffer.from([0x03, 0x00]), adler]);
}

/** A PDF whose one page's content stream inflates to at least `megabytes` MB of zeros. */
export async function makePdfBomb(megabytes: number): Promise<Uint8Array> {
  const stream = await zeros(Math.max(1, Math.ceil((megabytes * 1024 * 1024) / SEGMENT_BYTES)));
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  const objects: (string | null)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    null,
  ];
  objects.forEach((body, i) => {
    offsets.push(length);
    if (body) return add(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    add(Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'));
    add(stream);
    add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  });
  const xref = length;
  add(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
