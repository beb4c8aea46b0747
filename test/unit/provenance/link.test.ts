import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ParsedDocument } from '../../../server/src/core/document/parsedDocument';
import {
  buildProvenance,
  linkRun,
  metricKey,
  metricsEdit,
  readLinkFacts,
  relativePath,
  type LinkFacts,
} from '../../../server/src/core/provenance';
import { newRunRecord, readRun, type RunRecord } from '../../../server/src/core/runs';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { buildMlflowDb, DB_RUNS } from '../../support/mlflowDb';
import { makeRepository, scratchFolder, type Scratch } from '../../support/gitRepos';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { RUN_FIXTURES, testRunDeps } from '../../support/runs';

const MLFLOW_RUN = `${RUN_FIXTURES}/mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9`;
const WANDB_RUN = `${RUN_FIXTURES}/wandb/run-20240501_101500-k3x9q2ab`;
/** Cards sit in a folder beside the fixtures, so paths in the block start with `../`. */
const CARD = `${RUN_FIXTURES}/model/README.md`;

async function fixtureRun(path: string): Promise<RunRecord> {
  const run = await readRun(path, testRunDeps());
  assert.ok(run, `a run at ${path}`);
  return run;
}

function card(text: string, path = CARD): ParsedDocument {
  return new ParsedDocument({ uri: path, fileName: 'README.md', version: 1, text }, { kind: 'model-card' });
}

describe('buildProvenance', () => {
  it('an MLflow run: its commit, branch and remote, datasets with revisions, paths from the card folder', async () => {
    const block = buildProvenance(await fixtureRun(MLFLOW_RUN), { cardPath: CARD });
    assert.deepEqual(block, {
      code: {
        repository: 'https://github.com/acme/sentiment.git',
        commit: '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d',
        branch: 'main',
      },
      data: [
        {
          id: 'stanfordnlp/imdb',
          revision: 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31',
          digest: '4a1e7c2b',
          split: 'train',
        },
      ],
      run: {
        tracker: 'mlflow',
        id: '5f1b2c3d4e5f40718293a4b5c6d7e8f9',
        path: '../mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9',
        name: 'distilbert-imdb',
      },
      evaluation: { metrics: { accuracy: 0.931, f1: 0.928, loss: 0.39 } },
    });
  });

  it('a W&B run: config hash, dirty flag from diff.patch, hardware, base model; --config replaces the config', async () => {
    const run = await fixtureRun(WANDB_RUN);
    const block = buildProvenance(run, { cardPath: CARD });
    assert.deepEqual(block.config, {
      path: '../wandb/run-20240501_101500-k3x9q2ab/files/config.yaml',
      sha256: run.config?.sha256,
    });
    assert.deepEqual(block.code, {
      repository: 'https://github.com/acme/tiny-gpt.git',
      commit: '8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
      dirty: true,
    });
    assert.deepEqual(block.hardware, { accelerator: 'NVIDIA A100-SXM4-80GB', count: 8 });
    assert.deepEqual(block.base_model, { id: 'openai-community/gpt2' });
    assert.deepEqual(block.evaluation, { metrics: { 'eval/perplexity': 10.07, 'eval.accuracy': 0.55 } });
    const chosen = buildProvenance(run, {
      cardPath: CARD,
      config: { path: `${RUN_FIXTURES}/dvc-project/params.yaml`, sha256: 'ab'.repeat(32) },
    });
    assert.deepEqual(chosen.config, { path: '../dvc-project/params.yaml', sha256: 'ab'.repeat(32) });
  });

  it('an HF Trainer run: the base model pinned from the Hub cache path; only eval metrics', async () => {
    const block = buildProvenance(await fixtureRun(`${RUN_FIXTURES}/hf-output`), { cardPath: CARD });
    assert.deepEqual(block.base_model, {
      id: 'distilbert/distilbert-base-uncased',
      revision: '12040accade4e8a0f71eabdb258fecc2e7e948be',
    });
    assert.deepEqual(block.evaluation, { metrics: { eval_accuracy: 0.912, eval_loss: 0.412 } });
    assert.equal(block.code, undefined);
  });

  it('revisions the config pins fill what the run did not record', () => {
    const run = newRunRecord('hydra', '/w/outputs/x', 'x');
    run.datasets = [{ id: 'acme/chats' }];
    const facts: LinkFacts = {
      cardPath: '/w/model/README.md',
      configReferences: {
        models: [{ id: 'acme/base', revision: 'a'.repeat(40) }],
        datasets: [{ id: 'ACME/chats', revision: 'b'.repeat(40) }],
      },
    };
    const block = buildProvenance(run, facts);
    assert.deepEqual(block.data, [{ id: 'acme/chats', revision: 'b'.repeat(40) }]);
    assert.deepEqual(block.base_model, { id: 'acme/base', revision: 'a'.repeat(40) });
    assert.equal(block.run.path, '../outputs/x');
  });

  it('an mlflow.db record keeps its #<run id> in the relative path', async () => {
    const fs = memoryFileSystem({ '/p/mlruns/mlflow.db': await buildMlflowDb() });
    const run = await readRun(`/p/mlruns/mlflow.db#${DB_RUNS.finished}`, testRunDeps(fs));
    assert.ok(run);
    assert.equal(
      buildProvenance(run, { cardPath: '/p/models/a/README.md' }).run.path,
      `../../mlruns/mlflow.db#${DB_RUNS.finished}`,
    );
  });

  it('relative paths', () => {
    assert.equal(relativePath('/a/b', '/a/b/c/d'), 'c/d');
    assert.equal(relativePath('/a/b', '/a/x'), '../x');
    assert.equal(relativePath('/a/b', '/a/b'), '.');
    assert.equal(relativePath('C:/w/m', 'D:/runs/x'), 'D:/runs/x');
  });
});

