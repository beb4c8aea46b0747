import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverRuns, NOT_SYNCED, readRun } from '../../../server/src/core/runs';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { listRuns, RUN_FIXTURES, testRunDeps } from '../../support/runs';
import { readFileSync } from 'node:fs';

const SYNCED = `${RUN_FIXTURES}/wandb/run-20240501_101500-k3x9q2ab`;
const OFFLINE = `${RUN_FIXTURES}/wandb/offline-run-20240502_080000-z8y7w6v5`;

describe('W&B run folders', () => {
  it('finds the synced and the offline run, nothing inside them', async () => {
    assert.deepEqual(await listRuns(`${RUN_FIXTURES}/wandb`), ['wandb z8y7w6v5', 'wandb k3x9q2ab']);
  });

  it('reads a synced run: config values, summary metrics, times, git, hardware, base model', async () => {
    const run = await readRun(SYNCED, testRunDeps());
    assert.ok(run);
    assert.equal(run.name, 'tiny-gpt-sweep-3');
    assert.equal(run.status, 'unknown', 'the status is only in the binary log');
    assert.deepEqual(run.notes, []);
    assert.equal(run.start, '2024-05-01T08:15:00.123Z');
    assert.equal(run.end, '2024-05-01T09:15:00.123Z');
    assert.deepEqual(run.params, {
      learning_rate: 0.0003,
      batch_size: 32,
      run_name: 'tiny-gpt-sweep-3',
      'optimizer.name': 'adamw',
      'optimizer.betas': '[0.9,0.95]',
      _name_or_path: 'openai-community/gpt2',
    });
    // Bookkeeping (_step, _runtime), media ({_type}) and NaN are not metrics; nested values are.
    assert.deepEqual(run.metrics, { 'train/loss': 2.31, 'eval/perplexity': 10.07, 'eval.accuracy': 0.55 });
    assert.deepEqual(run.code, {
      commit: '8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
      remote: 'https://github.com/acme/tiny-gpt.git',
      dirty: true,
    });
    assert.deepEqual(run.hardware, { accelerator: 'NVIDIA A100-SXM4-80GB', count: 8, cpuCount: 32 });
    assert.deepEqual(run.baseModel, { id: 'openai-community/gpt2' });
  });

  it('hashes files/config.yaml as it is on disk', async () => {
    const run = await readRun(SYNCED, testRunDeps());
    const path = `${SYNCED}/files/config.yaml`;
    assert.deepEqual(run?.config, { path, sha256: nodeSha256(readFileSync(path)) });
  });

  it('an offline run with only its .wandb file: status unknown and "not synced", nothing guessed', async () => {
    const run = await readRun(OFFLINE, testRunDeps());
    assert.deepEqual(run, {
      tracker: 'wandb',
      id: 'z8y7w6v5',
      name: 'z8y7w6v5',
      path: OFFLINE,
      status: 'unknown',
      notes: [NOT_SYNCED],
      start: '2024-05-02T08:00:00',
      params: {},
      metrics: {},
      datasets: [],
    });
    assert.equal(NOT_SYNCED, 'not synced: run `wandb sync` first');
  });

  it('reads the metadata of older SDKs (gpu_devices, UTC time without an offset) and no git', async () => {
    const fs = memoryFileSystem({
      '/w/wandb/run-20230101_000000-old1/files/wandb-metadata.json': JSON.stringify({
        startedAt: '2023-01-01T00:00:05.250000',
        gpu: 'Tesla T4',
        gpu_count: 2,
        gpu_devices: [{ name: 'Tesla T4', memory_total: 16106127360 }],
        cpu_count: 4,
      }),
      '/w/wandb/run-20230101_000000-old1/files/wandb-summary.json': '{"loss": "0.5", "_runtime": 10}',
      '/w/wandb/run-20230101_000000-old1/files/config.yaml': 'wandb_version: 1\n\nlr:\n  desc: null\n  value: 0.1\n',
      '/w/wandb/latest-run/files/config.yaml': 'lr:\n  value: 0.1\n',
    });
    const runs = await discoverRuns('/w', testRunDeps(fs));
    assert.equal(runs.length, 1, 'latest-run is a link to a run already listed');
    const [run] = runs;
    assert.equal(run?.start, '2023-01-01T00:00:05.250Z');
    assert.equal(run?.end, '2023-01-01T00:00:15.250Z');
    assert.deepEqual(run?.params, { lr: 0.1 });
    assert.deepEqual(run?.metrics, { loss: 0.5 });
    assert.deepEqual(run?.hardware, { accelerator: 'Tesla T4', count: 2, cpuCount: 4 });
    assert.equal(run?.code, undefined);
  });

  it('a folder named like a run but holding no W&B files is not a run', async () => {
    const fs = memoryFileSystem({ '/w/run-20240101_000000-abc/notes.txt': 'hello' });
    assert.deepEqual(await discoverRuns('/w', testRunDeps(fs)), []);
  });
});
