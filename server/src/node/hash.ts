import { createHash } from 'node:crypto';

/** SHA-256 of a string's UTF-8 bytes as hex (the scaffold's "generated, unchanged" marker). */
export function nodeTextSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
