import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Log } from 'sarif';
import { parse } from 'yaml';
import { CLI, ROOT, copyFixture } from '../support/cli';
import { runCompositeAction, type ActionRun } from '../support/compositeAction';

/** PATH without a `cardwright`, then PATH with the built CLI as `cardwright` in a temporary bin folder. */
const BARE_PATH = [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter);
let binPath = '';
let workspace = '';

function run(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, path = binPath): ActionRun {
  return runCompositeAction({ actionPath: ROOT, workspace, inputs, env: { PATH: path, HOME: workspace, ...env } });
}

before(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const bin = mkdtempSync(join(tmpdir(), 'cardwright-bin-'));
  writeFileSync(join(bin, 'cardwright'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'cardwright'), 0o755);
  binPath = [bin, BARE_PATH].join(delimiter);
  workspace = copyFixture('workspace');
  // A card with warnings only: the broken one with its two errors fixed.
  mkdirSync(join(workspace, 'models', 'warned'));
  const broken = readFileSync(join(workspace, 'models', 'broken', 'README.md'), 'utf8');
  writeFileSync(
    join(workspace, 'models', 'warned', 'README.md'),
    broken.replace('es-ES', 'es').replace('text-clasification', 'text-classification'),
  );
});

describe('action.yml (composite action), run locally', () => {
  it('writes SARIF relative to the repository root and a Markdown job summary, and fails on errors', () => {
    const result = run({ paths: 'models/broken models/sentiment' });
    assert.equal(result.status, 1, result.stderr + result.stdout);
    assert.match(result.stdout, /Using .*cardwright/);
    assert.deepEqual(result.outputs, { file: 'cardwright.sarif', errors: '2', warnings: '2' });
    const log = JSON.parse(readFileSync(join(workspace, 'cardwright.sarif'), 'utf8')) as Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]!.results!.length, 4);
    const uri = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    assert.deepEqual(uri, { uri: 'models/broken/README.md', uriBaseId: '%SRCROOT%' });
    assert.match(result.summary, /^## Cardwright\n\n2 errors, 2 warnings in 2 files checked\.\n/);
    assert.match(
      result.summary,
      /\| :x: \| models\/broken\/README\.md:3:11 \| \[`language-code`\]\(https:\/\/github\.com\/cardwright\/cardwright\/blob\/main\/docs\/rules\/language-code\.md\) \| "language" with value "es-ES" is not valid/,
    );
    assert.match(result.summary, /Report: `cardwright\.sarif`\./);
  });

  it('links each finding to its line when the GitHub context is there', () => {
    const result = run(
      { paths: 'models/broken', 'fail-on': 'never', output: 'reports/cards.sarif' },
      { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/models', GITHUB_SHA: 'abc123' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.outputs.file, 'reports/cards.sarif');
    assert.equal((JSON.parse(readFileSync(join(workspace, 'reports', 'cards.sarif'), 'utf8')) as Log).version, '2.1.0');
    assert.match(
      result.summary,
      /\[models\/broken\/README\.md:3:11\]\(https:\/\/github\.com\/acme\/models\/blob\/abc123\/models\/broken\/README\.md#L3\)/,
    );
  });

  it('fail-on: error passes warnings, warning fails on them, never passes errors', () => {
    assert.equal(run({ paths: 'models/warned' }).status, 0);
    const warned = run({ paths: 'models/warned', 'fail-on': 'warning' });
    assert.equal(warned.status, 1);
    assert.deepEqual([warned.outputs.errors, warned.outputs.warnings], ['0', '2']);
    assert.equal(run({ paths: 'models/broken', 'fail-on': 'never' }).status, 0);
    const clean = run({ paths: 'models/sentiment', 'fail-on': 'warning' });
    assert.equal(clean.status, 0);
    assert.match(clean.summary, /0 errors, 0 warnings in 1 file checked\./);
    assert.doesNotMatch(clean.summary, /\| Where \|/);
  });

  it('writes json and text reports', () => {
    const json = run({ paths: 'models/broken', format: 'json', 'fail-on': 'never' });
    assert.equal(json.outputs.file, 'cardwright.json');
    assert.equal(
      (JSON.parse(readFileSync(join(workspace, 'cardwright.json'), 'utf8')) as { version: number }).version,
      1,
    );
    const text = run({ paths: 'models/broken', format: 'text', 'fail-on': 'never' });
    assert.equal(text.outputs.file, 'cardwright.txt');
    assert.match(
      readFileSync(join(workspace, 'cardwright.txt'), 'utf8'),
      /^models\/broken\/README\.md:3:11 error language-code/m,
    );
  });

  it('fails on bad usage whatever fail-on says, and never runs an input as shell code', () => {
    const missing = run({ paths: 'no/such/folder', 'fail-on': 'never' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read "no\/such\/folder"/);
    assert.match(missing.stdout, /::error title=Cardwright::/);
    const format = run({ format: 'xml' });
    assert.equal(format.status, 2);
    assert.match(format.stdout, /format must be sarif, json or text/);
    const injected = run({ paths: 'models/sentiment $(touch pwned) `touch pwned2`', 'fail-on': 'never' });
    assert.equal(injected.status, 2);
    assert.equal(existsSync(join(workspace, 'pwned')) || existsSync(join(workspace, 'pwned2')), false);
  });

  it("the README's workflow uses the action's inputs and outputs and uploads with upload-sarif", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(# \.github\/workflows\/[\s\S]*?)```/.exec(readme);
    assert.ok(block, 'a workflow in the README');
    const workflow = parse(block[1]!) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, string>; if?: string }[] }>;
    };
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const ours = steps.find((step) => step.uses?.startsWith('cardwright/cardwright@'));
    assert.ok(ours?.id);
    for (const input of Object.keys(ours.with ?? {})) assert.ok(input in action.inputs, input);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload);
    const referenced = [...JSON.stringify(upload).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)];
    assert.ok(referenced.length > 0);
    for (const [, id, output] of referenced) {
      assert.equal(id, ours.id);
      assert.ok(output! in action.outputs, output);
    }
  });

  it('without cardwright on PATH, uses the CLI built in the action folder', () => {
    const result = run({ paths: 'models/sentiment' }, {}, BARE_PATH);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.steps.setup?.cli, join(ROOT, 'dist', 'cli.js'));
  });
});
