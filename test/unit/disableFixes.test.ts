import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentKind } from '../../server/src/core/document/kind';
import { disableFixes } from '../../server/src/core/fixes';
import type { ProjectConfig } from '../../server/src/core/projectConfig';
import { checkText, METADATA_TEST_CONFIG } from '../support/check';
import { applyEdits } from '../support/edits';

const CONFIG: ProjectConfig = {
  ...METADATA_TEST_CONFIG,
  rules: { ...METADATA_TEST_CONFIG.rules, 'link-broken': 'warning' },
};

interface Options {
  kind?: DocumentKind;
  path?: string;
}

/** Applies "Disable CODE for this <scope>" to the first `code` finding; the result must not have it. */
function disable(text: string, code: string, scope: 'line' | 'file', options: Options = {}): string {
  const { doc, diagnostics } = checkText(text, { config: CONFIG, ...options });
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${diagnostics.map((d) => d.code).join()}`);
  const fixes = disableFixes(doc, diagnostic);
  const fix = fixes.find((f) => f.title === `Disable ${code} for this ${scope}`);
  assert.ok(fix, `offered: ${fixes.map((f) => f.title).join(', ')}`);
  assert.equal(fix.kind, 'quickfix');
  assert.notEqual(fix.isPreferred, true, 'silencing is never the preferred fix');
  const fixed = applyEdits(text, fix.edits);
  const after = checkText(fixed, { config: CONFIG, ...options }).diagnostics;
  const sameLine = after.filter((d) => d.code === code && d.range.start.line === diagnostic.range.start.line + 1);
  if (scope === 'file')
    assert.deepEqual(
      after.filter((d) => d.code === code),
      [],
      fixed,
    );
  else assert.deepEqual(sameLine, [], fixed);
  return fixed;
}

const CARD = '---\nlicense: apache2\nlanguage: es-ES\n---\n# Model Card for x\n\n- See [notes](notes.md).\n';

describe('disable quick-fixes', () => {
  it('Markdown line: a disable-next-line comment above, with the line indentation', () => {
    const card = '---\nlicense: mit\n---\n# Model Card for x\n\n- Item\n\n  See [notes](notes.md).\n';
    assert.equal(
      disable(card, 'link-broken', 'line'),
      '---\nlicense: mit\n---\n# Model Card for x\n\n- Item\n\n  <!-- cardwright-disable-next-line link-broken -->\n  See [notes](notes.md).\n',
    );
  });

  it('front matter line: the YAML form, indented like the line', () => {
    assert.equal(
      disable(CARD, 'language-code', 'line'),
      CARD.replace('language: es-ES\n', '# cardwright-disable-next-line language-code\nlanguage: es-ES\n'),
    );
    const nested = '---\nlicense: mit\ndatasets:\n  - ./data/local\n---\n# Model Card for x\n';
    assert.equal(
      disable(nested, 'dataset-id', 'line'),
      nested.replace('  - ./data', '  # cardwright-disable-next-line dataset-id\n  - ./data'),
    );
  });

  it('Markdown file: a disable-file comment right after the front matter (or first, without one)', () => {
    assert.equal(
      disable(CARD, 'link-broken', 'file'),
      CARD.replace('---\n# Model', '---\n<!-- cardwright-disable-file link-broken -->\n# Model'),
    );
    assert.equal(
      disable(CARD, 'schema-enum', 'file'),
      CARD.replace('---\n# Model', '---\n<!-- cardwright-disable-file schema-enum -->\n# Model'),
    );
  });

  it('adds the code to a comment of the same kind that is already there', () => {
    const once = disable(CARD, 'link-broken', 'file');
    assert.equal(
      disable(once, 'schema-enum', 'file'),
      CARD.replace('---\n# Model', '---\n<!-- cardwright-disable-file link-broken schema-enum -->\n# Model'),
    );
    const named = CARD.replace('- See', '<!-- cardwright-disable-next-line heading-duplicate -->\n- See');
    assert.equal(
      disable(named, 'link-broken', 'line'),
      CARD.replace('- See', '<!-- cardwright-disable-next-line heading-duplicate link-broken -->\n- See'),
    );
    assert.equal(
      disable(CARD.replace('license: apache2', 'license: apache2 # cardwright-disable-line x'), 'schema-enum', 'file'),
      CARD.replace('license: apache2', 'license: apache2 # cardwright-disable-line x').replace(
        '---\n# Model',
        '---\n<!-- cardwright-disable-file schema-enum -->\n# Model',
      ),
    );
  });

  it('YAML file: the disable-file comment as the first line; CRLF kept', () => {
    const settings = 'profile: relase\r\nrules:\r\n  empty-valu: off\r\n';
    const options = { kind: 'project-config' as const, path: '/work/.cardwright.yaml' };
    assert.equal(
      disable(settings, 'config-invalid', 'file', options),
      `# cardwright-disable-file config-invalid\r\n${settings}`,
    );
    assert.equal(
      disable(settings, 'config-invalid', 'line', options),
      '# cardwright-disable-next-line config-invalid\r\nprofile: relase\r\nrules:\r\n  empty-valu: off\r\n',
    );
  });

  it('offers both for every code, no line fix above the opening --- or inside code, none for unused-disable', () => {
    const { doc, diagnostics } = checkText(CARD, { config: CONFIG });
    for (const diagnostic of diagnostics) {
      assert.deepEqual(
        disableFixes(doc, diagnostic).map((f) => f.title),
        [`Disable ${diagnostic.code} for this line`, `Disable ${diagnostic.code} for this file`],
      );
    }
    const onOpening = {
      ...diagnostics[0]!,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    };
    assert.deepEqual(
      disableFixes(doc, onOpening).map((f) => f.title),
      ['Disable schema-enum for this file'],
    );
    assert.deepEqual(disableFixes(doc, { ...diagnostics[0]!, code: 'unused-disable' }), []);
    const fenced = checkText('---\nlicense: mit\n---\n# Model Card for x\n\n```\ncode\n```\n', { config: CONFIG });
    const inCode = { ...diagnostics[0]!, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 4 } } };
    assert.deepEqual(
      disableFixes(fenced.doc, inCode).map((f) => f.title),
      ['Disable schema-enum for this file'],
    );
  });
});
