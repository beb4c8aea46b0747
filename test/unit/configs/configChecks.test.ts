import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument } from '../../../server/src/core/document/parsedDocument';
import { checkDocument } from '../../../server/src/core/engine';
import { quickFixes } from '../../../server/src/core/fixes';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../../server/src/core/projectConfig';
import { WorkspaceSchemaLoader } from '../../../server/src/core/schemas/workspaceSchemas';
import { schemas } from '../../support/check';
import { applyEdits } from '../../support/edits';
import { memoryFileSystem } from '../../support/memoryFileSystem';

interface Options {
  files?: Record<string, string>;
  trusted?: boolean;
  config?: ProjectConfig;
  schema?: string;
}

/** Checks a config file at /work/run/<name> as the CLI would (trusted unless told otherwise). */
function check(name: string, text: string, options: Options = {}) {
  const path = `/work/run/${name}`;
  const fs = memoryFileSystem({ ...options.files, [path]: text });
  const doc = new ParsedDocument({ uri: path, fileName: name, version: 1, text }, { schema: options.schema });
  const workspaceSchemas = options.trusted === false ? undefined : new WorkspaceSchemaLoader(fs, schemas);
  const diagnostics = checkDocument(doc, {
    schemas,
    fs,
    path,
    config: options.config ?? DEFAULT_CONFIG,
    workspaceSchemas,
  });
  return { doc, diagnostics, codes: diagnostics.map((d) => d.code) };
}

const HF = 'output_dir: out\nper_device_train_batch_size: 8\nnum_train_epochs: 3\nbf16: true\nseed: 42\n';

describe('training configs: recognition and schemas', () => {
  it('recognises formats by content and reports nothing for a clean config', () => {
    const { doc, codes } = check('train.yaml', HF);
    assert.equal(doc.kind, 'training-config');
    assert.equal(doc.config?.schema?.format, 'hf-training-args');
    assert.deepEqual(codes, []);
  });

  it('leaves YAML that is not a training config alone', () => {
    const { doc } = check('docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
    assert.equal(doc.kind, 'other');
  });

  it('reports a wrong enum value in the tool wording, with a suggestion', () => {
    const { diagnostics } = check('train.yaml', `${HF}lr_scheduler_type: cosin\n`);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['schema-enum', '"lr_scheduler_type" with value "cosin" is not valid. Did you mean "cosine"?']],
    );
  });

  it('accepts Hydra interpolations and ???, reporting ??? as a missing value', () => {
    const text = 'defaults:\n  - _self_\n  - model: mnist\ntrainer:\n  max_epochs: ${oc.env:EPOCHS}\nckpt_path: ???\n';
    const { doc, codes, diagnostics } = check('train.yaml', text);
    assert.equal(doc.config?.schema?.format, 'hydra');
    assert.deepEqual(codes, ['config-missing-value']);
    assert.equal(diagnostics[0]?.range.start.line, 5);
  });

  it('gives one clear syntax diagnostic for a DeepSpeed template with bare placeholders', () => {
    const text =
      '{\n  "train_batch_size": BATCH_SIZE,\n  "train_micro_batch_size_per_gpu": MICRO,\n  "fp16": {"enabled": true}\n}\n';
    const { codes, diagnostics } = check('ds_config_TEMPLATE.json', text);
    assert.deepEqual(codes, ['yaml-syntax']);
    assert.match(diagnostics[0]!.message, /^JSON syntax error: .*BATCH_SIZE/);
    assert.equal(check('broken.json', '{"name": oops}').doc.kind, 'other', 'other broken JSON is not ours');
  });

  it('reads DeepSpeed JSON with comments, keeping positions', () => {
    const text =
      '{\n  // tuned on 8 GPUs\n  "train_micro_batch_size_per_gpu": 4,\n  "zero_optimization": {"stage": 5},\n  "bf16": {"enabled": true}\n}\n';
    const { diagnostics } = check('ds_config.json', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['schema-enum', 3]],
    );
  });

  it('reports Python tags in rl-zoo files without calling the file broken', () => {
    const text = '!!python/object/apply:collections.OrderedDict\n- - - n_envs\n    - 8\n';
    const { codes, doc } = check('config.yml', text);
    assert.equal(doc.kind, 'training-config');
    assert.deepEqual(codes, ['yaml-unsupported-tag']);
  });
});

