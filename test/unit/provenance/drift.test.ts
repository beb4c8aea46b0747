import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardDiagnostic } from '../../../server/src/core/diagnostic';
import { ParsedDocument } from '../../../server/src/core/document/parsedDocument';
import { checkDocument, type CheckOptions } from '../../../server/src/core/engine';
import { quickFixes } from '../../../server/src/core/fixes';
import { applyEdits } from '../../../server/src/core/provenance';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../../server/src/core/projectConfig';
import { readRun, type RunRecord } from '../../../server/src/core/runs';
import { nodeSha256 } from '../../../server/src/node/runDeps';
import { schemas } from '../../support/check';
import { buildMlflowDb, DB_RUNS } from '../../support/mlflowDb';
import { memoryFileSystem } from '../../support/memoryFileSystem';
import { fixtureFiles, testRunDeps } from '../../support/runs';

/*
 * The drift codes on an in-memory workspace: /w/model/README.md, with copies of the fixture
 * runs under /w/runs. Each code appears when its link breaks and disappears when it is mended.
 */

const CARD = '/w/model/README.md';
const DRIFT_CODES = [
  'run-not-found',
  'run-config-changed',
  'run-commit-unknown',
  'run-metric-mismatch',
  'revision-unpinned',
];
const MLFLOW = 'runs/mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9';
const MLFLOW_ID = '5f1b2c3d4e5f40718293a4b5c6d7e8f9';
const COMMIT = '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d';
const IMDB_REVISION = 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31';
const CONFIG_TEXT =
  'model_name_or_path: acme/base\nmodel_revision: 3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39\nseed: 1\n';
const CONFIG_SHA = nodeSha256(new TextEncoder().encode(CONFIG_TEXT));

interface Workspace {
  files?: Record<string, string | Uint8Array>;
  config?: ProjectConfig;
  options?: Partial<CheckOptions>;
}

function baseFiles(): Record<string, string | Uint8Array> {
  return {
    ...fixtureFiles('runs/mlruns', '/w/runs/mlruns'),
    ...fixtureFiles('runs/hf-output', '/w/runs/hf-output'),
    '/w/configs/train.yaml': CONFIG_TEXT,
  };
}

function check(text: string, workspace: Workspace = {}): { doc: ParsedDocument; diagnostics: CardDiagnostic[] } {
  const fs = memoryFileSystem({ ...baseFiles(), ...workspace.files, [CARD]: text });
  const doc = new ParsedDocument({ uri: CARD, fileName: 'README.md', version: 1, text }, { kind: 'model-card' });
  const options: CheckOptions = {
    schemas,
    fs,
    path: CARD,
    sha256: nodeSha256,
    config: workspace.config ?? DEFAULT_CONFIG,
    ...workspace.options,
  };
  return { doc, diagnostics: checkDocument(doc, options).filter((d) => DRIFT_CODES.includes(d.code)) };
}

/** [code, the text its range covers] of each drift diagnostic. */
function drift(text: string, workspace?: Workspace): [string, string][] {
  const { doc, diagnostics } = check(text, workspace);
  return diagnostics.map((d) => [
    d.code,
    doc.text.text.slice(doc.text.offsetAt(d.range.start), doc.text.offsetAt(d.range.end)),
  ]);
}

/** A card linked to the MLflow fixture run; `provenance` lines replace the default block's. */
function linkedCard(options: { provenance?: string[]; metadata?: string[]; accuracy?: string } = {}): string {
  return [
    '---',
    'pipeline_tag: text-classification',
    ...(options.metadata ?? []),
    'model-index:',
    '- name: tiny',
    '  results:',
    '  - task: {type: text-classification}',
    '    metrics:',
    `    - {type: accuracy, value: ${options.accuracy ?? '0.931'}}`,
    'provenance:',
    ...(options.provenance ?? [
      `  config: {path: ../configs/train.yaml, sha256: ${CONFIG_SHA}}`,
      `  data:`,
      `    - {id: stanfordnlp/imdb, revision: ${IMDB_REVISION}}`,
      `  run: {tracker: mlflow, id: ${MLFLOW_ID}, path: ../${MLFLOW}}`,
    ]),
    '---',
    '# Model Card for tiny',
    '',
  ].join('\n');
}

