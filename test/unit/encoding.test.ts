/**
 * file-not-utf8: a file whose bytes are not UTF-8 is reported at its first undecodable byte; a
 * U+FFFD that is really in the file (valid UTF-8) is not, and neither is text with no file behind it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { firstInvalidUtf8 } from '../../server/src/core/rules/encodingRules';
import { schemas } from '../support/check';
import { LATIN1_CARD, LATIN1_CARD_AS_READ, latin1Bytes } from '../support/latin1';
import { memoryFileSystem } from '../support/memoryFileSystem';

const PATH = '/work/model/README.md';

function check(text: string, onDisk: string | Uint8Array | undefined, path: string | undefined = PATH) {
  const fs = memoryFileSystem(onDisk === undefined ? {} : { [PATH]: onDisk });
  const doc = new ParsedDocument({ uri: PATH, fileName: 'README.md', version: 0, text }, { kind: 'model-card' });
  return checkDocument(doc, { schemas, fs, config: DEFAULT_CONFIG, path }).filter((d) => d.code === 'file-not-utf8');
}

describe('file-not-utf8', () => {
  it('finds the first byte that is not UTF-8 (Unicode table 3-7)', () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62], -1],
      [[0x63, 0xc3, 0xa9], -1], // é
      [[0xf0, 0x9f, 0x98, 0x80], -1], // U+1F600
      [[0xef, 0xbf, 0xbd], -1], // U+FFFD itself
      [[0x61, 0xe9, 0x62], 1], // Latin-1 é
      [[0xc0, 0xaf], 0], // overlong '/'
      [[0xe0, 0x80, 0xaf], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0x61, 0xe2, 0x82], 1], // cut short at the end
      [[0x80], 0], // a lone continuation byte
    ];
    for (const [bytes, expected] of cases)
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected, String(bytes));
  });

  it('a Latin-1 card: one warning on the first replaced character, with the bytes and their offset', () => {
    const [finding, ...rest] = check(LATIN1_CARD_AS_READ, latin1Bytes(LATIN1_CARD));
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.range.start, { line: 6, character: 20 });
    assert.equal(LATIN1_CARD_AS_READ.split('\n')[6]?.[20], '\uFFFD');
    const offset = LATIN1_CARD.indexOf('\u00e9');
    assert.match(finding!.message, new RegExp(`byte 0xE9 at byte offset ${offset} `));
    assert.deepEqual(finding?.data, { byteOffset: offset });
  });

  it('with a BOM the finding is still on the replaced character', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...latin1Bytes(LATIN1_CARD)]);
    const [finding] = check(`\uFEFF${LATIN1_CARD_AS_READ}`, bytes);
    assert.deepEqual(finding?.range.start, { line: 6, character: 20 });
  });

  it('no finding for a U+FFFD written as UTF-8, for a card with no file, or with no U+FFFD in the text', () => {
    assert.deepEqual(check(LATIN1_CARD_AS_READ, LATIN1_CARD_AS_READ), []);
    assert.deepEqual(check(LATIN1_CARD_AS_READ, undefined, undefined), []);
    assert.deepEqual(check(LATIN1_CARD_AS_READ, undefined), []);
    // The editor decoded the file with its real encoding: the text is right, nothing to say.
    assert.deepEqual(check(LATIN1_CARD, latin1Bytes(LATIN1_CARD)), []);
  });

  it('the editor text differs from the disk: the finding goes to the first U+FFFD of the text', () => {
    const edited = `---\nlicense: mit\n---\n# x \uFFFD\n`;
    const [finding] = check(edited, latin1Bytes(LATIN1_CARD));
    assert.deepEqual(finding?.range.start, { line: 3, character: 4 });
  });
});
