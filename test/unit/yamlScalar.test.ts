/**
 * Every value a quick-fix writes into YAML goes through yamlScalar / replacementFor, which must
 * read back as the intended value for YAML 1.1 and 1.2 readers, after `key: `, after `- ` and
 * inside a flow mapping: strings that look like numbers, booleans, nulls or indicators, multi-line
 * and unicode strings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { replacementFor, yamlScalar } from '../../server/src/core/fixes/fix';

const TRICKY_STRINGS = [
  '- x',
  '-',
  '> folded',
  '| literal',
  '0o17',
  '017',
  '.inf',
  '-.inf',
  '.nan',
  'yes',
  'No',
  'on',
  'null',
  '~',
  '',
  '1e3',
  '0x1F',
  '1_000',
  '12:30',
  'true',
  ' leading space',
  'trailing space ',
  'key: value',
  'a #comment',
  '#hash',
  'a, b',
  '[x]',
  '{x}',
  '"quoted"',
  "'single'",
  '@at',
  '`tick',
  '%percent',
  '&anchor',
  '*alias',
  '!tag',
  '? question',
  'line one\nline two',
  'tab\there',
  'été – 日本語 🙂',
  'https://example.org/x?a=1#frag',
];

function readBack(text: string): unknown[] {
  return (['1.1', '1.2'] as const).flatMap((version) => [
    (parse(`key: ${text}\n`, { version }) as { key: unknown }).key,
    (parse(`- ${text}\n`, { version }) as unknown[])[0],
    (parse(`{a: 1, key: ${text}}\n`, { version }) as { key: unknown }).key,
    (parse(`[${text}]\n`, { version }) as unknown[])[0],
  ]);
}

describe('YAML values written by quick-fixes', () => {
  for (const value of TRICKY_STRINGS) {
    it(`round-trips ${JSON.stringify(value)}`, () => {
      const text = yamlScalar(value);
      assert.doesNotMatch(text, /[\n\r]/, 'one line');
      for (const parsed of readBack(text)) assert.equal(parsed, value, `written as ${text}`);
      for (const original of ['"old"', "'old'", 'old']) {
        const replaced = replacementFor(original, value);
        for (const parsed of readBack(replaced)) assert.equal(parsed, value, `replacing ${original} with ${replaced}`);
      }
    });
  }

  it('keeps ordinary values plain and the quote style the author used', () => {
    assert.equal(yamlScalar('apache-2.0'), 'apache-2.0');
    assert.equal(yamlScalar('en'), 'en');
    assert.equal(yamlScalar('stanfordnlp/imdb'), 'stanfordnlp/imdb');
    assert.equal(replacementFor('"apache2"', 'apache-2.0'), '"apache-2.0"');
    assert.equal(replacementFor("'apache2'", 'apache-2.0'), "'apache-2.0'");
  });

  it('writes numbers, booleans and lists as themselves', () => {
    assert.equal(yamlScalar(42), '42');
    assert.equal(yamlScalar(0.5), '0.5');
    assert.equal(yamlScalar(true), 'true');
    assert.deepEqual(parse(`k: ${yamlScalar(['a', '- b'])}`), { k: ['a', '- b'] });
  });
});
