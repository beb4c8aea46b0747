import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverRuns, readRun } from '../../../server/src/core/runs';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { listRuns, RUN_FIXTURES, testRunDeps } from '../../support/runs';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';

const RUN = `${RUN_FIXTURES}/outputs/2024-05-01/12-30-00`;

describe('Hydra output folders', () => {
  it('reads the composed config, the chosen groups, the overrides and the time from the folder', async () => {
    const run = await readRun(RUN, testRunDeps());
    assert.ok(run);
    assert.equal(run.tracker, 'hydra');
    assert.equal(run.id, '2024-05-01/12-30-00');
    assert.equal(run.name, 'train 2024-05-01/12-30-00');
    assert.equal(run.status, 'unknown');
    assert.equal(run.start, '2024-05-01T12:30:00', 'local time: Hydra does not record the offset');
    assert.deepEqual(run.params, {
      'model._target_': 'src.models.Net',
      'model.hidden': 256,
      'optimizer.lr': 0.01,
      'data.root': '${hydra:runtime.cwd}/data',
      'data.batch_size': 128,
      seed: 7,
      tags: '["baseline","mnist"]',
      'hydra.choices.data': 'mnist',
      'hydra.choices.model': 'net',
      'hydra.overrides': 'optimizer.lr=0.01 seed=7',
    });
    assert.equal(run.config?.path, `${RUN}/.hydra/config.yaml`);
    assert.match(run.config?.sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  it('is found by discovery, and so is the same run given as its .hydra folder', async () => {
    assert.deepEqual(await listRuns(`${RUN_FIXTURES}/outputs`, nodeFileSystem, 'path'), [`hydra ${RUN}`]);
    assert.equal((await readRun(`${RUN}/.hydra`, testRunDeps()))?.path, RUN);
  });

  it('multirun jobs get their job number; other trackers inside a run folder are found too', async () => {
    const hydraFiles = (folder: string) => ({
      [`${folder}/.hydra/config.yaml`]: 'lr: 0.1\n',
      [`${folder}/.hydra/hydra.yaml`]: 'hydra:\n  job:\n    name: sweep\n',
      [`${folder}/.hydra/overrides.yaml`]: '[]\n',
    });
    const fs = memoryFileSystem({
      ...hydraFiles('/p/multirun/2024-06-01/09-00-00/0'),
      ...hydraFiles('/p/multirun/2024-06-01/09-00-00/1'),
      '/p/multirun/2024-06-01/09-00-00/1/lightning_logs/version_0/metrics.csv': 'step,acc\n1,0.9\n',
    });
    assert.deepEqual(await listRuns('/p', fs), [
      'hydra 2024-06-01/09-00-00/0',
      'hydra 2024-06-01/09-00-00/1',
      'lightning version_0',
    ]);
  });

  it('a folder with config.yaml and hydra.yaml that are not Hydra output is not a run', async () => {
    const fs = memoryFileSystem({ '/p/conf/config.yaml': 'a: 1\n', '/p/conf/hydra.yaml': 'run:\n  dir: out\n' });
    assert.deepEqual(await discoverRuns('/p', testRunDeps(fs)), []);
  });
});
