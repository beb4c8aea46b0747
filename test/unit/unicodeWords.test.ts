/**
 * The sentence patterns' cheaper word boundaries (server/src/core/conceptWording/unicodeWords.ts)
 * must match exactly what the full four-lookaround boundary matches.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SENTENCES } from '../../server/src/core/conceptWording';
import { referenceWordPattern, unicodeWordPattern, writtenAs } from '../../server/src/core/conceptWording/unicodeWords';
import { prefilterOf } from '../../server/src/core/regexPrefilter';

const LETTER = /^[\p{L}\p{N}_]$/u;

describe('unicode word patterns', () => {
  it('test only the side of a boundary the pattern does not fix', () => {
    const before = unicodeWordPattern(String.raw`\b(?:is|are)\b`).source;
    assert.ok(before.startsWith(String.raw`(?<![\p{L}\p{N}_])(?:is|are)(?![\p{L}\p{N}_])`), before);
    // Unsure sides keep the full boundary: an optional letter, a class with a non-letter, a lone \b.
    for (const source of [String.raw`s?\b`, String.raw`\b[a-z-]`, String.raw`\b`, String.raw`\b\d`]) {
      assert.match(unicodeWordPattern(source).source, /\(\?<=\[\\p\{L\}/, source);
    }
    // Greek iota's case variants include a combining mark (not a letter): no shortcut after it.
    assert.match(unicodeWordPattern(String.raw`\bι`).source, /\(\?<=\[\\p\{L\}/);
    assert.equal(unicodeWordPattern(String.raw`[\w-]+`).source, String.raw`[\p{L}\p{N}_-]+`);
  });

  it('match what the full boundary matches, for every sentence pattern', () => {
    const pieces = [
      ...new Set(
        SENTENCES.flatMap(({ pattern }) => [
          ...(writtenAs(pattern)?.source.match(/[\p{L}\p{N}' -]{2,}/gu) ?? []),
          ...(prefilterOf(pattern)?.allOf.flat() ?? []),
        ]),
      ),
    ];
    const odd = ['ſ', '\u212A', 'İ', '\u0345', 'ι', '_', '-', '.', 'é', '9', '\u1c80', ' ', 'ǅ'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...odd), fc.string({ maxLength: 3 })), {
        maxLength: 10,
      })
      .chain((parts) => fc.constantFrom(' ', '').map((glue) => parts.join(glue)));
    const pairs = SENTENCES.map(({ id, pattern }) => {
      const written = writtenAs(pattern);
      assert.ok(written, `${id} is built by unicodeWordPattern`);
      return { id, pattern, reference: referenceWordPattern(written.source, written.flags) };
    });
    let matched = 0;
    fc.assert(
      fc.property(text, fc.boolean(), (sentence, upper) => {
        const input = upper ? sentence.toUpperCase() : sentence;
        for (const { id, pattern, reference } of pairs) {
          const expected = reference.exec(input)?.[0];
          assert.equal(pattern.exec(input)?.[0], expected, `${id} on ${JSON.stringify(input)}`);
          if (expected !== undefined) matched++;
        }
      }),
      { numRuns: 3_000, seed: 13 },
    );
    assert.ok(matched > 200, `the random sentences exercised the patterns (${matched} matches)`);
  });

  it('only shortcut next to characters whose case variants are all letters', () => {
    // Every non-ASCII literal the patterns put beside a \b, and anything matching it under /iu.
    const sides = new Set<string>();
    for (const { pattern } of SENTENCES) {
      const source = writtenAs(pattern)?.source ?? '';
      for (const match of source.matchAll(/(.)\\b|\\b(?:\(\?:)?(.)/gu)) {
        const char = match[1] ?? match[2] ?? '';
        if (char.codePointAt(0)! >= 0x80) sides.add(char);
      }
    }
    const letters = [...sides].filter((char) => LETTER.test(char));
    assert.ok(letters.length > 0, 'some patterns put non-ASCII letters beside a boundary');
    const any = new RegExp(`^[${letters.join('')}]$`, 'iu');
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!any.test(char)) continue;
      // A shortcut was only taken if the character is certainly a letter; the reference would
      // disagree on a case variant that is not one.
      const shortcut = !/\(\?<=\[/.test(
        unicodeWordPattern(String.raw`\b${letters.find((l) => new RegExp(`^${l}$`, 'iu').test(char))}`).source,
      );
      if (shortcut)
        assert.ok(LETTER.test(char), `U+${code.toString(16)} matches a shortcut letter but is not a letter`);
    }
  });
});
