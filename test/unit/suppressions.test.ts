import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardDiagnostic } from '../../server/src/core/diagnostic';
import type { DocumentKind } from '../../server/src/core/document/kind';
import type { ProjectConfig } from '../../server/src/core/projectConfig';
import { findDirectives } from '../../server/src/core/suppressions';
import { checkText, METADATA_TEST_CONFIG } from '../support/check';

/** Metadata checks plus link-broken, the body code these cards use (a link to a missing file). */
const CONFIG: ProjectConfig = {
  ...METADATA_TEST_CONFIG,
  rules: { ...METADATA_TEST_CONFIG.rules, 'link-broken': 'warning' },
};

/** `line:code` (1-based lines) of what is left after the comments apply. */
function findings(
  text: string,
  options: { kind?: DocumentKind; path?: string; config?: ProjectConfig } = {},
): string[] {
  return checkText(text, { config: CONFIG, ...options }).diagnostics.map(
    (d: CardDiagnostic) => `${d.range.start.line + 1}:${d.code}`,
  );
}

const CARD = (front: string, body: string): string => `---\n${front}---\n# Model Card for x\n\n${body}`;
const BAD_FRONT = 'license: apache2\nlanguage: es-ES\n';
const LINKS = 'See [notes](notes.md).\nSee [more](more.md).\n';

/** The same `.cardwright.yaml` mistakes on lines 1, 4 and 5. */
const SETTINGS = (line1: string, line3: string): string =>
  `profile: relase${line1}\nrules:\n${line3}  section-mising: off\n  placeholder-text: loud\n`;
const settings = (text: string, config?: ProjectConfig): string[] =>
  findings(text, { kind: 'project-config', path: '/work/.cardwright.yaml', config });

