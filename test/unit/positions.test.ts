import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, coveredText } from '../support/check';

/** Finds the single diagnostic with `code` and returns the text it covers. */
function covered(text: string, code: string): string {
  const { doc, diagnostics } = checkText(text);
  const matching = diagnostics.filter((d) => d.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(diagnostics, null, 1)}`);
  return coveredText(doc, matching[0]!);
}

describe('diagnostic positions', () => {
  it('point at the value of a bad enum (LF)', () => {
    assert.equal(covered('---\nlicense: apache2\n---\n# Model Card for x\n', 'schema-enum'), 'apache2');
  });

  it('are exact in CRLF files', () => {
    const text = '---\r\ntags: [a]\r\nlicense: apache2\r\n---\r\n# Model Card for x\r\n';
    const { diagnostics } = checkText(text);
    assert.deepEqual(diagnostics[0]?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } });
    assert.equal(covered(text, 'schema-enum'), 'apache2');
  });

  it('do not count a BOM as a column (as in VS Code)', () => {
    const { diagnostics } = checkText('\uFEFF---\nlicense: apache2\n---\n# Model Card for x\n');
    assert.deepEqual(diagnostics[0]?.range.start, { line: 1, character: 9 });
  });

  it('skip comments and blank lines in the front matter', () => {
    const text = '---\n# the license\n\nlicense: apache2 # see LICENSE\n---\n# Model Card for x\n';
    assert.equal(covered(text, 'schema-enum'), 'apache2');
  });

  it('find values in flow style collections', () => {
    const text = '---\nlanguage: [en, es-ES]\nlicense: mit\n---\n# Model Card for x\n';
    assert.equal(covered(text, 'language-code'), 'es-ES');
  });

  it('cover a whole block scalar for a type error', () => {
    const text =
      '---\nlicense: mit\nmodel-index:\n- name: x\n  results:\n  - task: {type: text-classification}\n    dataset:\n      type: imdb\n      name: IMDB\n      config: |\n        plain\n    metrics: [{type: accuracy, value: 1}]\n---\n# Model Card for x\n';
    const { doc, diagnostics } = checkText(text.replace('config: |\n        plain', 'config:\n        - a'));
    const typeError = diagnostics.find((d) => d.code === 'schema-type');
    assert.ok(typeError, 'a list where a string is required is a type error');
    assert.equal(coveredText(doc, typeError).trim(), '- a');
    assert.deepEqual(checkText(text).diagnostics, [], 'a block scalar is a string');
  });

  it('resolve anchors and aliases, reporting at the alias', () => {
    const text = '---\nlicense: &l apache2\nlicense_name: *l\n---\n# Model Card for x\n';
    const { diagnostics } = checkText(text);
    assert.equal(diagnostics.filter((d) => d.code === 'schema-enum').length, 1);
  });

  it('put a missing nested key on its parent key', () => {
    const text =
      '---\nlicense: mit\nmodel-index:\n- name: x\n  results:\n  - task: {name: Classification}\n    metrics: [{type: accuracy, value: 1}]\n---\n# Model Card for x\n';
    const { doc, diagnostics } = checkText(text);
    const required = diagnostics.find((d) => d.code === 'schema-required');
    assert.equal(required?.message, '"model-index[0].results[0].task.type" is required');
    assert.equal(coveredText(doc, required!), 'task');
  });

  it('put a missing required key of a list item on the item first line', () => {
    const text = '---\nlicense: mit\nmodel-index:\n- results: []\n---\n# Model Card for x\n';
    const { doc, diagnostics } = checkText(text);
    const required = diagnostics.find((d) => d.code === 'schema-required');
    assert.equal(required?.message, '"model-index[0].name" is required');
    assert.equal(coveredText(doc, required!), 'results: []');
  });
});
