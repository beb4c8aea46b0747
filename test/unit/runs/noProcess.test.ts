import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { buildMlflowDb, DB_RUNS } from '../../support/mlflowDb';
import { makeRepository, scratchFolder, type Scratch } from '../../support/gitRepos';
import { readGuardCalls, writeProcessGuard } from '../../support/processGuard';
import { RUN_FIXTURES } from '../../support/runs';

/*
 * The library reads runs and repositories without starting a process, and works bundled.
 * Run discovery and git reads are bundled as the extension bundles them (esbuild, CJS, node20),
 * with sql.js's wasm copied next to the bundle, then run in a child node whose child_process
 * functions all throw and are recorded.
 */

interface EntryOutput {
  runs: { tracker: string; path: string; notes: string[]; metrics: Record<string, number> }[];
  run?: { id: string; metrics: Record<string, number> };
  git: {
    facts?: { commit?: string; branch?: string; remote?: string };
    main?: string;
    hasHead: boolean;
    short?: string;
  };
}

describe('no process is ever started, bundled', () => {
  let scratch: Scratch;
  before(async () => {
    scratch = scratchFolder();
    makeRepository(scratch, 'ws');
    scratch.git('ws', 'gc', '-q');
    cpSync(RUN_FIXTURES, scratch.path('ws/runs'), { recursive: true });
    writeFileSync(scratch.path('ws/mlflow.db'), await buildMlflowDb());
    writeProcessGuard(scratch.path('guard.cjs'));
    mkdirSync(scratch.path('dist'));
    await build({
      entryPoints: [join(__dirname, '..', '..', 'support', 'noProcessEntry.ts')],
      outfile: scratch.path('dist/entry.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
    });
  });
  after(() => scratch.remove());

  /** Runs the bundle in a guarded node; returns its output and the child_process calls it made. */
  function runGuarded(): { output: EntryOutput; calls: string[] } {
    const calls = scratch.path('calls.json');
    const ws = scratch.path('ws');
    const stdout = execFileSync(
      process.execPath,
      [
        '--require',
        scratch.path('guard.cjs'),
        scratch.path('dist/entry.js'),
        ws,
        ws,
        `${ws}/mlflow.db#${DB_RUNS.finished}`,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, CARDWRIGHT_CALLS: calls }, cwd: scratch.root },
    );
    return { output: JSON.parse(stdout) as EntryOutput, calls: readGuardCalls(calls) };
  }

  it('the guard itself records and refuses a call', () => {
    const calls = scratch.path('guard-check.json');
    const script = "try { require('child_process').execSync('true') } catch {}";
    execFileSync(process.execPath, ['--require', scratch.path('guard.cjs'), '-e', script], {
      env: { PATH: process.env.PATH, CARDWRIGHT_CALLS: calls },
    });
    assert.deepEqual(readGuardCalls(calls), ['execSync true']);
  });

  it('without sql-wasm.wasm next to the bundle, mlflow.db is listed with a note, nothing else fails', () => {
    const { output, calls } = runGuarded();
    assert.deepEqual(calls, []);
    const db = output.runs.find((run) => run.path.endsWith('/mlflow.db'));
    assert.match(db?.notes[0] ?? '', /sql-wasm\.wasm\) was not found/);
    assert.equal(output.runs.filter((run) => run.path.includes('/runs/')).length, 9);
  });

  it('with the wasm copied next to the bundle: runs, the database and git facts, and no process', () => {
    copyFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'), scratch.path('dist/sql-wasm.wasm'));
    const { output, calls } = runGuarded();
    assert.deepEqual(calls, [], 'no child_process function was called');
    const dbRuns = output.runs.filter((run) => run.path.includes('/mlflow.db#'));
    assert.equal(dbRuns.length, 2);
    assert.deepEqual(output.run, { id: DB_RUNS.finished, metrics: { accuracy: 0.931, f1: 0.928 } });
    assert.deepEqual([...new Set(output.runs.map((run) => run.tracker))].sort(), [
      'dvc',
      'hf-trainer',
      'hydra',
      'lightning',
      'mlflow',
      'wandb',
    ]);
    const head = scratch.git('ws', 'rev-parse', 'HEAD');
    assert.deepEqual(output.git.facts, {
      workTree: scratch.path('ws'),
      detached: false,
      commit: head,
      branch: 'main',
      remote: 'https://github.com/acme/sentiment.git',
    });
    assert.equal(output.git.main, head);
    assert.equal(output.git.hasHead, true);
    assert.equal(output.git.short, head);
  });
});
