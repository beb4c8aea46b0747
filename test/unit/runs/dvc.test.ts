import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { discoverRuns, readRun } from '../../../server/src/core/runs';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { RUN_FIXTURES, testRunDeps } from '../../support/runs';

const PROJECT = `${RUN_FIXTURES}/dvc-project`;

describe('DVC projects', () => {
  it('reads the locked state: params as dvc.lock recorded them, metrics, data with hashes', async () => {
    const run = await readRun(PROJECT, testRunDeps());
    assert.ok(run);
    assert.equal(run.tracker, 'dvc');
    assert.equal(run.id, nodeSha256(readFileSync(`${PROJECT}/dvc.lock`)).slice(0, 12));
    assert.equal(run.name, 'dvc-project');
    assert.equal(run.status, 'finished');
    assert.deepEqual(run.notes, []);
    // train.lr is 0.001 in dvc.lock (what the run used) though params.yaml now says 0.002.
    assert.deepEqual(run.params, {
      'prepare.split': 0.2,
      'train.epochs': 10,
      'train.lr': 0.001,
      'model.yaml:arch': 'resnet18',
      'train.batch_size': 64,
    });
    assert.deepEqual(run.metrics, {
      'train.loss': 0.21,
      'val.loss': 0.33,
      'val.acc': 0.9,
      accuracy: 0.905,
      roc_auc: 0.97,
    });
    assert.deepEqual(run.config, {
      path: `${PROJECT}/params.yaml`,
      sha256: nodeSha256(readFileSync(`${PROJECT}/params.yaml`)),
    });
    assert.deepEqual(run.datasets, [
      { id: 'data/raw', digest: '0a1b2c3d4e5f60718293a4b5c6d7e8f9.dir', source: 'dvc.lock' },
      {
        id: 'data/reviews.csv',
        source: 'https://github.com/acme/datasets',
        revision: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
        digest: '6666bbbb6666bbbb6666bbbb6666bbbb',
      },
    ]);
  });

  it('a pipeline never run (no dvc.lock) is listed with a note and the current params', async () => {
    const fs = memoryFileSystem({
      '/p/dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n',
      '/p/params.yaml': 'lr: 0.1\n',
    });
    const [run] = await discoverRuns('/p', testRunDeps(fs));
    assert.equal(run?.status, 'unknown');
    assert.equal(run?.id, 'p');
    assert.deepEqual(run?.params, { lr: 0.1 });
    assert.match(run?.notes[0] ?? '', /no dvc\.lock/);
  });

  it('DVCLive without a pipeline is a run too; the project is walked for other trackers', async () => {
    const fs = memoryFileSystem({
      '/p/dvclive/metrics.json': '{"step": 3, "acc": 0.7}',
      '/p/mlruns/0/meta.yaml': "experiment_id: '0'\n",
      '/p/mlruns/0/abc/meta.yaml': 'run_id: abc\nstatus: 3\n',
    });
    const runs = await discoverRuns('/p', testRunDeps(fs));
    assert.deepEqual(
      runs.map((run) => [run.tracker, run.id, run.metrics]),
      [
        ['dvc', 'p', { acc: 0.7 }],
        ['mlflow', 'abc', {}],
      ],
    );
  });
});
