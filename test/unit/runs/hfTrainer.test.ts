import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverRuns, readRun } from '../../../server/src/core/runs';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { listRuns, RUN_FIXTURES, recordingFileSystem, testRunDeps } from '../../support/runs';

const OUTPUT = `${RUN_FIXTURES}/hf-output`;

describe('Hugging Face Trainer output folders', () => {
  it('reads the results files, trainer_state and the model config', async () => {
    const run = await readRun(OUTPUT, testRunDeps());
    assert.deepEqual(run, {
      tracker: 'hf-trainer',
      id: 'hf-output',
      name: 'hf-output',
      path: OUTPUT,
      status: 'finished',
      notes: ['training_args.bin is a Python pickle and is not read: training arguments are not known'],
      // all_results.json wins; eval_results.json adds eval_samples.
      metrics: {
        epoch: 2,
        eval_accuracy: 0.912,
        eval_loss: 0.412,
        eval_samples: 2000,
        train_loss: 0.61,
        train_runtime: 812.4,
      },
      params: {
        global_step: 1000,
        max_steps: 1000,
        num_train_epochs: 2,
        train_batch_size: 16,
        logging_steps: 250,
        eval_steps: 250,
        save_steps: 500,
        architecture: 'DistilBertForSequenceClassification',
        model_type: 'distilbert',
        torch_dtype: 'float32',
      },
      datasets: [],
      // A Hub cache path names the model and the exact revision that was loaded.
      baseModel: { id: 'distilbert/distilbert-base-uncased', revision: '12040accade4e8a0f71eabdb258fecc2e7e948be' },
    });
  });

  it('never reads training_args.bin (a pickle), in discovery or by path', async () => {
    const { fs, reads } = recordingFileSystem(nodeFileSystem);
    await discoverRuns(RUN_FIXTURES, testRunDeps(fs));
    await readRun(OUTPUT, testRunDeps(fs));
    assert.ok(reads.some((path) => path.endsWith('/hf-output/trainer_state.json')));
    assert.deepEqual(
      reads.filter((path) => path.endsWith('.bin')),
      [],
    );
  });

  it('checkpoints belong to their run: not listed on their own, but readable by path', async () => {
    const runs = await listRuns(RUN_FIXTURES);
    assert.deepEqual(
      runs.filter((run) => run.startsWith('hf-trainer')),
      ['hf-trainer hf-output'],
    );
    const checkpoint = await readRun(`${OUTPUT}/checkpoint-500`, testRunDeps());
    assert.equal(checkpoint?.status, 'unknown');
    assert.deepEqual(checkpoint?.notes, [
      'trainer_state.json stops at step 500 of 1000: a checkpoint, or training stopped early',
    ]);
    assert.deepEqual(checkpoint?.metrics, { eval_loss: 0.52 });
  });

  it('without results files: the last logged value of each metric, a final NaN dropped, positions left out', async () => {
    const state = {
      global_step: 30,
      max_steps: 30,
      log_history: [
        { epoch: 1, step: 10, loss: 2.5, learning_rate: 0.001 },
        { epoch: 2, step: 20, loss: 1.5, eval_bleu: 20 },
        { epoch: 3, step: 30, loss: null, eval_bleu: 22.5 },
      ],
    };
    const fs = memoryFileSystem({
      '/o/trainer_state.json': JSON.stringify(state).replace('null', 'NaN'),
      '/o/config.json': '{"_name_or_path": "./my-local-model", "model_type": "t5"}',
    });
    const run = await readRun('/o', testRunDeps(fs));
    assert.deepEqual(run?.metrics, { learning_rate: 0.001, eval_bleu: 22.5 });
    assert.equal(run?.status, 'finished', 'no train_runtime was logged, but it reached max_steps');
    assert.deepEqual(run?.notes, []);
    assert.equal(run?.baseModel, undefined, 'a local path is no model reference');
  });

  it('an output folder with only results files (no trainer_state.json) is a run', async () => {
    const fs = memoryFileSystem({ '/o/all_results.json': '{"eval_wer": 24.9, "train_runtime": 10}' });
    const run = await readRun('/o', testRunDeps(fs));
    assert.equal(run?.status, 'finished');
    assert.deepEqual(run?.metrics, { eval_wer: 24.9, train_runtime: 10 });
  });

  it('broken JSON files do not fail the folder', async () => {
    const fs = memoryFileSystem({ '/o/trainer_state.json': '{"log_history": [', '/o/eval_results.json': '[1, 2]' });
    const run = await readRun('/o', testRunDeps(fs));
    assert.equal(run?.tracker, 'hf-trainer');
    assert.deepEqual(run?.metrics, {});
  });
});
