import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, runCli } from '../support/cli';

const SCRIPT = 'models/sentiment/examples/sentiment_tiny_inference.py';

describe('cardwright example', () => {
  it('writes a script that compiles, replaces its own output, and refuses to replace an edited one', () => {
    const root = copyFixture('workspace');
    const first = runCli(['example', 'models/sentiment/README.md'], root);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^Wrote ${SCRIPT} \\(transformers`));
    const compiled = spawnSync('python3', ['-m', 'py_compile', join(root, SCRIPT)], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
    assert.match(readFileSync(join(root, SCRIPT), 'utf8'), /^# cardwright: generated sha256=[0-9a-f]{64}$/m);

    assert.equal(
      runCli(['example', 'models/sentiment/README.md'], root).status,
      0,
      'our own untouched output is replaced',
    );
    appendFileSync(join(root, SCRIPT), '# my change\n');
    const refused = runCli(['example', 'models/sentiment/README.md'], root);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /use --force/);
    assert.match(readFileSync(join(root, SCRIPT), 'utf8'), /# my change\n$/, 'the edited script is untouched');
    assert.equal(runCli(['example', '--force', 'models/sentiment/README.md'], root).status, 0);
    assert.doesNotMatch(readFileSync(join(root, SCRIPT), 'utf8'), /# my change/);
  });

  it('writes where the user said, also outside the working folder, and takes --model-id', () => {
    const root = copyFixture('workspace');
    // On the command line an explicit path is the user's decision (the editor keeps to the workspace).
    const outside = runCli(['example', '--out', '../escape.py', 'models/sentiment/README.md'], root);
    assert.equal(outside.status, 0, outside.stderr);
    assert.match(outside.stdout, /^Wrote \.\.\/escape\.py \(transformers/, 'the path as the user typed it');
    assert.ok(existsSync(join(root, '..', 'escape.py')));
    rmSync(join(root, '..', 'escape.py'));
    const result = runCli(
      ['example', '--out', 'run.py', '--model-id', "evil'\"\n__import__('os')", 'models/sentiment/README.md'],
      root,
    );
    assert.equal(result.status, 0, result.stderr);
    const compiled = spawnSync('python3', ['-m', 'py_compile', join(root, 'run.py')], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
    assert.equal(runCli(['example', 'no/such/README.md'], root).status, 2);
    // A card named from a subfolder gets its script beside the card, where the user pointed.
    const fromSubfolder = runCli(['example', '../models/sentiment/README.md'], join(root, 'notes'));
    assert.equal(fromSubfolder.status, 0, fromSubfolder.stderr);
    assert.ok(existsSync(join(root, 'models', 'sentiment', 'examples')));
    // An edited script is still never replaced without --force.
    writeFileSync(join(root, 'run.py'), '# mine\n');
    const edited = runCli(['example', '--out', 'run.py', 'models/sentiment/README.md'], root);
    assert.equal(edited.status, 1);
    assert.match(edited.stderr, /"run\.py" exists and was not written by Cardwright.*--force/);
    assert.equal(readFileSync(join(root, 'run.py'), 'utf8'), '# mine\n');
  });

  it('run from the root folder, writes the default script beside the card', () => {
    const root = copyFixture('workspace');
    const card = join(root, 'models', 'sentiment', 'README.md');
    const result = runCli(['example', card], '/');
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(root, 'models', 'sentiment', 'examples', 'sentiment_tiny_inference.py')), result.stdout);
  });

  it('has a --help that describes every option, and answers a mistyped one with a suggestion', () => {
    const root = copyFixture('workspace');
    const help = runCli(['example', '--help'], root);
    assert.equal(help.status, 0);
    for (const option of ['--out FILE', '--model-id ID', '--force', '--help'])
      assert.ok(help.stdout.includes(option), option);
    const typo = runCli(['example', '--froce', 'models/sentiment/README.md'], root);
    assert.equal(typo.status, 2);
    assert.equal(typo.stderr, 'cardwright: unknown option "--froce": did you mean "--force"?\n');
  });
});

describe('cardwright new', () => {
  it('writes a model card filled from the folder whose only findings are its placeholders and the licence left to choose', () => {
    const root = copyFixture('workspace');
    const folder = join(root, 'fresh');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'config.json'),
      '{"architectures": ["BertForSequenceClassification"], "model_type": "bert"}',
    );
    const result = runCli(['new', 'model', '--out', 'fresh'], root);
    assert.equal(result.status, 0, result.stderr);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    assert.match(card, /^pipeline_tag: text-classification$/m);
    const report = JSON.parse(runCli(['check', '--format', 'json', 'fresh'], root).stdout) as {
      files: { diagnostics: { code: string }[] }[];
    };
    // The licence is left for the author to choose (a commented line), so it is reported too.
    assert.deepEqual(
      [...new Set(report.files[0]!.diagnostics.map((d) => d.code))],
      ['license-missing', 'placeholder-text'],
    );
    const second = runCli(['new', 'model', '--out', 'fresh'], root);
    assert.equal(second.status, 0);
    assert.ok(existsSync(join(folder, 'MODEL_CARD.md')), 'README.md exists, so MODEL_CARD.md');
    assert.equal(runCli(['new', 'model', '--out', 'fresh'], root).status, 1, 'both exist: nothing is overwritten');
    assert.equal(runCli(['new', 'spaceship'], root).status, 2);
  });
});
