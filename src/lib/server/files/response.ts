// The one way to send a stored attachment: its type, a safe Content-Disposition, nosniff and a sandbox CSP.
import fs from 'node:fs';

/** What is needed to send a stored attachment. */
export interface SendableFile {
  name: string;
  fileName: string | null;
  mimeType: string | null;
  path: string;
}

/** A response with the file's content; PDFs inline (unless `download` asks for a download), everything else as a download. */
export function fileResponse(file: SendableFile, extraHeaders: Record<string, string> = {}, download = false): Response {
  const fileName = file.fileName ?? file.name;
  const mimeType = file.mimeType ?? 'application/octet-stream';
  const inline = mimeType === 'application/pdf' && !download;
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(fs.readFileSync(file.path), {
    headers: {
      'Content-Type': mimeType,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      ...extraHeaders,
    },
  });
}
