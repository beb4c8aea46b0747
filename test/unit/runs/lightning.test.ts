import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { discoverRuns, readRun } from '../../../server/src/core/runs';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { listRuns, RUN_FIXTURES, testRunDeps } from '../../support/runs';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';

const LOGS = `${RUN_FIXTURES}/lightning_logs`;

describe('Lightning log version folders', () => {
  it('lists each version folder once', async () => {
    assert.deepEqual(await listRuns(LOGS, nodeFileSystem, 'name'), [
      'lightning lightning_logs/version_0',
      'lightning lightning_logs/version_1',
    ]);
  });

  it('reads hparams.yaml (despite a python tag), LightningCLI config.yaml and the last value of each metric', async () => {
    const run = await readRun(`${LOGS}/version_0`, testRunDeps());
    assert.ok(run);
    assert.equal(run.id, 'version_0');
    assert.equal(run.status, 'unknown');
    assert.deepEqual(run.notes, []);
    // CSVLogger leaves other metrics' cells empty: each column's last filled cell counts.
    assert.deepEqual(run.metrics, { train_loss: 0.5, val_loss: 0.45, 'val,acc': 0.83 });
    assert.equal(run.params.hidden_dim, 128);
    assert.equal(run.params.layers, '[64,32]');
    assert.equal(typeof run.params.scheduler, 'string');
    assert.equal(run.params.seed_everything, 42);
    assert.equal(run.params['trainer.precision'], 'bf16-mixed');
    assert.equal(run.params['model.init_args.lr'], 0.001);
    const config = `${LOGS}/version_0/config.yaml`;
    assert.deepEqual(run.config, { path: config, sha256: nodeSha256(readFileSync(config)) });
  });

  it('a TensorBoard-only version folder: hparams, and a note that its metrics are not read', async () => {
    const run = await readRun(`${LOGS}/version_1`, testRunDeps());
    assert.deepEqual(run?.params, { lr: 0.01 });
    assert.deepEqual(run?.metrics, {});
    assert.deepEqual(run?.notes, ['metrics are in TensorBoard event files, which are not read']);
    assert.equal(run?.config?.path, `${LOGS}/version_1/hparams.yaml`);
  });

  it('a metrics.csv alone is enough (a final nan drops the metric); version_2 without logs is not a run', async () => {
    const fs = memoryFileSystem({
      '/p/logs/mnist/version_0/metrics.csv': 'epoch,step,acc,loss\r\n0,10,0.5,1.2\r\n1,20,0.75,nan\r\n',
      '/p/logs/mnist/version_2/readme.txt': 'empty',
    });
    const runs = await discoverRuns('/p', testRunDeps(fs));
    assert.deepEqual(
      runs.map((run) => [run.name, run.metrics]),
      [['mnist/version_0', { acc: 0.75 }]],
    );
  });
});