describe('readLinkFacts: the card repository read from .git files', () => {
  let scratch: Scratch;
  before(() => {
    scratch = scratchFolder();
    makeRepository(scratch, 'repo');
    scratch.write('repo/models/a/README.md', '---\nlicense: mit\n---\n');
    scratch.write('repo/configs/train.yaml', 'model_name_or_path: acme/base\nmodel_revision: v1.2\nlr: 0.1\n');
  });
  after(() => scratch.remove());

  it('a run without a commit gets HEAD, with a note to check it; the config is hashed', async () => {
    const run = await fixtureRun(`${RUN_FIXTURES}/hf-output`);
    const cardPath = scratch.path('repo/models/a/README.md');
    const configPath = scratch.path('repo/configs/train.yaml');
    const facts = readLinkFacts(cardPath, run, { fs: nodeFileSystem, sha256: nodeSha256, configPath });
    const head = scratch.git('repo', 'rev-parse', 'HEAD');
    assert.equal(facts.git?.commit, head);
    assert.deepEqual(facts.configReferences, { models: [{ id: 'acme/base', revision: 'v1.2' }], datasets: [] });
    const result = linkRun(card(nodeFileSystem.readFile(cardPath) ?? '', cardPath), run, facts);
    assert.deepEqual(result.block.code, {
      repository: 'https://github.com/acme/sentiment.git',
      commit: head,
      branch: 'main',
    });
    assert.deepEqual(result.block.config, {
      path: '../../configs/train.yaml',
      sha256: nodeSha256(new TextEncoder().encode('model_name_or_path: acme/base\nmodel_revision: v1.2\nlr: 0.1\n')),
    });
    assert.match(result.notes.join('\n'), /recorded no commit; the card repository's HEAD/);
  });
});

describe('metricsEdit and linkRun --write-metrics', () => {
  const MODEL_INDEX = [
    '---',
    'pipeline_tag: text-classification',
    'model-index:',
    '- name: tiny',
    '  results:',
    '  - task: {type: text-classification}',
    '    metrics:',
    '    - type: accuracy   # from the paper',
    '      value: 93.5',
    '    - {type: f1, name: F1}',
    '    - type: eval_loss',
    '      value: "0.5"',
    '    - type: bleu',
    '      value: 3',
    '---',
    '',
  ].join('\n');

  it('fills matching metrics in place (percent stays percent), inserts missing values, leaves others', async () => {
    const run = await fixtureRun(MLFLOW_RUN);
    const doc = card(MODEL_INDEX);
    const result = metricsEdit(doc, { ...run, metrics: { ...run.metrics, eval_loss: 0.41 } });
    assert.deepEqual(result.changes, [
      {
        path: 'model-index[0].results[0].metrics[0].value',
        metric: 'accuracy',
        runMetric: 'accuracy',
        value: 93.1,
        previous: '93.5',
      },
      { path: 'model-index[0].results[0].metrics[1].value', metric: 'f1', runMetric: 'f1', value: 0.928 },
      {
        path: 'model-index[0].results[0].metrics[2].value',
        metric: 'eval_loss',
        runMetric: 'eval_loss',
        value: 0.41,
        previous: '0.5',
      },
    ]);
    const text = linkRun(doc, run, { cardPath: CARD }, { writeMetrics: true }).text;
    assert.ok(text.includes('    - type: accuracy   # from the paper\n      value: 93.1\n'), text);
    assert.ok(text.includes('    - {type: f1, name: F1, value: 0.928}\n'), text);
    assert.ok(text.includes('      value: 3\n'), 'bleu has no run value: untouched');
  });

  it('adds a model-index with the run’s evaluation metrics when the card has none', async () => {
    const run = await fixtureRun(`${RUN_FIXTURES}/hf-output`);
    const result = linkRun(
      card(
        '---\npipeline_tag: text-classification\ndatasets: [stanfordnlp/imdb]\n---\n# Model Card for tiny-sentiment\n',
      ),
      run,
      { cardPath: CARD },
      { writeMetrics: true },
    );
    assert.ok(
      result.text.startsWith(
        [
          '---',
          'pipeline_tag: text-classification',
          'datasets: [stanfordnlp/imdb]',
          'model-index:',
          '  - name: tiny-sentiment',
          '    results:',
          '      - task: {type: text-classification}',
          '        dataset: {type: stanfordnlp/imdb, name: stanfordnlp/imdb}',
          '        metrics:',
          '          - {type: accuracy, value: 0.912}',
          '          - {type: loss, value: 0.412}',
          'provenance:',
        ].join('\n'),
      ),
      result.text,
    );
    assert.equal(result.edits.length, 1, 'one edit: the changed stretch of the front matter');
    const noTask = linkRun(card('---\nlicense: mit\n---\n'), run, { cardPath: CARD }, { writeMetrics: true });
    assert.match(noTask.notes.join('\n'), /no pipeline_tag/);
    assert.deepEqual(noTask.metricChanges, []);
  });

  it('metric names: split prefixes and separators fold, training metrics never match', () => {
    assert.deepEqual(metricKey('eval_accuracy'), { key: 'accuracy', rank: 2 });
    assert.deepEqual(metricKey('test/f1'), { key: 'f1', rank: 1 });
    assert.deepEqual(metricKey('Validation Accuracy'), { key: 'accuracy', rank: 4 });
    assert.deepEqual(metricKey('wer'), { key: 'wer', rank: 0 });
    assert.equal(metricKey('train_loss'), undefined);
    assert.equal(metricKey('train/loss'), undefined);
  });
});
