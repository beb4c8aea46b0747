import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverRuns, readRun } from '../../../server/src/core/runs';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { listRuns, RUN_FIXTURES, runAt, testRunDeps } from '../../support/runs';

const STORE = `${RUN_FIXTURES}/mlruns`;
const FINISHED = `${STORE}/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9`;
const RUNNING = `${STORE}/0/a0b1c2d3e4f5061728394a5b6c7d8e9f`;

describe('MLflow folder store', () => {
  it('lists the runs MLflow shows: not deleted ones, not the trash, not experiment tags or datasets', async () => {
    assert.deepEqual(await listRuns(STORE), [
      'mlflow 5f1b2c3d4e5f40718293a4b5c6d7e8f9',
      'mlflow a0b1c2d3e4f5061728394a5b6c7d8e9f',
    ]);
  });

  it('reads a finished run: name, times, experiment, params with nested keys, latest metrics', async () => {
    const run = await readRun(FINISHED, testRunDeps());
    assert.ok(run);
    assert.equal(run.name, 'distilbert-imdb');
    assert.equal(run.status, 'finished');
    assert.deepEqual(run.notes, []);
    assert.equal(run.start, '2024-05-01T08:00:00.000Z');
    assert.equal(run.end, '2024-05-01T08:55:20.500Z');
    assert.deepEqual(run.experiment, { id: '0', name: 'Default' });
    assert.deepEqual(run.params, { epochs: '3', model_name: 'distilbert-base-uncased', 'optimizer/lr': '0.00005' });
    // accuracy: the highest step wins even when a later line has a lower step; loss: same step, latest time.
    assert.deepEqual(run.metrics, { accuracy: 0.931, f1: 0.928, loss: 0.39 });
  });

  it('reads git tags, dropping the token from the remote URL', async () => {
    const run = await readRun(FINISHED, testRunDeps());
    assert.deepEqual(run?.code, {
      commit: '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d',
      branch: 'main',
      remote: 'https://github.com/acme/sentiment.git',
    });
  });

  it('reads dataset inputs with their Hub revision, split, digest and context', async () => {
    const run = await readRun(FINISHED, testRunDeps());
    assert.deepEqual(run?.datasets, [
      {
        id: 'stanfordnlp/imdb',
        revision: 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31',
        digest: '4a1e7c2b',
        split: 'train',
        context: 'training',
      },
    ]);
  });

  it('an unfinished run: running, no end, a note, its name from the id; a NaN latest value is left out', async () => {
    const run = await readRun(RUNNING, testRunDeps());
    assert.ok(run);
    assert.equal(run.status, 'running');
    assert.equal(run.end, undefined);
    assert.equal(run.name, run.id);
    assert.match(run.notes.join('\n'), /recorded no end/);
    assert.deepEqual(run.metrics, { accuracy: 0.81 });
    assert.equal(run.code, undefined);
  });

  it('a deleted run is read when asked for by path, with a note', async () => {
    const run = await readRun(`${STORE}/0/d3e1e7ed00000000000000000000dead`, testRunDeps());
    assert.equal(run?.status, 'killed');
    assert.deepEqual(run?.notes, ['deleted in MLflow']);
  });

  it('the store, an experiment and a params folder are not one run', async () => {
    const deps = testRunDeps();
    assert.equal(await readRun(STORE, deps), undefined);
    assert.equal(await readRun(`${STORE}/0`, deps), undefined);
    assert.equal(await readRun(`${FINISHED}/params`, deps), undefined);
  });

  it('maps every status code and tolerates odd meta.yaml files', async () => {
    const files: Record<string, string> = { '/s/0/meta.yaml': "experiment_id: '0'\nname: Default\n" };
    const codes = { 1: 'running', 2: 'unknown', 3: 'finished', 4: 'failed', 5: 'killed', 9: 'unknown' };
    for (const code of Object.keys(codes)) {
      files[`/s/0/r${code}/meta.yaml`] = `run_id: r${code}\nstatus: ${code}\nstart_time: 0\nend_time: 1\n`;
    }
    files['/s/0/broken/meta.yaml'] = 'run_id: [unclosed\n';
    files['/s/0/notes.txt'] = 'not a run';
    const runs = await discoverRuns('/s', testRunDeps(memoryFileSystem(files)));
    assert.deepEqual(Object.fromEntries(runs.map((run) => [run.id.slice(1), run.status])), codes);
    assert.equal(runs.find((run) => run.id === 'r2')?.notes[0], 'scheduled in MLflow but never started');
    assert.equal(runs[0]?.start, undefined, 'start_time 0 is no time');
  });

  it('finds a store inside a project, next to other files', async () => {
    const runs = await discoverRuns(RUN_FIXTURES, testRunDeps());
    runAt(runs, 'mlflow', '/mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9');
    runAt(runs, 'mlflow', '/mlruns/0/a0b1c2d3e4f5061728394a5b6c7d8e9f');
    assert.equal(runs.filter((run) => run.tracker === 'mlflow').length, 2);
  });
});
