import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { discoverRuns, readRun, type RunRecord } from '../../../server/src/core/runs';
import { testRunDeps } from '../../support/runs';

const CORPUS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const RUNS = join(CORPUS, 'runs');

/** Corpus notes (manifest.tsv) by folder: formats Cardwright does not read are said there. */
function manifestNotes(): Map<string, string> {
  const notes = new Map<string, string>();
  const path = join(CORPUS, 'manifest.tsv');
  if (!existsSync(path)) return notes;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [category, localPath, , , , note] = line.split('\t');
    if (category === 'runs' && localPath) notes.set(localPath.replace(/^runs\//, ''), note ?? '');
  }
  return notes;
}

/** Facts every run of a tracker must have when read from real folders. */
function assertSensible(run: RunRecord): void {
  const where = `${run.tracker} run at ${run.path}`;
  assert.ok(run.id && run.name, `${where}: id and name`);
  assert.ok(!run.notes.some((note) => note.startsWith('could not be read')), `${where}: ${run.notes.join('; ')}`);
  for (const [name, value] of Object.entries(run.metrics)) assert.ok(Number.isFinite(value), `${where}: ${name}`);
  if (run.start) assert.ok(!Number.isNaN(Date.parse(run.start)), `${where}: start ${run.start}`);
  switch (run.tracker) {
    case 'mlflow':
      assert.match(run.id, /^[0-9a-f]{32}$/, `${where}: MLflow run id`);
      assert.ok(run.experiment?.id, `${where}: experiment`);
      assert.ok(run.start, `${where}: start time`);
      if (run.status === 'finished') assert.ok(Object.keys(run.metrics).length > 0, `${where}: finished, with metrics`);
      break;
    case 'wandb':
      assert.ok(run.start?.endsWith('Z'), `${where}: start from the metadata`);
      assert.match(run.config?.sha256 ?? '', /^[0-9a-f]{64}$/, `${where}: config hashed`);
      assert.ok(Object.keys(run.params).length > 0 && Object.keys(run.metrics).length > 0, `${where}: params, metrics`);
      break;
    case 'hf-trainer':
    case 'lightning':
      assert.ok(Object.keys(run.metrics).length > 0, `${where}: metrics`);
      break;
    case 'hydra':
      assert.ok(run.config && Object.keys(run.params).length > 0, `${where}: config and params`);
      break;
    case 'dvc':
      break;
  }
}

describe('real run folders (corpus)', { skip: existsSync(RUNS) ? false : `no corpus at ${RUNS}: skipped` }, () => {
  it('reads every folder without an error, with sensible facts', async (t) => {
    const notes = manifestNotes();
    const deps = testRunDeps();
    const folders = readdirSync(RUNS)
      .filter((name) => statSync(join(RUNS, name)).isDirectory())
      .sort();
    assert.ok(folders.length > 0);
    for (const folder of folders) {
      const path = join(RUNS, folder);
      const runs = await discoverRuns(path, deps);
      runs.forEach(assertSensible);
      const unsupported = /ML-Agents/.test(notes.get(folder) ?? '');
      assert.equal(runs.length > 0, !unsupported, `${folder}: ${runs.length} runs (${notes.get(folder) ?? 'no note'})`);
      // A single-run folder reads the same by path (the CLI's --run).
      if (runs.length === 1 && runs[0]?.path === path) assert.deepEqual(await readRun(path, deps), runs[0]);
      const summary = runs.map((run) => `${run.tracker} ${run.status} ${Object.keys(run.metrics).length} metrics`);
      t.diagnostic(`${folder}: ${summary.join(', ') || 'no runs (not a supported tracker)'}`);
    }
  });

  it('knows the trackers of the corpus folders', async () => {
    const runs = await discoverRuns(RUNS, testRunDeps());
    const trackers = new Set(runs.map((run) => run.tracker));
    for (const tracker of ['mlflow', 'wandb', 'hf-trainer', 'lightning', 'hydra'] as const) {
      assert.ok(trackers.has(tracker), `a ${tracker} run in the corpus`);
    }
    const names = runs.filter((run) => run.tracker === 'wandb').map((run) => run.name);
    assert.ok(names.length >= 4 && names.every(Boolean), 'W&B runs have names');
  });
});
