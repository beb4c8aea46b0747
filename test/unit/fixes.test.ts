import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixes, refactorsAt } from '../../server/src/core/fixes';
import type { ConceptId } from '../../server/src/core/concepts';
import { DEFAULT_CONFIG } from '../../server/src/core/projectConfig';
import { checkText, codes } from '../support/check';
import { applyEdits } from '../support/edits';

const TITLE = '# Model Card for tiny\n';

/** Applies the preferred fix for the first `code` diagnostic and returns the new text. */
function fixOnce(text: string, code: string, title?: string): string {
  const { doc, diagnostics } = checkText(text);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${JSON.stringify(codes(diagnostics))}`);
  const fixes = quickFixes(doc, diagnostic);
  const fix = title ? fixes.find((f) => f.title === title) : (fixes.find((f) => f.isPreferred) ?? fixes[0]);
  assert.ok(fix, `no fix for ${code}: ${JSON.stringify(fixes.map((f) => f.title))}`);
  return applyEdits(doc.text.text, fix.edits);
}

/** The fix removes its diagnostic and adds none. */
function assertFixed(text: string, code: string, expected: string): void {
  const fixed = fixOnce(text, code);
  assert.equal(fixed, expected);
  assert.deepEqual(codes(checkText(fixed).diagnostics), [], `after fixing ${code}`);
}

describe('quick-fixes', () => {
  it('replace an enum value with the suggestion, keeping quotes', () => {
    assertFixed(`---\nlicense: apache2\n---\n${TITLE}`, 'schema-enum', `---\nlicense: apache-2.0\n---\n${TITLE}`);
    assertFixed(
      `---\nlicense: 'Apache-2.0'\n---\n${TITLE}`,
      'schema-enum',
      `---\nlicense: 'apache-2.0'\n---\n${TITLE}`,
    );
  });

  it('fix a language code', () => {
    assertFixed(
      `---\nlicense: mit\nlanguage: ["es-ES", en]\n---\n${TITLE}`,
      'language-code',
      `---\nlicense: mit\nlanguage: ["es", en]\n---\n${TITLE}`,
    );
  });

  it('replace a Hub dataset URL with its id', () => {
    assertFixed(
      `---\nlicense: mit\ndatasets:\n- https://huggingface.co/datasets/stanfordnlp/imdb\n---\n${TITLE}`,
      'dataset-id',
      `---\nlicense: mit\ndatasets:\n- stanfordnlp/imdb\n---\n${TITLE}`,
    );
  });

  it('rename a mistyped key', () => {
    assertFixed(`---\nlicence: mit\n---\n${TITLE}`, 'unknown-key', `---\nlicense: mit\n---\n${TITLE}`);
  });

  it('rename deprecated keys and pipeline tags', () => {
    assertFixed(
      `---\nlicense: mit\nlanguages:\n- en\n---\n${TITLE}`,
      'deprecated',
      `---\nlicense: mit\nlanguage:\n- en\n---\n${TITLE}`,
    );
    assertFixed(
      `---\nlicense: mit\npipeline_tag: conversational\n---\n${TITLE}`,
      'deprecated',
      `---\nlicense: mit\npipeline_tag: text-generation\n---\n${TITLE}`,
    );
  });

  it('does not offer a rename that would duplicate a key', () => {
    const { doc, diagnostics } = checkText(`---\nlicense: mit\nlanguage: en\nlanguages: [en]\n---\n${TITLE}`);
    assert.deepEqual(
      quickFixes(
        doc,
        diagnostics.find((d) => d.code === 'deprecated')!,
      ),
      [],
    );
  });

  it('remove a duplicate key (block and flow) and an empty key, CRLF kept', () => {
    assertFixed(
      `---\r\nlicense: mit\r\ntags:\r\n- a\r\nlicense: mit\r\n---\r\n${TITLE}`,
      'yaml-duplicate-key',
      `---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\n${TITLE}`,
    );
    assertFixed(
      `---\nlicense: mit\nwidget: [{text: a, text: b}]\n---\n${TITLE}`,
      'yaml-duplicate-key',
      `---\nlicense: mit\nwidget: [{text: a}]\n---\n${TITLE}`,
    );
    assertFixed(
      `---\nlicense: mit\ntags:\n# keep me\n---\n${TITLE}`,
      'empty-value',
      `---\nlicense: mit\n# keep me\n---\n${TITLE}`,
    );
  });

  it('add a missing required key in flow, block and list-item mappings', () => {
    const index = (task: string, extra = ''): string =>
      `---\nlicense: mit\nmodel-index:\n- name: tiny\n  results:\n  - task: ${task}\n    metrics:\n    - type: accuracy\n      value: 0.9${extra}\n---\n${TITLE}`;
    const flow = fixOnce(index('{name: Classification}'), 'schema-required');
    assert.equal(flow, index('{name: Classification, type: TODO}'));
    const block = fixOnce(index('\n      name: Classification'), 'schema-required');
    assert.equal(block, index('\n      name: Classification\n      type: TODO'));
    assert.ok(!codes(checkText(block).diagnostics).includes('schema-required'));

    const missingName = `---\nlicense: mit\nmodel-index:\n- results: []\n# end\n---\n${TITLE}`;
    const named = fixOnce(missingName, 'schema-required');
    assert.equal(named, `---\nlicense: mit\nmodel-index:\n- results: []\n  name: TODO\n# end\n---\n${TITLE}`);
    assert.ok(!codes(checkText(named).diagnostics).includes('schema-required'));
  });

  it('add license_name and license_link for license: other', () => {
    assertFixed(
      `---\nlicense: other\n---\n${TITLE}`,
      'license-other-incomplete',
      `---\nlicense: other\nlicense_name: custom-license\nlicense_link: LICENSE\n---\n${TITLE}`,
    );
  });
});

describe('refactors', () => {
  it('turn a single language into a list', () => {
    const text = `---\nlicense: mit\nlanguage: en\n---\n${TITLE}`;
    const { doc } = checkText(text);
    const at = text.indexOf('en\n');
    const [fix] = refactorsAt(doc, { start: at, end: at });
    assert.equal(fix?.kind, 'refactor.rewrite');
    const listed = applyEdits(text, fix!.edits);
    assert.equal(listed, `---\nlicense: mit\nlanguage:\n- en\n---\n${TITLE}`);
    assert.deepEqual(codes(checkText(listed).diagnostics), []);
    assert.deepEqual(
      refactorsAt(doc, { start: 4, end: 4 }).map((f) => f.title),
      ['Write "license" as a list'],
      'only the pair under the cursor is offered',
    );
    assert.deepEqual(refactorsAt(checkText(listed).doc, { start: at, end: at }), [], 'a list is not offered again');
  });
});

describe('section quick-fix', () => {
  it('adds the missing section with its question, one level below the title', () => {
    const text = '---\nlicense: mit\n---\n# Model Card for tiny\n\nA tiny model.\n\n## Uses\n\nClassify text.\n';
    const config = { ...DEFAULT_CONFIG, profile: ['intended-use', 'limitations'] as ConceptId[] };
    const { doc, diagnostics } = checkText(text, { config });
    const missing = diagnostics.find((d) => d.code === 'section-missing');
    assert.equal(missing?.data.concept, 'limitations');
    const [fix] = quickFixes(doc, missing!);
    const fixed = applyEdits(text, fix!.edits);
    assert.match(fixed, /Classify text\.\n\n## Bias, Risks, and Limitations\n\n<!-- Say .+\. -->\n$/);
    assert.deepEqual(
      checkText(fixed, { config }).diagnostics.filter((d) => d.code === 'section-missing'),
      [],
    );
  });
});
