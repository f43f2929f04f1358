/**
 * A document's type, decided from its first bytes (never from its name or
 * the type the uploader declared): PDF, PNG and JPEG are the only types kept.
 */
import type { DocumentContentType } from './document.entity';

const SIGNATURES: ReadonlyArray<{ type: DocumentContentType; bytes: readonly number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** How many bytes the decision needs. */
export const MAGIC_BYTES = Math.max(...SIGNATURES.map((s) => s.bytes.length));

/** The content type of content starting with `head`, or null when it is none of the types kept. */
export function sniffContentType(head: Uint8Array): DocumentContentType | null {
  return SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte))?.type ?? null;
}