describe('training configs: schema references', () => {
  const schema = JSON.stringify({ type: 'object', properties: { epochs: { type: 'integer' } }, required: ['epochs'] });

  it('follows a modeline, a $schema key and a project association to a workspace schema', () => {
    const files = { '/work/run/schemas/train.schema.json': schema };
    const modeline = check(
      'custom.yaml',
      '# yaml-language-server: $schema=./schemas/train.schema.json\nepochs: two\n',
      { files },
    );
    assert.deepEqual(
      modeline.diagnostics.map((d) => d.message),
      ['"epochs" must be an integer'],
    );
    const key = check('custom.yaml', '$schema: ./schemas/train.schema.json\nlr: 1\n', { files });
    assert.deepEqual(key.codes, ['schema-required']);
    const associated = check('custom.yaml', 'epochs: 1.5\n', { files, schema: '/work/run/schemas/train.schema.json' });
    assert.deepEqual(associated.codes, ['schema-type']);
    const bundled = check('custom.yaml', 'zero_optimization: {stage: 9}\n', { schema: 'deepspeed' });
    assert.deepEqual(bundled.codes, ['config-no-hardware', 'config-no-precision', 'schema-enum']);
  });

  it('explains a schema it cannot use: missing, not JSON, a URL, or an untrusted folder', () => {
    const missing = check('a.yaml', '# yaml-language-server: $schema=./nope.json\nx: 1\n');
    assert.deepEqual(missing.codes, ['schema-unavailable']);
    assert.match(missing.diagnostics[0]!.message, /does not exist/);
    const url = check('a.yaml', 'x: 1\n', { schema: 'https://example.com/s.json' });
    assert.match(url.diagnostics[0]!.message, /never downloads/);
    const tsconfig = check(
      'tsconfig.json',
      '{"$schema": "https://json.schemastore.org/tsconfig", "compilerOptions": {}}',
    );
    assert.equal(tsconfig.doc.kind, 'other', "a URL names another tool's schema: not a training config");
    const broken = check('a.yaml', '$schema: ./bad.json\nx: 1\n', { files: { '/work/run/bad.json': '{"type": ' } });
    assert.match(broken.diagnostics[0]!.message, /not valid JSON/);
    const untrusted = check('a.yaml', '$schema: ./s.json\nx: 1\n', {
      files: { '/work/run/s.json': schema },
      trusted: false,
    });
    assert.deepEqual(
      untrusted.diagnostics.map((d) => [d.code, d.severity]),
      [['schema-unavailable', 'info']],
    );
  });

  it('survives a cyclic schema', () => {
    const cyclic = JSON.stringify({
      $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } },
      $ref: '#/$defs/node',
    });
    const { codes } = check('a.yaml', '$schema: ./c.json\nnext: {next: {next: 3}}\n', {
      files: { '/work/run/c.json': cyclic },
    });
    assert.deepEqual(codes, ['schema-type']);
  });
});

