import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSqlJsReader, discoverRuns, readMlflowDatabase, readRun } from '../../../server/src/core/runs';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { buildMlflowDb, DB_RUNS } from '../../support/mlflowDb';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { testRunDeps } from '../../support/runs';

const DB = '/project/mlflow.db';

async function projectWithDb(options: { withLatestMetrics?: boolean } = {}) {
  return memoryFileSystem({ [DB]: await buildMlflowDb(options), '/project/train.py': 'print(1)\n' });
}

describe('MLflow database (mlflow.db through sql.js)', () => {
  it('lists the active runs of active experiments, each at <database>#<run id>', async () => {
    const runs = await discoverRuns('/project', testRunDeps(await projectWithDb()));
    assert.deepEqual(
      runs.map((run) => run.path),
      [`${DB}#${DB_RUNS.finished}`, `${DB}#${DB_RUNS.running}`],
    );
  });

  it('reads a finished run: name, status text, times, experiment, params, latest metrics, git, datasets', async () => {
    const run = await readRun(`${DB}#${DB_RUNS.finished}`, testRunDeps(await projectWithDb()));
    assert.deepEqual(run, {
      tracker: 'mlflow',
      id: DB_RUNS.finished,
      name: 'distilbert-imdb',
      path: `${DB}#${DB_RUNS.finished}`,
      status: 'finished',
      notes: [],
      start: '2024-05-01T08:00:00.000Z',
      end: '2024-05-01T08:55:20.500Z',
      experiment: { id: '1', name: 'sentiment' },
      params: { learning_rate: '5e-05', epochs: '3' },
      metrics: { accuracy: 0.931, f1: 0.928 },
      code: { commit: '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d', remote: 'git@github.com:acme/sentiment.git' },
      datasets: [
        { id: 'reviews.csv', digest: '9b0c', source: '/data/reviews.csv' },
        {
          id: 'stanfordnlp/imdb',
          revision: 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31',
          digest: '4a1e7c2b',
          split: 'test',
          context: 'eval',
        },
      ],
    });
  });

  it('a running run takes its name from the mlflow.runName tag and drops a NaN latest metric', async () => {
    const run = await readRun(`${DB}#${DB_RUNS.running}`, testRunDeps(await projectWithDb()));
    assert.equal(run?.name, 'gentle-owl-42');
    assert.equal(run?.status, 'running');
    assert.deepEqual(run?.metrics, {});
    assert.match(run?.notes.join('\n') ?? '', /recorded no end/);
  });

  it('a deleted run is readable by its record path, with a note', async () => {
    const run = await readRun(`${DB}#${DB_RUNS.deleted}`, testRunDeps(await projectWithDb()));
    assert.equal(run?.status, 'killed');
    assert.deepEqual(run?.notes, ['deleted in MLflow']);
  });

  it('a database without latest_metrics (older MLflow) takes the last point of each metric', async () => {
    const run = await readRun(
      `${DB}#${DB_RUNS.finished}`,
      testRunDeps(await projectWithDb({ withLatestMetrics: false })),
    );
    assert.deepEqual(run?.metrics, { accuracy: 0.931, f1: 0.928 });
    const running = await readRun(
      `${DB}#${DB_RUNS.running}`,
      testRunDeps(await projectWithDb({ withLatestMetrics: false })),
    );
    assert.deepEqual(running?.metrics, {}, 'the last loss point is NaN');
  });

  it('the database path alone, or an unknown id, is not one run', async () => {
    const deps = testRunDeps(await projectWithDb());
    assert.equal(await readRun(DB, deps), undefined);
    assert.equal(await readRun(`${DB}#ffffffffffffffffffffffffffffffff`, deps), undefined);
  });

  it('a file named mlflow.db that is not SQLite holds no runs', async () => {
    const fs = memoryFileSystem({ [DB]: 'sqlite:///mlflow.db is the tracking URI\n' });
    assert.deepEqual(await discoverRuns('/project', testRunDeps(fs)), []);
  });

  it('without a SQLite reader, or with a broken database, the database is listed with a note', async () => {
    const fs = await projectWithDb();
    const [unread] = await discoverRuns('/project', { fs, sha256: nodeSha256 });
    assert.equal(unread?.path, DB);
    assert.match(unread?.notes[0] ?? '', /not read: no SQLite reader/);

    const bytes = await buildMlflowDb();
    const broken = memoryFileSystem({ [DB]: bytes.slice(0, 4096) });
    const runs = await readMlflowDatabase(DB, testRunDeps(broken));
    assert.equal(runs.length, 1);
    assert.match(runs[0]?.notes[0] ?? '', /were not read: /);
  });

  it('a missing wasm is reported, not thrown, and does not break later readers', async () => {
    const fs = await projectWithDb();
    const [run] = await discoverRuns('/project', {
      fs,
      sha256: nodeSha256,
      sqlite: createSqlJsReader(() => undefined),
    });
    assert.match(run?.notes[0] ?? '', /sql-wasm\.wasm\) was not found/);
    assert.equal((await discoverRuns('/project', testRunDeps(fs))).length, 2);
  });

  it('warns when a write-ahead log may hold recent changes', async () => {
    const fs = memoryFileSystem({ [DB]: await buildMlflowDb(), [`${DB}-wal`]: 'pending pages' });
    const runs = await discoverRuns('/project', testRunDeps(fs));
    assert.match(runs[0]?.notes.join('\n') ?? '', /mlflow\.db-wal, which is not read/);
  });
});
