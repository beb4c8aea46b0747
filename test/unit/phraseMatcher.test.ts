/**
 * PhraseMatcher indexes a concept's phrases by first word; it must say exactly what trying every
 * phrase at every position of the heading says (the definition, written out below).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { CONCEPTS, type Concept } from '../../server/src/core/concepts';
import { headingWords, PhraseMatcher } from '../../server/src/core/phraseMatcher';

const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/** The definition: any phrase at any position, words equal up to a plural `s`/`es` or a stem. */
function namesByDefinition(words: string[], phrases: readonly string[], exact: readonly string[]): boolean {
  const same = (word: string, pattern: string): boolean =>
    pattern.endsWith('*')
      ? word.startsWith(pattern.slice(0, -1))
      : [word, `${word}s`, `${word}es`].includes(pattern) || [`${pattern}s`, `${pattern}es`].includes(word);
  const containsAt = (phrase: string[], at: number): boolean =>
    phrase.length > 0 &&
    at + phrase.length <= words.length &&
    phrase.every((word, index) => same(words[at + index] ?? '', word));
  const contains = (phrase: string[]): boolean => words.some((_word, at) => containsAt(phrase, at));
  if (words.length === 0) return false;
  if (exact.some((phrase) => headingWords(phrase).length === words.length && containsAt(headingWords(phrase), 0)))
    return true;
  return phrases.some((phrase) => {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(phrase)) {
      return words.join('').includes(headingWords(phrase).join(''));
    }
    const stem = phrase.endsWith('*');
    const split = headingWords(stem ? phrase.slice(0, -1) : phrase);
    if (stem && split.length > 0) split[split.length - 1] += '*';
    return contains(split);
  });
}

const ALL_CONCEPTS: Concept[] = [...CONCEPTS['model-card'], ...CONCEPTS['dataset-card']];

/** Headings made of the concepts' own words, their plurals and singulars, stems' prefixes and noise. */
function generatedHeadings(seed: number, count: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const vocabulary = [
    ...new Set(
      ALL_CONCEPTS.flatMap((concept) => [...concept.phrases, ...(concept.exact ?? [])]).flatMap((phrase) =>
        headingWords(phrase.replace(/\*$/, '')),
      ),
    ),
  ];
  const variants = (word: string): string[] => [
    word,
    `${word}s`,
    `${word}es`,
    word.slice(0, -1),
    word.slice(0, -2),
    `${word}ing`,
  ];
  const noise = ['the', 'and', 'of', 'model', '&', '(optional)', ':', '📊', '用途', 'データ', 'a'];
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 5);
    return Array.from({ length }, () => {
      if (next() < 0.25) return noise[Math.floor(next() * noise.length)];
      const choices = variants(vocabulary[Math.floor(next() * vocabulary.length)] ?? 'x');
      return choices[Math.floor(next() * choices.length)];
    }).join(' ');
  });
}

function corpusHeadings(): string[] {
  if (!existsSync(CORPUS)) return [];
  return ['model-cards', 'dataset-cards'].flatMap((folder) =>
    readdirSync(join(CORPUS, folder)).flatMap((name) =>
      [...readFileSync(join(CORPUS, folder, name), 'utf8').matchAll(/^#{1,6}\s+(.+)$|^\*\*([^*\n]{1,60})\*\*:?/gm)].map(
        (match) => match[1] ?? match[2] ?? '',
      ),
    ),
  );
}

describe('PhraseMatcher', () => {
  it('answers as the definition for every concept on generated and real headings', () => {
    const headings = [
      ...generatedHeadings(7, 4000),
      ...corpusHeadings(),
      'Bias, Risks & Limitations [optional]',
      'Uses',
      'Use',
      'Licensing',
      '模型描述',
    ];
    let named = 0;
    for (const concept of ALL_CONCEPTS) {
      const extras = concept.id === 'limitations' ? ['caveat', 'known gotchas', '注意事項'] : [];
      const matcher = new PhraseMatcher([...concept.phrases, ...extras], concept.exact ?? []);
      for (const heading of headings) {
        const words = headingWords(heading);
        const expected = namesByDefinition(words, [...concept.phrases, ...extras], concept.exact ?? []);
        assert.equal(matcher.matches(words), expected, `${concept.id}: "${heading}"`);
        if (expected) named++;
      }
    }
    // Not vacuous: a good share of the generated headings name some concept.
    assert.ok(named > 2000, `${named} heading-concept pairs named`);
  });

  it('matches plurals, singulars and stems both ways, and exact phrases only whole', () => {
    const matcher = new PhraseMatcher(['limitation', 'biases', 'licen*', 'out of scope use'], ['uses']);
    assert.equal(matcher.matches(headingWords('Known Limitations')), true);
    assert.equal(matcher.matches(headingWords('Bias')), true);
    assert.equal(matcher.matches(headingWords('Licensing')), true);
    assert.equal(matcher.matches(headingWords('Out-of-Scope Uses')), true);
    assert.equal(matcher.matches(headingWords('Use')), true);
    assert.equal(matcher.matches(headingWords('Direct Use')), false);
    assert.equal(matcher.matches(headingWords('Out of Scope')), false);
    assert.equal(matcher.matches([]), false);
  });
});
