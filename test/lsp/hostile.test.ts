/**
 * Nothing a document holds stops the server: each hostile input gets its diagnostics and the
 * server answers the next request; a document closed and reopened under the same version number
 * with other text is checked anew; the final diagnostics after a burst of edits match the final
 * text. Timings are printed, not asserted (the benchmarks hold the
 * speed targets); the timeouts only guard against a hang.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { aliasBomb } from '../support/hostile';
import { LspClient } from '../support/lspClient';

const HOSTILE: { name: string; file: string; text: () => string; languageId: string; expect: string }[] = [
  {
    name: 'billion-laughs alias bomb',
    file: 'bomb/MODEL_CARD.md',
    text: () => `---\n${aliasBomb(12)}---\n# x\n`,
    languageId: 'markdown',
    expect: 'yaml-syntax',
  },
  {
    name: '10,000 levels of flow nesting',
    file: 'flow/train.yaml',
    text: () =>
      `# yaml-language-server: $schema=hf-training-args\nseed: 1\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    languageId: 'yaml',
    expect: 'yaml-syntax',
  },
  {
    name: '10,000 levels of block nesting',
    file: 'block/MODEL_CARD.md',
    text: () => `---\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n---\n# x\n`,
    languageId: 'markdown',
    expect: 'file-too-large',
  },
  {
    name: 'a 20 MB card',
    file: 'big/MODEL_CARD.md',
    text: () => `---\nlicense: mit\n---\n# Model Card for big\n${'word '.repeat(4_000_000)}`,
    languageId: 'markdown',
    expect: 'file-too-large',
  },
  {
    name: 'NUL bytes and other binary content',
    file: 'nul/MODEL_CARD.md',
    text: () => `---\nlicense: mit\u0000\u0001\u0002\n---\n# Model Card for x\u0000\n\uFFFD\uD800\n`,
    languageId: 'markdown',
    expect: 'schema-enum',
  },
  {
    name: 'a 100,000-line model-index',
    file: 'index/MODEL_CARD.md',
    text: () =>
      `---\nlicense: mit\nmodel-index:\n- name: x\n  results:\n${'  - task: {type: a}\n    dataset: {type: b, name: c}\n    metrics:\n    - {type: acc, value: 1}\n'.repeat(25_000)}---\n# Model Card for x\n`,
    languageId: 'markdown',
    expect: 'file-too-large',
  },
  {
    name: 'a 50,000-character line',
    file: 'line/MODEL_CARD.md',
    text: () => `---\nlicense: mit\n---\n# Model Card for x\n\n${'a'.repeat(50_000)} [[[ (((\n`,
    languageId: 'markdown',
    expect: 'section-missing',
  },
  {
    name: 'a malformed .cardwright.yaml',
    file: 'cfg/.cardwright.yaml',
    text: () => 'rules: [unclosed\nprofile: {\n  - : :\n',
    languageId: 'yaml',
    expect: 'yaml-syntax',
  },
  {
    name: 'front matter that never closes in a 10 MB file',
    file: 'open/MODEL_CARD.md',
    text: () => `---\nlicense: mit\n${'key: value\n'.repeat(1_000_000)}`,
    languageId: 'markdown',
    expect: 'file-too-large',
  },
];

describe('hostile input and lifecycle over LSP', () => {
  const root = mkdtempSync(join(tmpdir(), 'cardwright-hostile-'));
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ root });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  for (const hostile of HOSTILE) {
    it(`${hostile.name}: diagnostics, and the server still serves`, { timeout: 60_000 }, async () => {
      const started = Date.now();
      const uri = await client.open(join(root, hostile.file), hostile.text(), hostile.languageId);
      const published = await client.waitForPublished(uri, (p) => p.diagnostics.length > 0, 30_000);
      const codes = published.diagnostics.map((d) => String(d.code));
      assert.ok(codes.includes(hostile.expect), codes.join());
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 1 },
      });
      assert.ok(hover === null || typeof hover === 'object');
      console.log(`# ${hostile.name}: ${Date.now() - started} ms to diagnostics and a hover`);
      await client.close(uri);
    });
  }

  it('a document closed and reopened with other text under the same version is checked anew', async () => {
    const path = join(root, 'reopen/README.md');
    const uri = await client.open(path, '---\nlicense: apache2\n---\n# Model Card for x\n');
    await client.waitForPublished(uri, (p) => p.diagnostics.some((d) => d.code === 'schema-enum'));
    await client.close(uri);
    client.published.length = 0;
    await client.open(path, '---\nlicense: mit\nlanguage: xx-nope\n---\n# Model Card for x\n');
    const again = await client.waitForPublished(uri, (p) => p.diagnostics.some((d) => d.code === 'language-code'));
    assert.ok(!again.diagnostics.some((d) => d.code === 'schema-enum'), 'no diagnostics of the old text');
  });

  it('after a burst of 500 edits the last diagnostics are those of the final text', { timeout: 120_000 }, async () => {
    const uri = await client.open(join(root, 'burst/README.md'), '---\nlicense: mit\n---\n# Model Card for x\n');
    let version = 1;
    for (let index = 0; index < 500; index++) {
      version = await client.replace(
        uri,
        `---\nlicense: ${index % 2 === 0 ? 'apache2' : 'mit'}\nlanguage: en\n---\n# Model Card for x ${index}\n`,
      );
    }
    // The last text (index 499, odd) has a valid licence: no schema-enum may be left over.
    const last = await client.waitForPublished(uri, (p: PublishDiagnosticsParams) => p.version === version, 60_000);
    assert.ok(
      !last.diagnostics.some((d) => d.code === 'schema-enum'),
      JSON.stringify(last.diagnostics.map((d) => d.code)),
    );
    const stale = client.published.filter((p) => p.uri === uri && p.version !== undefined && p.version > version);
    assert.deepEqual(stale, [], 'nothing published for a version the editor never had');
  });
});