describe('training configs: reproducibility', () => {
  it('asks LightningCLI for a seed and fixes it in its own key', () => {
    const text = 'trainer:\n  accelerator: gpu\n  devices: 1\n  precision: bf16-mixed\nmodel:\n  class_path: x.Model\n';
    const { doc, diagnostics, codes } = check('config.yaml', text);
    assert.deepEqual(codes, ['config-no-seed']);
    const [fix] = quickFixes(doc, diagnostics[0]!);
    const fixed = applyEdits(text, fix!.edits);
    assert.ok(fixed.startsWith('seed_everything: 42\ntrainer:'));
    assert.deepEqual(check('config.yaml', fixed).codes, []);
  });

  it('replaces a null torchtune seed', () => {
    const text =
      'model:\n  _component_: torchtune.models.llama3_2.lora_llama3_2_1b\nseed: null\ndtype: bf16\ndevice: cuda\nbatch_size: 4\n';
    const { doc, diagnostics } = check('lora.yaml', text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['config-no-seed'],
    );
    const fixed = applyEdits(text, quickFixes(doc, diagnostics[0]!)[0]!.edits);
    assert.match(fixed, /^seed: 42$/m);
    assert.deepEqual(check('lora.yaml', fixed).codes, []);
  });

  it('reports an unpinned Hub model, and not a pinned one', () => {
    const base = `${HF}model_name_or_path: mistralai/Mistral-7B-v0.1\n`;
    const unpinned = check('train.yaml', `${base}model_revision: main\n`);
    assert.deepEqual(unpinned.codes, ['config-unpinned']);
    assert.match(unpinned.diagnostics[0]!.message, /"main" is a branch/);
    assert.deepEqual(
      check('train.yaml', `${base}model_revision: 7231864981174d9bee8c7687c24c8344414eae6b\n`).codes,
      [],
    );
    assert.deepEqual(
      check('train.yaml', `${HF}model_name_or_path: ./checkpoints/base\n`).codes,
      [],
      'a local path is not a Hub id',
    );
  });

  it('asks DeepSpeed for precision and batch, never for a seed', () => {
    const { codes, diagnostics } = check('ds_config.json', '{"zero_optimization": {"stage": 2}}\n');
    assert.deepEqual(codes, ['config-no-hardware', 'config-no-precision']);
    assert.ok(diagnostics.every((d) => d.severity === 'info'));
  });

  it('treats branch names as unpinned and shas or version tags as pinned', () => {
    const base = `${HF}model_name_or_path: acme/base\nmodel_revision: `;
    assert.deepEqual(check('train.yaml', `${base}it-mid-training\n`).codes, ['config-unpinned']);
    assert.deepEqual(check('train.yaml', `${base}v1.2\n`).codes, []);
    assert.deepEqual(check('train.yaml', `${base}3f2a9c1\n`).codes, []);
  });

  it('reports seed_everything: false (no seeding at all)', () => {
    const text =
      'seed_everything: false\ntrainer:\n  accelerator: gpu\n  precision: 32-true\nmodel:\n  class_path: x.M\n';
    const { diagnostics } = check('config.yaml', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['config-no-seed', 0]],
    );
  });

  it('recognises a Hydra run folder config by its path', () => {
    const text = 'seed: 7\ntrainer:\n  accelerator: gpu\nckpt_path: ???\n';
    const fs = memoryFileSystem({ '/work/outputs/.hydra/config.yaml': text });
    const doc = new ParsedDocument({
      uri: '/work/outputs/.hydra/config.yaml',
      fileName: 'config.yaml',
      version: 1,
      text,
    });
    assert.equal(doc.config?.schema?.format, 'hydra');
    const found = checkDocument(doc, { schemas, fs, path: '/work/outputs/.hydra/config.yaml' });
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [['config-missing-value', 'error']],
    );
  });

  it('makes ??? an error in a resolved Hydra run config', () => {
    const path = '.hydra/config.yaml';
    const text = 'defaults:\n  - _self_\nckpt_path: ???\n';
    const fs = memoryFileSystem({ [`/work/outputs/${path}`]: text });
    const doc = new ParsedDocument({ uri: 'x', fileName: 'config.yaml', version: 1, text });
    const [d] = checkDocument(doc, { schemas, fs, path: `/work/outputs/${path}` });
    assert.deepEqual([d?.code, d?.severity], ['config-missing-value', 'error']);
  });
});

describe('training configs: run records are not configs', () => {
  it('leaves W&B config records, trainer_state.json and Hydra internals alone', () => {
    assert.equal(
      check(
        'config.yaml',
        'wandb_version: 1\nlearning_rate:\n  desc: null\n  value: 0.1\nnum_train_epochs:\n  value: 3\n',
      ).doc.kind,
      'other',
    );
    assert.equal(
      check(
        'trainer_state.json',
        '{"global_step": 10, "log_history": [], "num_train_epochs": 3, "logging_steps": 5, "save_steps": 5}',
      ).doc.kind,
      'other',
    );
    const text = 'hydra:\n  job:\n    id: ???\n  sweeper:\n    _target_: hydra._internal.BasicSweeper\n';
    const doc = new ParsedDocument({
      uri: '/work/outputs/.hydra/hydra.yaml',
      fileName: 'hydra.yaml',
      version: 1,
      text,
    });
    assert.equal(doc.kind, 'other');
  });
});
