/**
 * Files beyond the size limit are not parsed: one `file-too-large` finding, whatever they
 * hold (a 20 MB card, a 10 MB card whose front matter never closes, a huge config), and the limit
 * is a setting (`max-file-size`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../server/src/core/engine';
import { DEFAULT_CONFIG, parseProjectConfig } from '../../server/src/core/projectConfig';
import { checkText, schemas } from '../support/check';
import { memoryFileSystem } from '../support/memoryFileSystem';

describe('file-too-large', () => {
  it('a 20 MB card: one info finding on line 1, nothing parsed', () => {
    const text = `---\nlicense: apache2\n---\n# Model Card for big\n${'word '.repeat(4_000_000)}`;
    const value = checkText(text, { kind: 'model-card', config: DEFAULT_CONFIG });
    assert.deepEqual(
      value.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['file-too-large', 'info', 0]],
    );
    assert.match(value.diagnostics[0]!.message, /^This file is 19\.1 MB, more than the 2\.0 MB Cardwright checks/);
    assert.equal(value.doc.yaml, undefined);
  });

  it('a 10 MB card whose front matter never closes, and a huge config: the same', () => {
    for (const [text, kind] of [
      [`---\nlicense: mit\n${'key: value\n'.repeat(1_000_000)}`, 'model-card'],
      [`${'lr: 0.1\n'.repeat(400_000)}`, 'training-config'],
    ] as const) {
      const value = checkText(text, { kind, config: DEFAULT_CONFIG });
      assert.deepEqual(
        value.diagnostics.map((d) => d.code),
        ['file-too-large'],
      );
      assert.equal(value.doc.yaml, undefined, 'not parsed');
    }
  });

  it('kind detection by name, keys and title still works without a parse', () => {
    const text = `---\npipeline_tag: text-classification\n---\n# Model Card for big\n${'x'.repeat(3_000_000)}`;
    const doc = new ParsedDocument({ uri: '/w/README.md', fileName: 'README.md', version: 1, text });
    assert.equal(doc.tooLarge, true);
    assert.equal(doc.kind, 'model-card');
    assert.equal(doc.markdown.sections.length, 0, 'no Markdown model is built');
  });

  it('max-file-size in .cardwright.yaml sets the limit', () => {
    const { config, problems } = parseProjectConfig('max-file-size: 4096\n');
    assert.deepEqual(problems, []);
    assert.equal(config.maxFileSize, 4096);
    const text = `---\nlicense: mit\n---\n# Model Card for x\n${'Some words. '.repeat(500)}`;
    const small = new ParsedDocument(
      { uri: '/w/README.md', fileName: 'README.md', version: 1, text },
      { kind: 'model-card', maxSize: config.maxFileSize },
    );
    const fs = memoryFileSystem({ '/w/README.md': text });
    assert.deepEqual(
      checkDocument(small, { schemas, fs, config, path: '/w/README.md' }).map((d) => d.code),
      ['file-too-large'],
    );
    assert.ok(parseProjectConfig('max-file-size: 10\n').problems.length > 0, 'below the minimum is a problem');
  });
});
