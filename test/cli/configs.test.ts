import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/cli';

interface JsonReport {
  files: { path: string; kind: string; diagnostics: { code: string; message: string }[] }[];
}

describe('cardwright check on training configs', () => {
  it('uses the schema a .cardwright.yaml associates with matching files', () => {
    const root = mkdtempSync(join(tmpdir(), 'cardwright-assoc-'));
    mkdirSync(join(root, 'configs'));
    writeFileSync(join(root, '.cardwright.yaml'), 'schemas:\n  - schema: deepspeed\n    files: ["configs/*.json"]\n');
    // Nothing in this file says "DeepSpeed" by content: only the association does.
    writeFileSync(
      join(root, 'configs/custom.json'),
      '{\n  "optimizer": {"type": "Adam"},\n  "fp16": {"enabled": "yes"}\n}\n',
    );
    writeFileSync(join(root, 'other.json'), '{"optimizer": {"type": "Adam"}, "fp16": {"enabled": "yes"}}\n');
    const result = runCli(['check', '--format', 'json', '.'], root);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((file) => [file.path, file.kind]),
      [
        ['.cardwright.yaml', 'project-config'],
        ['configs/custom.json', 'training-config'],
      ],
    );
    const codes = report.files[1]!.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('schema-type') || codes.includes('schema-enum'), codes.join());
    assert.equal(result.status, 1);
  });

  it('reports a DeepSpeed template once, as a syntax warning that does not fail CI', () => {
    const root = mkdtempSync(join(tmpdir(), 'cardwright-template-'));
    writeFileSync(
      join(root, 'ds_config_TEMPLATE.json'),
      '{\n  "train_batch_size": BATCH_SIZE,\n  "fp16": {"enabled": true}\n}\n',
    );
    const result = runCli(['check', 'ds_config_TEMPLATE.json'], root);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 3, 'the finding, the summary, where the rule pages are');
    assert.match(lines[0]!, /^ds_config_TEMPLATE\.json:2:23 warning yaml-syntax JSON syntax error: .*template/);
    assert.equal(result.status, 0);
  });

  it('recognises ML-Agents, AutoTrain, mergekit and a DVC params.yaml in a folder scan', () => {
    const root = mkdtempSync(join(tmpdir(), 'cardwright-formats-'));
    mkdirSync(join(root, 'pipeline'));
    writeFileSync(join(root, 'pipeline/dvc.yaml'), 'stages:\n  train:\n    cmd: python train.py\n');
    writeFileSync(join(root, 'pipeline/params.yaml'), 'train:\n  random_state: null\n');
    writeFileSync(
      join(root, 'walker.yaml'),
      'behaviors:\n  Walker:\n    trainer_type: sac\nenv_settings:\n  seed: -1\ntorch_settings:\n  device: cpu\n',
    );
    writeFileSync(
      join(root, 'training_params.json'),
      '{"model": "acme/base", "project_name": "p", "data_path": "d", "lr": 0.1, "batch_size": 2, "mixed_precision": "fp16"}\n',
    );
    writeFileSync(
      join(root, 'mergekit_config.yml'),
      'merge_method: linear\nmodels:\n  - model: acme/a\n  - model: acme/b\ndtype: float16\n',
    );
    const result = runCli(['check', '--format', 'json', '.'], root);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((file) => [file.path, file.diagnostics.map((d) => d.code).join()]),
      [
        ['mergekit_config.yml', 'config-unpinned,config-unpinned'],
        ['pipeline/dvc.yaml', ''],
        ['pipeline/params.yaml', 'config-no-seed'],
        ['training_params.json', 'config-unpinned'],
        ['walker.yaml', 'config-no-seed'],
      ],
    );
    assert.equal(result.status, 0);
  });
});
