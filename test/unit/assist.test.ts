import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt } from '../../server/src/core/assist/completion';
import { hoverAt } from '../../server/src/core/assist/hover';
import { documentSymbols, type OutlineSymbol } from '../../server/src/core/assist/symbols';
import { checkText, schemas } from '../support/check';

/** Splits `text` at the `|` cursor marker. */
function at(textWithCursor: string): { text: string; position: { line: number; character: number } } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

function labels(textWithCursor: string): string[] {
  const { text, position } = at(textWithCursor);
  return completeAt(checkText(text).doc, position, schemas).map((c) => c.label);
}

describe('completion', () => {
  it('offers top-level keys not yet present, with descriptions', () => {
    const { text, position } = at('---\nlicense: mit\n|\n---\n# Model Card for x\n');
    const items = completeAt(checkText(text).doc, position, schemas);
    const names = items.map((c) => c.label);
    assert.ok(names.includes('pipeline_tag') && names.includes('model-index'));
    assert.ok(!names.includes('license'), 'present keys are not offered');
    assert.ok(!names.includes('languages'), 'deprecated keys are not offered');
    assert.ok(items.find((c) => c.label === 'library_name')?.documentation);
    assert.equal(items.find((c) => c.label === 'model-index')?.insertText, 'model-index:');
  });

  it('offers enum values with their names, replacing the typed prefix', () => {
    const { text, position } = at('---\nlicense: apa|\n---\n# Model Card for x\n');
    const items = completeAt(checkText(text).doc, position, schemas);
    const apache = items.find((c) => c.label === 'apache-2.0');
    assert.ok(apache);
    assert.equal(apache.detail, 'Apache license 2.0');
    assert.deepEqual(apache.replace, { start: 13, end: 16 });
  });

  it('offers pipeline tags and library names, known values after enforced ones', () => {
    assert.ok(labels('---\npipeline_tag: |\n---\n').includes('text-classification'));
    assert.ok(labels('---\nlibrary_name: |\n---\n').includes('sentence-transformers'));
  });

  it('offers language codes in a list item', () => {
    const names = labels('---\nlanguage:\n- |\n---\n');
    assert.ok(names.includes('en') && names.includes('multilingual'));
  });

  it('offers keys of nested model-index objects', () => {
    const names = labels('---\nmodel-index:\n- name: x\n  results:\n  - task:\n      type: fill-mask\n    |\n---\n');
    assert.ok(names.includes('dataset') && names.includes('metrics'), names.join());
    assert.ok(!names.includes('license'));
    const taskKeys = labels('---\nmodel-index:\n- name: x\n  results:\n  - task:\n      |\n---\n');
    assert.deepEqual(taskKeys.sort(), ['name', 'type']);
  });

  it('offers dataset-card values for a dataset card', () => {
    const { text, position } = at('---\nsize_categories:\n- |\n---\n# Dataset Card for x\n');
    const items = completeAt(checkText(text, { kind: 'dataset-card' }).doc, position, schemas);
    assert.ok(items.some((c) => c.label === '1K<n<10K'));
  });

  it('offers nothing in the body but after a heading marker', () => {
    assert.deepEqual(labels('---\nlicense: mit\n---\n# Model Card for x\nlicense: |\n'), []);
  });

  it('offers the sections a card answers after ## , leaving out those present', () => {
    const names = labels('---\nlicense: mit\n---\n# Model Card for x\n## Uses\n## Lim|\n');
    assert.ok(names.includes('Bias, Risks, and Limitations'), names.join());
    assert.ok(!names.includes('Uses'));
    const { text, position } = at('---\nlicense: mit\n---\n# Model Card for x\n## Lim|\n');
    const item = completeAt(checkText(text).doc, position, schemas).find(
      (c) => c.label === 'Bias, Risks, and Limitations',
    );
    assert.deepEqual(item?.replace, { start: text.indexOf('Lim'), end: text.indexOf('Lim') + 3 });
    assert.match(item?.detail ?? '', /^Answers /);
  });
});

describe('hover', () => {
  it('describes a key from the schema', () => {
    const { text, position } = at('---\nlib|rary_name: transformers\n---\n# Model Card for x\n');
    const hover = hoverAt(checkText(text).doc, position, schemas);
    assert.match(hover?.contents ?? '', /^\*\*library_name\*\*\n\n/);
    assert.deepEqual(hover?.span, { start: 4, end: 16 });
  });

  it('explains an enum value', () => {
    const { text, position } = at('---\nlicense: cc-by-|4.0\n---\n# Model Card for x\n');
    const hover = hoverAt(checkText(text).doc, position, schemas);
    assert.match(hover?.contents ?? '', /^`cc-by-4.0`: Creative Commons Attribution 4\.0/);
  });

  it('explains nested keys', () => {
    const { text, position } = at('---\nmodel-index:\n- name: x\n  results:\n  - task: {ty|pe: fill-mask}\n---\n');
    assert.match(
      hoverAt(checkText(text).doc, position, schemas)?.contents ?? '',
      /model-index\[0\]\.results\[0\]\.task\.type/,
    );
  });
});

describe('document symbols', () => {
  it('list the metadata keys (model-index nested) and the sections as a tree', () => {
    const text =
      '---\nlicense: mit\nmodel-index:\n- name: tiny\n  results: []\n---\n# Model Card for tiny\n## Uses\n### Direct Use\n```\n# not a heading\n```\n## Limitations\ntext\n';
    const symbols = documentSymbols(checkText(text).doc);
    const shape = (list: OutlineSymbol[]): unknown => list.map((s) => [s.name, shape(s.children)]);
    assert.deepEqual(shape(symbols), [
      [
        'Metadata',
        [
          ['license', []],
          [
            'model-index',
            [
              [
                'tiny',
                [
                  ['name', []],
                  ['results', []],
                ],
              ],
            ],
          ],
        ],
      ],
      [
        'Model Card for tiny',
        [
          ['Uses', [['Direct Use', []]]],
          ['Limitations', []],
        ],
      ],
    ]);
    const limitations = symbols[1]!.children[1]!;
    assert.equal(text.slice(limitations.span.start, limitations.span.end), '## Limitations\ntext');
  });
});