/** Applies the one fix of the first `code` diagnostic; checks it is never the preferred fix. */
function applyFix(text: string, code: string, workspace?: Workspace): string {
  const { doc, diagnostics } = check(text, workspace);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code}`);
  const fixes = quickFixes(doc, diagnostic);
  assert.equal(fixes.length, 1, JSON.stringify(fixes));
  assert.equal(fixes[0]?.isPreferred, false, 'never applied by Auto Fix');
  return applyEdits(doc.text.text, fixes[0]?.edits ?? []);
}

describe('drift between a card and its linked run', () => {
  it('a card linked as it was trained has no drift', () => {
    assert.deepEqual(drift(linkedCard()), []);
  });

  it('run-not-found: the run folder is gone, holds no run, or holds another run', () => {
    const gone = linkedCard({
      provenance: [`  run: {tracker: mlflow, id: ${MLFLOW_ID}, path: ../runs/mlruns/0/deleted}`],
    });
    assert.deepEqual(drift(gone), [['run-not-found', '../runs/mlruns/0/deleted']]);
    const notARun = linkedCard({ provenance: ['  run: {tracker: mlflow, id: x, path: ../configs}'] });
    assert.deepEqual(drift(notARun), [['run-not-found', '../configs']]);
    const other = linkedCard({ provenance: [`  run: {tracker: mlflow, id: 0000, path: "../${MLFLOW}"}`] });
    const { diagnostics } = check(other);
    assert.match(diagnostics[0]?.message ?? '', /now holds run 5f1b2c3d/);
    assert.deepEqual(drift(other), [['run-not-found', `../${MLFLOW}`]]);
  });

  it('run-not-found for DVC: a new dvc repro changes the lock, so the linked run is no longer there', () => {
    const files = fixtureFiles('runs/dvc-project', '/w/runs/dvc-project');
    const id = nodeSha256(files['/w/runs/dvc-project/dvc.lock'] ?? new Uint8Array()).slice(0, 12);
    const text = linkedCard({
      provenance: [`  run: {tracker: dvc, id: ${id}, path: ../runs/dvc-project}`],
      accuracy: '0.905',
    });
    assert.deepEqual(drift(text, { files }), []);
    const rerun = { ...files, '/w/runs/dvc-project/dvc.lock': 'schema: "2.0"\nstages: {}\n' };
    assert.deepEqual(drift(text, { files: rerun }), [['run-not-found', '../runs/dvc-project']]);
    // Without the host's hash the lock's id is not known: not reported rather than guessed.
    assert.deepEqual(drift(text, { files: rerun, options: { sha256: undefined } }), []);
  });

  it('mlflow.db records: checked when the host read them (runs), skipped otherwise, gone with the database', async () => {
    const db = await buildMlflowDb();
    const recordPath = `/w/mlflow.db#${DB_RUNS.finished}`;
    const run = await readRun(recordPath, testRunDeps(memoryFileSystem({ '/w/mlflow.db': db })));
    assert.ok(run);
    const text = linkedCard({
      provenance: [`  run: {tracker: mlflow, id: ${DB_RUNS.finished}, path: "../mlflow.db#${DB_RUNS.finished}"}`],
      accuracy: '0.95',
    });
    assert.deepEqual(drift(text, { files: { '/w/mlflow.db': db } }), [], 'no record from the host: not checked');
    const runs = new Map<string, RunRecord>([[recordPath, run]]);
    assert.deepEqual(drift(text, { files: { '/w/mlflow.db': db }, options: { runs } }), [
      ['run-metric-mismatch', '0.95'],
    ]);
    const otherRuns = new Map<string, RunRecord>([[`/w/mlflow.db#${DB_RUNS.running}`, run]]);
    assert.deepEqual(drift(text, { files: { '/w/mlflow.db': db }, options: { runs: otherRuns } }), [
      ['run-not-found', `../mlflow.db#${DB_RUNS.finished}`],
    ]);
    assert.deepEqual(drift(text), [['run-not-found', `../mlflow.db#${DB_RUNS.finished}`]], 'the database is gone');
  });

  it('a folder run the host passes (kept fresh by file watching) is used instead of reading the folder', async () => {
    const run = await readRun(`/w/${MLFLOW}`, testRunDeps(memoryFileSystem(baseFiles())));
    assert.ok(run);
    const runs = new Map<string, RunRecord>([[`/w/${MLFLOW}`, { ...run, metrics: { accuracy: 0.5 } }]]);
    assert.deepEqual(drift(linkedCard(), { options: { runs } }), [['run-metric-mismatch', '0.931']]);
    const moved = new Map<string, RunRecord>([[`/w/${MLFLOW}`, { ...run, id: 'another' }]]);
    assert.deepEqual(drift(linkedCard(), { options: { runs: moved } }), [['run-not-found', `../${MLFLOW}`]]);
  });

  it('run-config-changed: on the recorded hash; "Record the new hash" is offered, not preferred, and mends it', () => {
    const edited = { '/w/configs/train.yaml': CONFIG_TEXT.replace('seed: 1', 'seed: 2') };
    assert.deepEqual(drift(linkedCard(), { files: edited }), [['run-config-changed', CONFIG_SHA]]);
    const { diagnostics } = check(linkedCard(), { files: edited });
    assert.equal(diagnostics[0]?.data.sha256, nodeSha256(new TextEncoder().encode(edited['/w/configs/train.yaml'])));
    const mended = applyFix(linkedCard(), 'run-config-changed', { files: edited });
    assert.deepEqual(drift(mended, { files: edited }), []);
    assert.deepEqual(
      drift(linkedCard(), { files: edited, options: { sha256: undefined } }),
      [],
      'no hash function: skipped',
    );
    const missing = linkedCard({
      provenance: [
        '  config: {path: ../configs/gone.yaml, sha256: ' + CONFIG_SHA + '}',
        `  run: {tracker: mlflow, id: ${MLFLOW_ID}, path: ../${MLFLOW}}`,
      ],
    });
    assert.deepEqual(drift(missing), [['run-config-changed', '../configs/gone.yaml']]);
  });

  it('run-commit-unknown: read from .git files; only in a repository, only for its own remote', () => {
    const repo = {
      '/w/.git/HEAD': 'ref: refs/heads/main\n',
      '/w/.git/config': '[remote "origin"]\n\turl = git@github.com:acme/sentiment.git\n',
      [`/w/.git/objects/${COMMIT.slice(0, 2)}/${COMMIT.slice(2)}`]: new Uint8Array([1]),
    };
    const withCommit = (commit: string, repository = 'https://github.com/acme/sentiment'): string =>
      linkedCard({
        provenance: [
          `  code: {repository: ${repository}, commit: ${commit}}`,
          `  run: {tracker: mlflow, id: ${MLFLOW_ID}, path: ../${MLFLOW}}`,
        ],
      });
    const unknown = 'c'.repeat(40);
    assert.deepEqual(drift(withCommit(unknown), { files: repo }), [['run-commit-unknown', unknown]]);
    assert.deepEqual(drift(withCommit(COMMIT), { files: repo }), []);
    assert.deepEqual(drift(withCommit(COMMIT.slice(0, 10)), { files: repo }), [], 'an abbreviated id is found too');
    assert.deepEqual(drift(withCommit(unknown)), [], 'no repository: not checked');
    assert.deepEqual(
      drift(withCommit(unknown, 'https://github.com/other/repo'), { files: repo }),
      [],
      'another repository',
    );
  });

  it('run-metric-mismatch: on the card value, beyond the tolerance; percentages and eval/test names agree', () => {
    assert.deepEqual(drift(linkedCard({ accuracy: '0.95' })), [['run-metric-mismatch', '0.95']]);
    assert.deepEqual(drift(linkedCard({ accuracy: '0.9334' })), [], 'within 0.5%');
    assert.deepEqual(drift(linkedCard({ accuracy: '93.1' })), [], 'the same value in percent');
    const strict: ProjectConfig = { rules: {}, drift: { tolerance: 0.001 } };
    assert.deepEqual(drift(linkedCard({ accuracy: '0.9334' }), { config: strict }), [
      ['run-metric-mismatch', '0.9334'],
    ]);
    const { diagnostics } = check(linkedCard({ accuracy: '0.95' }));
    assert.deepEqual(diagnostics[0]?.data, {
      metric: 'accuracy',
      runMetric: 'accuracy',
      cardValue: 0.95,
      runValue: 0.931,
      tolerance: 0.005,
    });
    assert.deepEqual(drift(applyFix(linkedCard({ accuracy: '0.95' }), 'run-metric-mismatch')), []);
  });

  it('revision-unpinned: a provenance dataset without its revision; the fix pins it from the run', () => {
    const unpinned = linkedCard({
      provenance: [
        '  data:',
        '    - {id: stanfordnlp/imdb, split: train}',
        `  run: {tracker: mlflow, id: ${MLFLOW_ID}, path: ../${MLFLOW}}`,
      ],
    });
    assert.deepEqual(drift(unpinned), [['revision-unpinned', 'stanfordnlp/imdb']]);
    const pinned = applyFix(unpinned, 'revision-unpinned');
    assert.ok(pinned.includes(`    - {id: stanfordnlp/imdb, split: train, revision: ${IMDB_REVISION}}\n`), pinned);
    assert.deepEqual(drift(pinned), []);
  });

  it('revision-unpinned: a `datasets` entry the block does not pin gets an entry added to provenance.data', () => {
    const text = linkedCard({
      metadata: ['datasets:', '  - stanfordnlp/imdb'],
      provenance: [`  run: {tracker: mlflow, id: ${MLFLOW_ID}, path: ../${MLFLOW}}`],
    });
    assert.deepEqual(drift(text), [['revision-unpinned', 'stanfordnlp/imdb']]);
    const pinned = applyFix(text, 'revision-unpinned');
    assert.ok(pinned.includes(`\n  data: [{id: stanfordnlp/imdb, revision: ${IMDB_REVISION}}]\n`), pinned);
    assert.deepEqual(drift(pinned), []);
  });

  it('revision-unpinned: the base model, from the run or from the linked config', () => {
    const hf = linkedCard({
      metadata: ['base_model: distilbert/distilbert-base-uncased'],
      provenance: ['  run: {tracker: hf-trainer, id: hf-output, path: ../runs/hf-output}'],
      accuracy: '0.912',
    });
    assert.deepEqual(drift(hf), [['revision-unpinned', 'distilbert/distilbert-base-uncased']]);
    const pinned = applyFix(hf, 'revision-unpinned');
    assert.ok(
      pinned.includes(
        '  base_model: {id: distilbert/distilbert-base-uncased, revision: 12040accade4e8a0f71eabdb258fecc2e7e948be}\n',
      ),
      pinned,
    );
    assert.deepEqual(drift(pinned), []);
    const fromConfig = linkedCard({ metadata: ['base_model: acme/base'] });
    assert.deepEqual(drift(fromConfig), [['revision-unpinned', 'acme/base']]);
    assert.match(check(fromConfig).diagnostics[0]?.message ?? '', /the linked config pins revision 3f1c2a9e8b7d/);
  });

  it('nothing is checked for an unsaved card (no folder) or a card without a block', () => {
    const fs = memoryFileSystem(baseFiles());
    const text = linkedCard({ accuracy: '0.5' });
    const doc = new ParsedDocument(
      { uri: 'untitled:1', fileName: 'README.md', version: 1, text },
      { kind: 'model-card' },
    );
    assert.deepEqual(
      checkDocument(doc, { schemas, fs, sha256: nodeSha256 }).filter((d) => DRIFT_CODES.includes(d.code)),
      [],
    );
    assert.deepEqual(drift('---\npipeline_tag: text-classification\n---\n'), []);
  });
});
