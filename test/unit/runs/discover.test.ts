import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverRuns, readRun, splitRecordPath } from '../../../server/src/core/runs';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { RUN_FIXTURES, testRunDeps } from '../../support/runs';

describe('discoverRuns', () => {
  it('finds every fixture run, from every tracker, in path order', async () => {
    const runs = await discoverRuns(RUN_FIXTURES, testRunDeps());
    const relative = (path: string) => path.slice(RUN_FIXTURES.length + 1);
    assert.deepEqual(
      runs.map((run) => `${run.tracker} ${relative(run.path)}`),
      [
        'dvc dvc-project',
        'hf-trainer hf-output',
        'lightning lightning_logs/version_0',
        'lightning lightning_logs/version_1',
        'mlflow mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9',
        'mlflow mlruns/0/a0b1c2d3e4f5061728394a5b6c7d8e9f',
        'hydra outputs/2024-05-01/12-30-00',
        'wandb wandb/offline-run-20240502_080000-z8y7w6v5',
        'wandb wandb/run-20240501_101500-k3x9q2ab',
      ],
    );
    for (const run of runs) assert.ok(run.id && run.name, `${run.path} has an id and a name`);
  });

  it('gives the same answer twice (no state kept between calls)', async () => {
    const deps = testRunDeps();
    assert.deepEqual(await discoverRuns(RUN_FIXTURES, deps), await discoverRuns(`${RUN_FIXTURES}/`, deps));
  });

  it('skips dependency and hidden folders, and stops at the depth bound', async () => {
    const run = (folder: string) => ({ [`${folder}/trainer_state.json`]: '{"global_step": 1}' });
    const fs = memoryFileSystem({
      ...run('/w/node_modules/pkg/out'),
      ...run('/w/.venv/lib/out'),
      ...run('/w/site-packages/out'),
      ...run('/w/a/b/c/out'),
    });
    const deps = testRunDeps(fs);
    assert.deepEqual(
      (await discoverRuns('/w', deps)).map((r) => r.path),
      ['/w/a/b/c/out'],
    );
    assert.deepEqual(await discoverRuns('/w', deps, { maxDepth: 3 }), []);
    assert.equal((await discoverRuns('/w', deps, { maxDepth: 4 })).length, 1);
  });

  it('stops after maxFolders folders', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 20; index++) files[`/w/d${String(index).padStart(2, '0')}/trainer_state.json`] = '{}';
    assert.equal((await discoverRuns('/w', testRunDeps(memoryFileSystem(files)), { maxFolders: 6 })).length, 5);
  });

  it('an adapter that throws leaves a record with a note; the other runs are still found', async () => {
    const fs = memoryFileSystem({
      '/w/a/trainer_state.json': '{}',
      '/w/b/trainer_state.json': '{}',
      '/w/b/config.json': '{"architectures": ["X"]}',
    });
    const failing = { ...fs, readFile: (path: string) => (path === '/w/b/config.json' ? boom() : fs.readFile(path)) };
    const runs = await discoverRuns('/w', { fs: failing, sha256: nodeSha256 });
    assert.deepEqual(
      runs.map((run) => [run.path, run.notes]),
      [
        ['/w/a', []],
        ['/w/b', ['could not be read: disk on fire']],
      ],
    );
    assert.deepEqual((await readRun('/w/b', { fs: failing, sha256: nodeSha256 }))?.notes, [
      'could not be read: disk on fire',
    ]);
  });

  it('readRun: undefined for a folder no tracker knows', async () => {
    assert.equal(await readRun(`${RUN_FIXTURES}/wandb`, testRunDeps()), undefined);
    assert.equal(await readRun('/nowhere/at/all', testRunDeps()), undefined);
  });

  it('splitRecordPath splits a database record path', () => {
    assert.deepEqual(splitRecordPath('/p/mlflow.db#abc'), { file: '/p/mlflow.db', recordId: 'abc' });
    assert.deepEqual(splitRecordPath('/p/mlruns/0/abc'), { file: '/p/mlruns/0/abc' });
  });
});

function boom(): never {
  throw new Error('disk on fire');
}
