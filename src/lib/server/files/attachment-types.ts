// The attachment types accepted, each recognised by its first bytes (never by name or the browser's type), with
// its own size limit and the child-process task that reads its text. Office formats are not accepted yet
// (docs/decisions/0004-attachments.md). The request body limit of scripts/serve.mjs (21 MB for an upload) and
// Astro's actionBodySizeLimit must stay above the largest limit here.
import { uploadMessages } from '@/lib/validation/messages';

const MB = 1024 * 1024;

/** One accepted type of attachment. */
export interface AttachmentType {
  mimeType: string;
  /** Its name for clerks, as in „PDF-Dateien“. */
  label: string;
  /** Largest accepted file of this type. */
  maxBytes: number;
  /** Whether content starts like this type (its first SNIFF_BYTES bytes are given). */
  matches: (head: Uint8Array) => boolean;
  /** Task module that returns the file's text for search (run in a child process, workers/child-process.ts). */
  textTask: URL;
}

/** How many leading bytes the type checks look at. */
export const SNIFF_BYTES = 8;

const startsWith = (head: Uint8Array, magic: string) => head.length >= magic.length && Buffer.from(head.subarray(0, magic.length)).toString('latin1') === magic;

/** Every accepted type, in the order they are tried. */
export const attachmentTypes: readonly AttachmentType[] = [
  { mimeType: 'application/pdf', label: 'PDF', maxBytes: 20 * MB, matches: (head) => startsWith(head, '%PDF-'), textTask: new URL('./pdf-text.task.ts', import.meta.url) },
];

/** Largest file of any accepted type. */
export const MAX_UPLOAD_BYTES = Math.max(...attachmentTypes.map((type) => type.maxBytes));

/** The accepted type content belongs to by its first bytes, or null. */
export function attachmentTypeOf(head: Uint8Array): AttachmentType | null {
  return attachmentTypes.find((type) => type.matches(head.subarray(0, SNIFF_BYTES))) ?? null;
}

/** German reason why a file of this type and size is refused (too large for its type), or null. */
export function sizeProblem(type: AttachmentType, size: number): string | null {
  return size > type.maxBytes ? uploadMessages.tooLarge(type.label, type.maxBytes / MB) : null;
}
