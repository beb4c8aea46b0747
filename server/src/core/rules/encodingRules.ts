import { DOCUMENT_KINDS } from '../document/kind';
import type { RuleFamily } from './rule';

/**
 * A file on disk that is not valid UTF-8 (saved as Latin-1 or Windows-1252, or damaged) is read
 * with each undecodable sequence replaced by U+FFFD, so keys, values and text with them are wrong
 * without anything saying so. Only a document whose text has a U+FFFD is looked at, and then its
 * bytes on disk decide: a U+FFFD written in the file as such is valid UTF-8 and not reported.
 */
export const encodingRules: RuleFamily = {
  name: 'file-not-utf8',
  kinds: DOCUMENT_KINDS,
  codes: [
    {
      code: 'file-not-utf8',
      severity: 'warning',
      summary: 'The file on disk is not valid UTF-8: bytes that cannot be decoded were read as U+FFFD.',
    },
  ],
  check({ doc, fs, path, report }) {
    const text = doc.text.text;
    const replaced = text.indexOf('\uFFFD');
    if (replaced < 0 || path === undefined || !fs.readBinary) return;
    const bytes = fs.readBinary(path);
    const invalid = bytes ? firstInvalidUtf8(bytes) : -1;
    if (!bytes || invalid < 0) return;
    // Where the bad bytes are in the text (the editor's text may differ from the disk: then the first U+FFFD).
    const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, invalid));
    const at = before.length - (doc.text.hadBom ? 1 : 0);
    const start = text[at] === '\uFFFD' ? at : replaced;
    const byte = `0x${(bytes[invalid] as number).toString(16).toUpperCase().padStart(2, '0')}`;
    report({
      code: 'file-not-utf8',
      span: { start, end: start + 1 },
      message: `The file is not valid UTF-8: the byte ${byte} at byte offset ${invalid} (and any like it) cannot be decoded and was read as U+FFFD, so text and values with them are wrong. Save the file as UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding).`,
      data: { byteOffset: invalid },
    });
  },
};

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table
 * 3-7: no overlong forms, surrogates or code points past U+10FFFF), or -1 when all are.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return -1;
}
