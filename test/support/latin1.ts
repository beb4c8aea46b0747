/**
 * A card saved in Latin-1 (not UTF-8): its `é` and `ü` are the single bytes 0xE9 and 0xFC, which
 * a UTF-8 reader replaces with U+FFFD. For the file-not-utf8 tests over the core, CLI and server.
 */
export const LATIN1_CARD =
  '---\nlicense: apache-2.0\nlanguage: fr\npipeline_tag: text-classification\n---\n\n# Model Card for caf\u00e9-sentiment\n\nTrained on reviews from M\u00fcnchen.\n';

/** The card's bytes as saved in Latin-1. */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/** What a UTF-8 reader makes of those bytes (node's readFileSync(path, 'utf8'), an editor). */
export const LATIN1_CARD_AS_READ = new TextDecoder().decode(latin1Bytes(LATIN1_CARD));
