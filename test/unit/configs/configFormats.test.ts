import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../../server/src/core/engine';
import { basename, dirname } from '../../../server/src/core/fileSystem';
import { quickFixes } from '../../../server/src/core/fixes';
import { WorkspaceSchemaLoader } from '../../../server/src/core/schemas/workspaceSchemas';
import { schemas } from '../../support/check';
import { applyEdits } from '../../support/edits';
import { memoryFileSystem } from '../../support/memoryFileSystem';

/** Checks `text` as the file at `path`, with `files` beside it (trusted workspace, as the CLI). */
function check(path: string, text: string, files: Record<string, string> = {}, trusted = true) {
  const fs = memoryFileSystem({ ...files, [path]: text });
  const doc = new ParsedDocument(
    { uri: path, fileName: basename(path), version: 1, text },
    { siblings: () => fs.readDirectory(dirname(path)) },
  );
  const workspaceSchemas = trusted ? new WorkspaceSchemaLoader(fs, schemas) : undefined;
  const diagnostics = checkDocument(doc, { schemas, fs, path, workspaceSchemas });
  const found = diagnostics.map((d) => [d.code, d.range.start.line, d.severity] as const);
  return { doc, diagnostics, found, codes: diagnostics.map((d) => d.code) };
}

const ML_AGENTS = `behaviors:
  Walker:
    trainer_type: ppo
    hyperparameters:
      batch_size: 2048
      buffer_size: 20480
      learning_rate: 0.0003
    max_steps: 1000000
env_settings:
  env_path: ./builds/walker
  seed: 7
torch_settings:
  device: cuda
`;

describe('Unity ML-Agents trainer configs', () => {
  it('are recognised by behaviors.<name>.trainer_type and a clean one has no findings', () => {
    const { doc, codes } = check('/w/config/walker.yaml', ML_AGENTS);
    assert.equal(doc.config?.schema?.format, 'ml-agents');
    assert.deepEqual(codes, []);
  });

  it('ask for a seed when env_settings.seed is -1 (random every run), on that line, and fix it', () => {
    const text = ML_AGENTS.replace('seed: 7', 'seed: -1');
    const { doc, diagnostics, found } = check('/w/config/walker.yaml', text);
    assert.deepEqual(found, [['config-no-seed', 10, 'warning']]);
    const fixed = applyEdits(text, quickFixes(doc, diagnostics[0]!)[0]!.edits);
    assert.match(fixed, /^ {2}seed: 42$/m);
    assert.deepEqual(check('/w/config/walker.yaml', fixed).codes, []);
  });

  it('ask for a seed when there is none, and for the device when it is left to auto', () => {
    const text = ML_AGENTS.replace('  seed: 7\n', '').replace('torch_settings:\n  device: cuda\n', '');
    assert.deepEqual(check('/w/config/walker.yaml', text).found, [
      ['config-no-hardware', 0, 'info'],
      ['config-no-seed', 8, 'warning'],
    ]);
  });

  it('report an unknown top-level key (mlagents-learn refuses it)', () => {
    const { found, diagnostics } = check('/w/config/walker.yaml', `${ML_AGENTS}checkpoints: 3\n`);
    assert.deepEqual(found, [['schema-constraint', 13, 'error']]);
    assert.equal(diagnostics[0]!.message, '"checkpoints" is not allowed');
  });
});

const AUTOTRAIN = JSON.stringify(
  {
    model: 'acme/tiny-chat-1b',
    project_name: 'support-bot',
    data_path: 'acme/support-chats',
    trainer: 'sft',
    lr: 0.0002,
    epochs: 2,
    batch_size: 4,
    mixed_precision: 'bf16',
    seed: 42,
  },
  null,
  2,
);

