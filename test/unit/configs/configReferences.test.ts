import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../../server/src/core/engine';
import { basename } from '../../../server/src/core/fileSystem';
import { WorkspaceSchemaLoader } from '../../../server/src/core/schemas/workspaceSchemas';
import { schemas } from '../../support/check';
import { memoryFileSystem } from '../../support/memoryFileSystem';

function check(path: string, text: string, files: Record<string, string> = {}, trusted = true) {
  const fs = memoryFileSystem({ ...files, [path]: text });
  const doc = new ParsedDocument({ uri: path, fileName: basename(path), version: 1, text });
  const workspaceSchemas = trusted ? new WorkspaceSchemaLoader(fs, schemas) : undefined;
  const diagnostics = checkDocument(doc, { schemas, fs, path, workspaceSchemas });
  return { doc, diagnostics, found: diagnostics.map((d) => [d.code, d.range.start.line, d.severity] as const) };
}

describe('*TEMPLATE* configs: at most warnings', () => {
  it('reports bare placeholders as a warning that says it is a template', () => {
    const text = '{\n  "train_batch_size": BATCH_SIZE,\n  "fp16": {"enabled": true}\n}\n';
    const { found, diagnostics, doc } = check('/w/ds_config_TEMPLATE.json', text);
    assert.equal(doc.kind, 'training-config');
    assert.deepEqual(found, [['yaml-syntax', 1, 'warning']]);
    assert.match(diagnostics[0]!.message, /template/);
  });

  it('caps schema errors too, and leaves the same file without TEMPLATE an error', () => {
    const text =
      '{\n  "train_micro_batch_size_per_gpu": 4,\n  "zero_optimization": {"stage": 7},\n  "bf16": {"enabled": true}\n}\n';
    assert.deepEqual(check('/w/ds_zero_TEMPLATE.json', text).found, [['schema-enum', 2, 'warning']]);
    assert.deepEqual(check('/w/ds_zero.json', text).found, [['schema-enum', 2, 'error']]);
  });

  it('also caps YAML templates (train.template.yaml)', () => {
    const text =
      'output_dir: out\nper_device_train_batch_size: 8\nnum_train_epochs: 3\nbf16: true\nlr_scheduler_type: cosin\n';
    assert.deepEqual(check('/w/train.template.yaml', text).found, [['schema-enum', 4, 'warning']]);
  });
});

describe('file:// schema modelines', () => {
  const schema = JSON.stringify({ type: 'object', properties: { epochs: { type: 'integer' } } });
  const repo = { '/w/repo/.git/HEAD': 'ref: refs/heads/main\n', '/w/repo/schemas/train.schema.json': schema };

  it('associate like a relative path, inside the workspace (the repository)', () => {
    const text = '# yaml-language-server: $schema=file:///w/repo/schemas/train.schema.json\nepochs: two\n';
    const { doc, diagnostics } = check('/w/repo/configs/custom.yaml', text, repo);
    assert.equal(doc.kind, 'training-config');
    assert.equal(doc.config?.schema?.origin, 'modeline');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['schema-type', '"epochs" must be an integer']],
    );
  });

  it('decode percent-escapes', () => {
    const files = { '/w/repo/.git/HEAD': 'x', '/w/repo/my schemas/t.json': schema };
    const text = '# yaml-language-server: $schema=file:///w/repo/my%20schemas/t.json\nepochs: 1.5\n';
    assert.deepEqual(check('/w/repo/a.yaml', text, files).found, [['schema-type', 1, 'error']]);
  });

  it('are not read outside the workspace, nor in an untrusted one', () => {
    const files = { ...repo, '/w/elsewhere/s.json': schema };
    const outside = check(
      '/w/repo/a.yaml',
      '# yaml-language-server: $schema=file:///w/elsewhere/s.json\nepochs: x\n',
      files,
    );
    assert.deepEqual(outside.found, [['schema-unavailable', 0, 'warning']]);
    assert.match(outside.diagnostics[0]!.message, /outside the workspace/);
    const text = '# yaml-language-server: $schema=file:///w/repo/schemas/train.schema.json\nepochs: two\n';
    const untrusted = check('/w/repo/a.yaml', text, repo, false);
    assert.deepEqual(untrusted.found, [['schema-unavailable', 0, 'info']]);
    assert.match(untrusted.diagnostics[0]!.message, /not trusted/);
  });

  it('take the editor workspace folders when the host gives them', () => {
    const fs = memoryFileSystem({ '/ws/s.json': schema, '/ws/sub/a.yaml': '' });
    const loader = new WorkspaceSchemaLoader(fs, schemas, () => ['/ws']);
    assert.ok('id' in loader.load('file:///ws/s.json', '/ws/sub/a.yaml'));
    assert.ok(
      'problem' in
        new WorkspaceSchemaLoader(fs, schemas, () => ['/ws/sub']).load('file:///ws/s.json', '/ws/sub/a.yaml'),
    );
  });
});

describe('config-unpinned sits on the revision key when there is one', () => {
  const HF = 'output_dir: out\nper_device_train_batch_size: 8\nnum_train_epochs: 3\nbf16: true\n';

  it('HF TrainingArguments: model_revision: main is the line to fix', () => {
    const text = `${HF}model_name_or_path: acme/base\nmodel_revision: main\n`;
    const { found, diagnostics } = check('/w/train.yaml', text);
    assert.deepEqual(found, [['config-unpinned', 5, 'warning']]);
    assert.deepEqual(diagnostics[0]!.data.idPath, ['model_name_or_path']);
    assert.deepEqual(check('/w/train.yaml', `${HF}model_name_or_path: acme/base\n`).found, [
      ['config-unpinned', 4, 'warning'],
    ]);
  });

  it('Axolotl: revision_of_model and datasets[].revision', () => {
    const text =
      'base_model: acme/base\nrevision_of_model: main\ndatasets:\n  - path: acme/chats\n    revision: dev\n    type: chat_template\n  - path: acme/more\n    type: alpaca\nmicro_batch_size: 2\nlearning_rate: 0.0001\n';
    assert.deepEqual(
      check('/w/axolotl.yaml', text).found.map(([code, line]) => [code, line]),
      [
        ['config-unpinned', 1],
        ['config-unpinned', 4],
        ['config-unpinned', 6],
      ],
    );
  });

  it('LightningCLI: a revision key in init_args', () => {
    const text =
      'seed_everything: 1\ntrainer:\n  accelerator: gpu\n  devices: 1\n  precision: bf16-mixed\nmodel:\n  class_path: m.M\n  init_args:\n    model_name_or_path: acme/base\n    model_revision: main\n';
    assert.deepEqual(check('/w/config.yaml', text).found, [['config-unpinned', 9, 'warning']]);
  });
});