describe('suppression comments', () => {
  it('reports everything without comments (the baseline the other tests silence)', () => {
    assert.deepEqual(findings(CARD(BAD_FRONT, LINKS)), [
      '2:schema-enum',
      '3:language-code',
      '7:link-broken',
      '8:link-broken',
    ]);
  });

  it('Markdown disable-next-line, with a code and without', () => {
    const withCode = CARD(BAD_FRONT, `<!-- cardwright-disable-next-line link-broken -->\n${LINKS}`);
    assert.deepEqual(findings(withCode), ['2:schema-enum', '3:language-code', '9:link-broken']);
    const other = CARD(BAD_FRONT, `<!-- cardwright-disable-next-line heading-duplicate -->\n${LINKS}`);
    assert.deepEqual(findings(other), ['2:schema-enum', '3:language-code', '8:link-broken', '9:link-broken']);
    const all = CARD(BAD_FRONT, `<!-- cardwright-disable-next-line -->\n${LINKS}`);
    assert.deepEqual(findings(all), ['2:schema-enum', '3:language-code', '9:link-broken']);
  });

  it('Markdown disable-line covers the line the comment is on', () => {
    const text = CARD(
      BAD_FRONT,
      'See [notes](notes.md). <!-- cardwright-disable-line link-broken -->\nSee [more](more.md).\n',
    );
    assert.deepEqual(findings(text), ['2:schema-enum', '3:language-code', '8:link-broken']);
  });

  it('Markdown disable ... enable ranges, per code and for every code', () => {
    const body = [
      '<!-- cardwright-disable link-broken -->',
      'See [a](a.md).',
      'See [b](b.md).',
      '<!-- cardwright-enable link-broken -->',
      'See [c](c.md).',
      '<!-- cardwright-disable -->',
      'See [d](d.md).',
      '<!-- cardwright-enable -->',
      'See [e](e.md).',
      '',
    ].join('\n');
    assert.deepEqual(findings(CARD('license: mit\n', body)), ['10:link-broken', '14:link-broken']);
  });

  it('Markdown: enable CODE inside a disable of every code turns only that code back on', () => {
    const body = '<!-- cardwright-disable -->\n<!-- cardwright-enable link-broken -->\nSee [a](a.md).\n';
    assert.deepEqual(findings(CARD(BAD_FRONT, body)), ['2:schema-enum', '3:language-code', '9:link-broken']);
    const disableAll = '<!-- cardwright-disable -->\nSee [a](a.md).\n';
    assert.deepEqual(findings(CARD(BAD_FRONT, disableAll)), ['2:schema-enum', '3:language-code']);
  });

  it('Markdown disable-file, codes separated by commas or spaces, anywhere in the body', () => {
    const text = CARD(BAD_FRONT, `${LINKS}\n<!-- cardwright-disable-file link-broken,schema-enum language-code -->\n`);
    assert.deepEqual(findings(text), []);
    assert.deepEqual(findings(CARD(BAD_FRONT, `<!-- cardwright-disable-file -->\n${LINKS}`)), []);
  });

  it('a free-text reason after " -- " is not a code', () => {
    const text = CARD(BAD_FRONT, `<!-- cardwright-disable-file link-broken -- vendored card -->\n${LINKS}`);
    assert.deepEqual(findings(text), ['2:schema-enum', '3:language-code']);
    const codes = findDirectives(checkText(text).doc).map((d) => d.codes?.map((c) => c.code));
    assert.deepEqual(codes, [['link-broken']]);
  });

  it('does not count comments in fenced or indented code, or in inline code', () => {
    const body = [
      '```markdown',
      '<!-- cardwright-disable-file -->',
      '```',
      '',
      '    <!-- cardwright-disable-file -->',
      '',
      'Write `<!-- cardwright-disable-file -->` to silence a file.',
      '',
      'See [a](a.md).',
      '',
    ].join('\n');
    assert.deepEqual(findings(CARD('license: mit\n', body)), ['14:link-broken']);
  });

  it('YAML comments in a card front matter: disable-line (trailing), disable-next-line, disable-file', () => {
    const line = 'license: apache2 # cardwright-disable-line schema-enum\nlanguage: es-ES\n';
    assert.deepEqual(findings(CARD(line, LINKS)), ['3:language-code', '7:link-broken', '8:link-broken']);
    const next = 'license: apache2\n# cardwright-disable-next-line\nlanguage: es-ES\n';
    assert.deepEqual(findings(CARD(next, LINKS)), ['2:schema-enum', '8:link-broken', '9:link-broken']);
    const file = '# cardwright-disable-file link-broken language-code\nlicense: apache2\nlanguage: es-ES\n';
    assert.deepEqual(findings(CARD(file, LINKS)), ['3:schema-enum']);
  });

  it('YAML: a # inside a quoted string or a block scalar is not a comment', () => {
    const quoted = 'license: apache2\nlanguage: es-ES\ntags: ["# cardwright-disable-file"]\n';
    assert.deepEqual(findings(CARD(quoted, '')), ['2:schema-enum', '3:language-code']);
    const block = 'license: apache2\nlanguage: es-ES\ndescription: |\n  # cardwright-disable-file\n';
    assert.deepEqual(findings(CARD(block, '')), ['2:schema-enum', '3:language-code']);
  });

  it('YAML in .cardwright.yaml: disable-line, disable-next-line with and without codes', () => {
    assert.deepEqual(settings(SETTINGS('', '')), ['1:config-invalid', '3:config-invalid', '4:config-invalid']);
    const silenced = SETTINGS(' # cardwright-disable-line config-invalid', '  # cardwright-disable-next-line\n');
    assert.deepEqual(settings(silenced), ['5:config-invalid']);
    const otherCode = SETTINGS(' # cardwright-disable-line unknown-key', '');
    assert.deepEqual(settings(otherCode), ['1:config-invalid', '3:config-invalid', '4:config-invalid']);
  });

  it('YAML in a training config: disable-file as the first line, disable-next-line above line 1', () => {
    const config = 'model_name_or_path: bert-base-uncased\noutput_dir: out\nper_device_train_batch_size: 8\n';
    const check = (text: string): string[] =>
      findings(text, { kind: 'training-config', path: '/work/train/config.yaml', config: { rules: {} } });
    assert.ok(check(config).includes('1:config-no-precision'));
    assert.ok(!check(`# cardwright-disable-file config-no-precision\n${config}`).some((f) => f.endsWith('precision')));
    assert.ok(!check(`# cardwright-disable-next-line\n${config}`).some((f) => f.startsWith('2:')));
  });

  it('ignores unknown codes, and reports them as unused-disable (with the closest code) when asked', () => {
    const text = CARD(BAD_FRONT, `<!-- cardwright-disable-next-line link-broke, link-broken -->\n${LINKS}`);
    assert.deepEqual(findings(text), ['2:schema-enum', '3:language-code', '9:link-broken']);
    const reported = checkText(text, { config: { ...CONFIG, reportUnusedDisables: true } }).diagnostics;
    const unused = reported.filter((d) => d.code === 'unused-disable');
    assert.equal(unused.length, 1);
    assert.equal(unused[0]?.severity, 'warning');
    assert.match(unused[0]!.message, /"link-broke" .* is not a Cardwright code.*Did you mean "link-broken"\?/);
    assert.deepEqual(unused[0]?.range, { start: { line: 6, character: 34 }, end: { line: 6, character: 44 } });
  });

  it('reports comments and codes that suppress nothing only when asked, at the configured severity', () => {
    const front = 'license: mit # cardwright-disable-line schema-enum\n# cardwright-disable-next-line\nlanguage: en\n';
    const text = CARD(front, `<!-- cardwright-disable-file link-broken -->\n${LINKS}`);
    assert.deepEqual(findings(text), []);
    const asked = { ...CONFIG, reportUnusedDisables: true };
    assert.deepEqual(findings(text, { config: asked }), ['2:unused-disable', '3:unused-disable']);
    const messages = checkText(text, { config: asked }).diagnostics.map((d) => d.message);
    assert.match(messages[0]!, /names "schema-enum", but there is no "schema-enum" finding on its line/);
    assert.match(messages[1]!, /This cardwright-disable-next-line comment suppresses nothing/);
    const asError = { ...asked, rules: { ...asked.rules, 'unused-disable': 'error' as const } };
    assert.deepEqual(
      checkText(text, { config: asError }).diagnostics.map((d) => d.severity),
      ['error', 'error'],
    );
    const off = { ...asked, rules: { ...asked.rules, 'unused-disable': 'off' as const } };
    assert.deepEqual(findings(text, { config: off }), []);
  });

  it('keeps CRLF line numbers right', () => {
    const text = CARD(BAD_FRONT, `<!-- cardwright-disable-next-line link-broken -->\n${LINKS}`).replace(/\n/g, '\r\n');
    assert.deepEqual(findings(text), ['2:schema-enum', '3:language-code', '9:link-broken']);
  });
});
