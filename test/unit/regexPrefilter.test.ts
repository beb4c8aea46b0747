/**
 * The prefilter in front of the sentence patterns (server/src/core/regexPrefilter.ts) may only
 * rule out texts the pattern cannot match. Checked three ways: the literals it derives for
 * hand-written patterns, the case-folding claim against every Unicode code point, and random
 * sentences built from the real patterns' own words with their case, accents and spacing mangled.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SENTENCES } from '../../server/src/core/conceptWording';
import {
  foldForPrefilter,
  foldsSafely,
  mayMatch,
  prefilterOf,
  testWithPrefilter,
} from '../../server/src/core/regexPrefilter';

describe('regex prefilter', () => {
  it('derives the literals every match must contain', () => {
    // Each set sorted: the order of the literals in a set does not matter.
    const allOf = (pattern: RegExp): (readonly string[])[] | undefined =>
      prefilterOf(pattern)?.allOf.map((set) => set.toSorted());
    // Every part of a sequence is needed, the best-filtering set first.
    assert.deepEqual(allOf(/\bis\s(?:intended|designed)\sfor\b/i), [['designed', 'intended'], ['for'], ['is']]);
    assert.deepEqual(allOf(/(?:was|were)\s\w+\s(?:collected|gathered)/i), [
      ['collected', 'gathered'],
      ['was', 'were'],
    ]);
    // Consecutive exact parts join; optional ones multiply.
    assert.deepEqual(allOf(/trained on (?:the )?data/i), [['trained on data', 'trained on the data']]);
    // Each alternative contributes its best set; a string containing another is dropped (`inputs` holds `input`).
    assert.deepEqual(allOf(/\b(?:inputs?|input)\b/i), [['input']]);
    assert.deepEqual(allOf(/(?:A100|H100)/), [['A100', 'H100']]);
    assert.deepEqual(allOf(/(?:trained on|fine-tuned on) data|corpus/i), [
      ['corpus', 'fine-tuned on data', 'trained on data'],
    ]);
    // Case-sensitive patterns keep their case; case-insensitive ones are lower-cased.
    assert.deepEqual(allOf(/GPU/i), [['gpu']]);
    // Nothing useful: an alternative with no literal, or only one-letter literals.
    assert.equal(allOf(/\d+%|accuracy/i), undefined);
    assert.equal(allOf(/a.b/), undefined);
    assert.equal(allOf(/.*/), undefined);
    // Stateful or case-changing constructs are not modelled.
    assert.equal(allOf(/model/g), undefined);
    const modifiers = supported('x(?i:model)');
    if (modifiers) assert.equal(allOf(modifiers), undefined);
    // Greek and the dotted capital I end a literal under /i: their lower case depends on context or is two characters.
    assert.deepEqual(allOf(/data σύνολο/iu), [['data ']]);
    assert.deepEqual(allOf(/İstanbul/iu), [['stanbul']]);
  });

  it('tests the pattern only when the literals are there', () => {
    const pattern = /\btrained\son\b/iu;
    const check = (text: string): boolean => mayMatch(pattern, text, foldForPrefilter(text));
    assert.equal(check('It was TRAINED on news.'), true);
    assert.equal(check('It was fine-tuned from BERT.'), false);
    assert.equal(testWithPrefilter(pattern, 'constrained only', foldForPrefilter('constrained only')), false);
    assert.equal(testWithPrefilter(pattern, 'Trained on news', foldForPrefilter('Trained on news')), true);
    // Every set must be met: one word of each side is not enough alone.
    const both = /(?:was|were)\s\w+\s(?:collected|gathered)/i;
    assert.equal(mayMatch(both, 'It was collected', 'it was collected'), true);
    assert.equal(mayMatch(both, 'data collected by hand', 'data collected by hand'), false);
    assert.equal(mayMatch(both, 'it was raining', 'it was raining'), false);
  });

  it('folds every character a case-insensitive literal can match onto that literal', () => {
    // Every character the prefilter may put in a literal under /i: the ranges foldsSafely admits,
    // and the caseless characters the real patterns use.
    const safe = new Set<string>();
    for (let code = 0; code <= 0x4ff; code++) if (foldsSafely(code)) safe.add(String.fromCodePoint(code));
    for (const { pattern } of SENTENCES) {
      for (const literal of prefilterOf(pattern)?.allOf.flat() ?? []) for (const char of literal) safe.add(char);
    }
    const fold = (char: string): string => foldForPrefilter(char);
    // 1. Folding is idempotent on them and keeps one character.
    for (const char of safe) {
      assert.equal([...fold(char)].length, 1, `${char} folds to one character`);
      assert.equal(fold(fold(char)), fold(char), `${char} folds once`);
    }
    // 2. Two of them that match each other under /iu fold alike.
    const list = [...safe];
    for (const a of list) {
      const same = new RegExp(`^${escape(a)}$`, 'iu');
      for (const b of list) if (same.test(b)) assert.equal(fold(a), fold(b), `${a} and ${b}`);
    }
    // 3. Any code point that matches one of them folds to one of them that it matches.
    const anySafe = new RegExp(`^[${list.map(escape).join('')}]$`, 'iu');
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!anySafe.test(char)) continue;
      const folded = fold(char);
      assert.ok(safe.has(folded), `U+${code.toString(16)} folds to ${folded}, outside the safe set`);
      assert.ok(new RegExp(`^${escape(folded)}$`, 'iu').test(char), `U+${code.toString(16)} matches ${folded}`);
    }
  });

  it('never rules out a sentence one of the real patterns takes', () => {
    // Sentences made of the patterns' own literals (so many do match), with case, accents,
    // ſ/K/İ and spacing mangled, and random words between.
    const words = [...new Set(SENTENCES.flatMap(({ pattern }) => prefilterOf(pattern)?.allOf.flat() ?? []))];
    const glue = ['the model', 'is', 'was', 'are', 'not', 'for', 'to', 'on', 'as', 'input', 'a', 'de', 'для', 'に', ''];
    const token = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...glue), fc.string({ maxLength: 6 }));
    const mangle = fc.constantFrom<(text: string) => string>(
      (text) => text,
      (text) => text.toUpperCase(),
      (text) => text.replace(/s/g, 'ſ').replace(/k/g, '\u212A'),
      (text) => text.replace(/i/g, 'İ'),
      (text) => text.replace(/e/g, 'É'),
    );
    let taken = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), mangle, (tokens, change) => {
        const text = change(tokens.join(' '));
        const folded = foldForPrefilter(text);
        for (const { id, pattern } of SENTENCES) {
          if (pattern.test(text)) {
            taken++;
            assert.ok(mayMatch(pattern, text, folded), `${id} takes ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 3_000, seed: 13 },
    );
    assert.ok(taken > 300, `the random sentences exercised the patterns (${taken} matches)`);
  });
});

/** Pattern modifiers arrived after Node 20: built only where the runtime has them. */
function supported(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** The character as a `\u{...}` escape, valid in and out of classes under /u. */
function escape(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}
