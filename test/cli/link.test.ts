import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { nodeSha256 } from '../../server/src/node/runDeps';
import { CLI, runCli, type CliResult } from '../support/cli';
import { makeRepository, scratchFolder, type Scratch } from '../support/gitRepos';
import { readGuardCalls, writeProcessGuard } from '../support/processGuard';
import { RUN_FIXTURES } from '../support/runs';

/*
 * `cardwright link` through the built CLI, then `cardwright check` on the linked card: each drift
 * code appears when its link breaks and disappears when it is mended. The workspace is a real git
 * repository (made by git in the test; Cardwright itself never runs git, which the last test shows).
 */

const CARD = 'models/tiny/README.md';
const CARD_TEXT = [
  '---',
  '# Metadata for the Hub',
  'license: mit  # chosen by legal',
  'pipeline_tag: text-classification',
  'datasets:',
  '  - stanfordnlp/imdb',
  'base_model: distilbert/distilbert-base-uncased',
  '---',
  '',
  '# Model Card for tiny-sentiment',
  '',
].join('\n');
const CONFIG_TEXT = 'learning_rate: 5.0e-5\nnum_train_epochs: 2\nseed: 42\n';
const DRIFT = ['run-not-found', 'run-config-changed', 'run-commit-unknown', 'run-metric-mismatch', 'revision-unpinned'];

interface JsonReport {
  files: { path: string; diagnostics: { code: string; message: string }[] }[];
}