describe('AutoTrain training_params.json', () => {
  it('is recognised and reports a Hub model, which AutoTrain cannot pin, on the model key', () => {
    const { doc, found, diagnostics } = check('/w/out/training_params.json', AUTOTRAIN);
    assert.equal(doc.config?.schema?.format, 'autotrain');
    assert.deepEqual(found, [['config-unpinned', 1, 'warning']]);
    assert.match(diagnostics[0]!.message, /no revision key/);
  });

  it('has no findings when the model is a local snapshot', () => {
    const text = AUTOTRAIN.replace('"acme/tiny-chat-1b"', '"./snapshots/tiny-chat-1b"');
    assert.deepEqual(check('/w/out/training_params.json', text).codes, []);
  });

  it('asks for the precision and the batch size when they are not stated', () => {
    const text = AUTOTRAIN.replace(/\n {2}"batch_size": 4,|\n {2}"mixed_precision": "bf16",/g, '').replace(
      '"acme/tiny-chat-1b"',
      '"./base"',
    );
    assert.deepEqual(check('/w/out/training_params.json', text).codes, ['config-no-hardware', 'config-no-precision']);
  });
});

const MERGEKIT = `merge_method: slerp
base_model: acme/base-7b@0123456789abcdef0123456789abcdef01234567
slices:
  - sources:
      - model: acme/base-7b@0123456789abcdef0123456789abcdef01234567
        layer_range: [0, 32]
      - model: acme/chat-7b@89abcdef0123456789abcdef0123456789abcdef
        layer_range: [0, 32]
parameters:
  t: 0.5
dtype: bfloat16
`;

describe('mergekit configs', () => {
  it('are recognised and a config with every model pinned (@sha) is clean', () => {
    const { doc, codes } = check('/w/merge/mergekit_config.yml', MERGEKIT);
    assert.equal(doc.config?.schema?.format, 'mergekit');
    assert.deepEqual(codes, []);
  });

  it('report each unpinned model reference where it is written', () => {
    const text = MERGEKIT.replace('acme/chat-7b@89abcdef0123456789abcdef0123456789abcdef', 'acme/chat-7b').replace(
      'base_model: acme/base-7b@0123456789abcdef0123456789abcdef01234567',
      'base_model: acme/base-7b@main',
    );
    const { found, diagnostics } = check('/w/merge/mergekit_config.yml', text);
    assert.deepEqual(found, [
      ['config-unpinned', 1, 'warning'],
      ['config-unpinned', 6, 'warning'],
    ]);
    assert.match(diagnostics[0]!.message, /"main" is a branch/);
    assert.match(diagnostics[1]!.message, /acme\/chat-7b@<commit sha>/);
  });

  it('reads models[] and the {path, revision} form, pointing at the revision key', () => {
    const text =
      'merge_method: linear\nmodels:\n  - model:\n      model:\n        path: acme/a-7b\n        revision: main\n  - model: ./local/b\ndtype: float16\n';
    assert.deepEqual(check('/w/merge/merge.yaml', text).found, [['config-unpinned', 5, 'warning']]);
  });
});

describe('DVC params.yaml', () => {
  const params = 'prepare:\n  test_size: 0.2\n  random_state: 13\ntrain:\n  n_estimators: 200\n';

  it('is recognised only beside a dvc.yaml (or dvc.lock)', () => {
    const dvc = { '/w/p/dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n' };
    assert.equal(check('/w/p/params.yaml', params, dvc).doc.config?.schema?.format, 'dvc-params');
    assert.deepEqual(check('/w/p/params.yaml', params, dvc).codes, []);
    assert.equal(check('/w/q/params.yaml', params).doc.kind, 'other');
    const lock = { '/w/r/dvc.lock': "schema: '2.0'\n" };
    assert.equal(check('/w/r/params.yaml', params, lock).doc.config?.schema?.format, 'dvc-params');
  });

  it('says a missing seed as info, and a null one as a warning on its line', () => {
    const dvc = { '/w/p/dvc.yaml': 'stages: {}\n' };
    assert.deepEqual(check('/w/p/params.yaml', 'train:\n  n_estimators: 200\n', dvc).found, [
      ['config-no-seed', 0, 'info'],
    ]);
    assert.deepEqual(check('/w/p/params.yaml', params.replace('13', 'null'), dvc).found, [
      ['config-no-seed', 2, 'warning'],
    ]);
  });
});