describe('cardwright link, then drift', () => {
  let scratch: Scratch;
  let ws: string;
  const cli = (...args: string[]): CliResult => runCli(args, ws);
  const cardPath = (): string => join(ws, CARD);
  const readCard = (): string => readFileSync(cardPath(), 'utf8');
  const writeCard = (text: string): void => writeFileSync(cardPath(), text);
  /** The drift codes `check` reports for the card. */
  const driftCodes = (): string[] => {
    const result = cli('check', '--format', 'json', CARD);
    const report = JSON.parse(result.stdout) as JsonReport;
    return (report.files[0]?.diagnostics ?? []).map((d) => d.code).filter((code) => DRIFT.includes(code));
  };
  /** The card's provenance block, as data. */
  const block = (): Record<string, Record<string, unknown>> =>
    (parse(readCard().split('---\n')[1] ?? '') as { provenance: Record<string, Record<string, unknown>> }).provenance;

  before(() => {
    scratch = scratchFolder();
    makeRepository(scratch, 'ws');
    ws = scratch.path('ws');
    scratch.write(`ws/${CARD}`, CARD_TEXT);
    scratch.write('ws/configs/train.yaml', CONFIG_TEXT);
    cpSync(RUN_FIXTURES, join(ws, 'runs'), { recursive: true });
    scratch.git('ws', 'add', '.');
    scratch.git('ws', 'commit', '-q', '-m', 'card, config and runs');
  });
  after(() => scratch.remove());

  it('writes the block (keeping the rest of the front matter), and the linked card has no drift', () => {
    const result = cli('link', CARD, '--run', 'runs/hf-output', '--config', 'configs/train.yaml', '--write-metrics');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Linked models\/tiny\/README\.md to hf-trainer run hf-output\./);
    assert.match(
      result.stdout,
      /wrote model-index\[0\]\.results\[0\]\.metrics\[0\]\.value: \(none\) -> 0\.912 \(run's eval_accuracy\)/,
    );
    assert.match(result.stdout, /note: code: the run recorded no commit; the card repository's HEAD/);
    assert.match(result.stdout, /^\+provenance:$/m, 'a unified hunk of the added lines');
    const text = readCard();
    assert.ok(
      text.startsWith(CARD_TEXT.split('---\n\n')[0] ?? ''),
      'the metadata lines before the new keys are unchanged',
    );
    assert.ok(text.endsWith('---\n\n# Model Card for tiny-sentiment\n'));
    const head = scratch.git('ws', 'rev-parse', 'HEAD');
    assert.deepEqual(block(), {
      code: { repository: 'https://github.com/acme/sentiment.git', commit: head, branch: 'main' },
      config: { path: '../../configs/train.yaml', sha256: nodeSha256(new TextEncoder().encode(CONFIG_TEXT)) },
      run: { tracker: 'hf-trainer', id: 'hf-output', path: '../../runs/hf-output' },
      evaluation: { metrics: { eval_accuracy: 0.912, eval_loss: 0.412 } },
      base_model: { id: 'distilbert/distilbert-base-uncased', revision: '12040accade4e8a0f71eabdb258fecc2e7e948be' },
    });
    assert.deepEqual(driftCodes(), []);
    scratch.git('ws', 'commit', '-q', '-am', 'linked');
  });

  it('run-config-changed when the config is edited; gone when it is restored', () => {
    writeFileSync(join(ws, 'configs/train.yaml'), CONFIG_TEXT.replace('seed: 42', 'seed: 43'));
    assert.deepEqual(driftCodes(), ['run-config-changed']);
    writeFileSync(join(ws, 'configs/train.yaml'), CONFIG_TEXT);
    assert.deepEqual(driftCodes(), []);
  });

  it('run-commit-unknown when the commit is not in the repository; gone when it is', () => {
    const linked = readCard();
    const head = scratch.git('ws', 'rev-parse', 'HEAD~1');
    writeCard(linked.replace(/commit: [0-9a-f]{40}/, `commit: ${'d'.repeat(40)}`));
    assert.deepEqual(driftCodes(), ['run-commit-unknown']);
    writeCard(linked.replace(/commit: [0-9a-f]{40}/, `commit: ${head}`));
    assert.deepEqual(driftCodes(), [], 'an older commit of the repository');
    scratch.git('ws', 'gc', '-q');
    assert.deepEqual(driftCodes(), [], 'found in a pack too');
    writeCard(linked);
  });

  it('run-metric-mismatch when the card value changes; gone when link --write-metrics fills it again', () => {
    writeCard(readCard().replace('value: 0.912', 'value: 0.95'));
    assert.deepEqual(driftCodes(), ['run-metric-mismatch']);
    const relink = cli('link', CARD, '--run', 'runs/hf-output', '--config', 'configs/train.yaml', '--write-metrics');
    assert.match(relink.stdout, /wrote model-index\[0\]\.results\[0\]\.metrics\[0\]\.value: 0\.95 -> 0\.912/);
    assert.deepEqual(driftCodes(), []);
  });

  it('revision-unpinned when the base model revision is dropped; gone when it is pinned again', () => {
    const linked = readCard();
    writeCard(linked.replace(', revision: 12040accade4e8a0f71eabdb258fecc2e7e948be}', '}'));
    assert.deepEqual(driftCodes(), ['revision-unpinned']);
    writeCard(linked);
    assert.deepEqual(driftCodes(), []);
  });

  it('run-not-found when the run folder goes; gone when it is back', () => {
    renameSync(join(ws, 'runs/hf-output'), join(ws, 'runs/hf-output-moved'));
    assert.deepEqual(driftCodes(), ['run-not-found']);
    renameSync(join(ws, 'runs/hf-output-moved'), join(ws, 'runs/hf-output'));
    assert.deepEqual(driftCodes(), []);
  });

  it('a run that recorded its own commit: linked as recorded, and flagged when this repository lacks it', () => {
    const before = readCard();
    const dry = cli(
      'link',
      CARD,
      '--run',
      'runs/mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9',
      '--write-metrics',
      '--dry-run',
    );
    assert.match(dry.stdout, /would write model-index\[0\]\.results\[0\]\.metrics\[0\]\.value: 0\.912 -> 0\.931/);
    assert.equal(readCard(), before);
    const result = cli('link', CARD, '--run', 'runs/mlruns/0/5f1b2c3d4e5f40718293a4b5c6d7e8f9', '--write-metrics');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(block().code, {
      repository: 'https://github.com/acme/sentiment.git',
      commit: '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d',
      branch: 'main',
    });
    assert.deepEqual(block().data, [
      {
        id: 'stanfordnlp/imdb',
        revision: 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31',
        digest: '4a1e7c2b',
        split: 'train',
      },
    ]);
    assert.match(
      result.stdout,
      /wrote model-index\[0\]\.results\[0\]\.metrics\[0\]\.value: 0\.912 -> 0\.931 \(run's accuracy\)/,
    );
    // The run's metrics now fill the card; its commit is not in this repository.
    assert.deepEqual(driftCodes(), ['run-commit-unknown']);
  });

  it('--dry-run prints the new front matter and writes nothing', () => {
    const before = readCard();
    const result = cli('link', CARD, '--run', 'runs/wandb/run-20240501_101500-k3x9q2ab', '--dry-run');
    assert.equal(result.status, 0, result.stderr);
    // It says what it would do, never that it did.
    assert.match(
      result.stdout,
      /^Would link \S+ to wandb run tiny-gpt-sweep-3 \(k3x9q2ab\) \(dry run: nothing written\)\./,
    );
    assert.doesNotMatch(result.stdout, /^Linked |\bwrote /m);
    assert.match(
      result.stdout,
      /Front matter after linking \(dry run, nothing written\):\n---\n# Metadata for the Hub\n/,
    );
    assert.match(
      result.stdout,
      /run: \{tracker: wandb, id: k3x9q2ab, path: \.\.\/\.\.\/runs\/wandb\/run-20240501_101500-k3x9q2ab, name: tiny-gpt-sweep-3\}/,
    );
    assert.equal(readCard(), before);
  });

  it('bad usage exits 2 with a reason; a card whose front matter cannot take the block exits 1', () => {
    assert.equal(cli('link', CARD).status, 2);
    assert.match(cli('link', CARD, '--run', 'runs/nope').stderr, /cannot read the run "runs\/nope"/);
    assert.match(cli('link', CARD, '--run', 'runs/mlruns').stderr, /not a run folder/);
    assert.match(
      cli('link', CARD, '--run', 'runs/hf-output', '--config', 'nope.yaml').stderr,
      /cannot read the config/,
    );
    assert.equal(cli('link', 'missing.md', '--run', 'runs/hf-output').status, 2);
    scratch.write('ws/models/broken/README.md', '---\nlicense: mit\n');
    const broken = cli('link', 'models/broken/README.md', '--run', 'runs/hf-output');
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /never closed/);
    assert.equal(readFileSync(join(ws, 'models/broken/README.md'), 'utf8'), '---\nlicense: mit\n');
  });

  it('keeps CRLF line breaks and a BOM', () => {
    const text = '\uFEFF---\r\nlicense: mit # keep\r\npipeline_tag: text-classification\r\n---\r\n# T\r\n';
    scratch.write('ws/models/crlf/README.md', text);
    assert.equal(cli('link', 'models/crlf/README.md', '--run', 'runs/hf-output').status, 0);
    const written = readFileSync(join(ws, 'models/crlf/README.md'), 'utf8');
    assert.ok(
      written.startsWith('\uFEFF---\r\nlicense: mit # keep\r\npipeline_tag: text-classification\r\nprovenance:\r\n'),
    );
    assert.ok(!/[^\r]\n/.test(written), 'every line break is CRLF');
  });

  it('starts no process (git above all) while linking and checking', () => {
    const guard = scratch.path('guard.cjs');
    const calls = scratch.path('calls.json');
    writeProcessGuard(guard);
    for (const args of [
      ['link', CARD, '--run', 'runs/hf-output', '--config', 'configs/train.yaml', '--write-metrics'],
      ['check', CARD],
    ]) {
      execFileSync(process.execPath, ['--require', guard, CLI, ...args], {
        cwd: ws,
        env: { PATH: process.env.PATH, CARDWRIGHT_CALLS: calls },
        encoding: 'utf8',
      });
      assert.ok(existsSync(calls));
      assert.deepEqual(readGuardCalls(calls), [], `cardwright ${args[0]} started a process`);
    }
  });
});
