import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { CLI, ROOT } from '../support/cli';

/*
 * The pre-commit hook with the real pre-commit (Debian package `pre-commit`). `language: node`
 * would have pre-commit `npm install` this repository from the network, so the hook from
 * .pre-commit-hooks.yaml runs here as the README's offline form: a `repo: local` hook with
 * `language: system` whose entry is the built CLI; every other field is the manifest's own.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = hasPreCommit ? false : 'pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run does)';

interface Hook {
  id: string;
  entry: string;
  language: string;
  types_or: string[];
  require_serial: boolean;
  [key: string]: unknown;
}

const BAD_CARD = `---
license: apache2
language: en
library_name: transformers
pipeline_tag: text-classification
---

# Model Card for tiny-sentiment
`;
const GOOD_CARD = BAD_CARD.replace('apache2', 'apache-2.0');
const CONFIG =
  'model_name_or_path: distilbert/distilbert-base-uncased\noutput_dir: out\nlr_scheduler_type: cosine\nnum_train_epochs: 3\nlearning_rate: 5.0e-5\nseed: 42\n';
const BAD_CONFIG = CONFIG.replace('cosine', 'cosin');

let repo = '';
let env: NodeJS.ProcessEnv = {};

function sh(command: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}
function git(...args: string[]): string {
  const result = sh('git', args);
  assert.equal(result.status, 0, result.out);
  return result.out;
}
function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}
function preCommit(): { status: number | null; out: string } {
  return sh('pre-commit', ['run', '--color', 'never']);
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', { skip }, () => {
  before(() => {
    const scratch = mkdtempSync(join(tmpdir(), 'cardwright-pre-commit-'));
    repo = join(scratch, 'repo');
    mkdirSync(repo);
    env = {
      PATH: process.env.PATH,
      HOME: join(scratch, 'home'),
      PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    mkdirSync(env.HOME!);
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    assert.ok(hook);
    const local = {
      ...hook,
      language: 'system',
      entry: hook.entry.replace(/^cardwright /, `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} `),
    };
    git('init', '-q', '-b', 'main');
    write('.pre-commit-config.yaml', stringify({ repos: [{ repo: 'local', hooks: [local] }] }));
    // The project's own files, which the hook is given and must leave alone.
    write('README.md', '# acme-models\n\nTraining code for our models. TODO: write more.\n');
    write('package.json', '{ "name": "acme-models", "private": true }\n');
    write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'project');
  });

  it('is a valid manifest for pre-commit, with the fields the README promises', () => {
    const result = spawnSync('pre-commit', ['validate-manifest', join(ROOT, '.pre-commit-hooks.yaml')], {
      encoding: 'utf8',
      env,
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    assert.equal(hook?.id, 'cardwright');
    assert.equal(hook?.language, 'node');
    assert.equal(hook?.entry, 'cardwright check --skip-unknown');
    assert.deepEqual(hook?.types_or, ['markdown', 'yaml', 'json']);
    assert.equal(hook?.require_serial, false);
    assert.equal(sh('pre-commit', ['validate-config', '.pre-commit-config.yaml']).status, 0);
  });

  it("the README's .pre-commit-config.yaml snippets are valid, the offline one the manifest's hook", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n(repos:[\s\S]*?)```/g)].map((match) => match[1]!);
    assert.equal(blocks.length, 2);
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    for (const [index, block] of blocks.entries()) {
      const file = join(dirname(repo), `readme-${index}.yaml`);
      writeFileSync(file, block);
      assert.equal(sh('pre-commit', ['validate-config', file]).status, 0, block);
      const config = parse(block) as { repos: { repo: string; hooks: Hook[] }[] };
      const snippet = config.repos[0]!.hooks[0]!;
      assert.equal(snippet.id, 'cardwright');
      if (config.repos[0]!.repo !== 'local') continue;
      const { language, description, minimum_pre_commit_version, ...same } = hook!;
      assert.equal(language, 'node');
      assert.ok(description && minimum_pre_commit_version);
      assert.deepEqual({ ...snippet, language: undefined }, { ...same, language: undefined });
      assert.equal(snippet.language, 'system');
    }
  });

  it('passes when only files that are not cards or configs are staged', () => {
    write('README.md', '# acme-models\n\nTraining code for our models.\n');
    write('tsconfig.json', '{ "compilerOptions": {} }\n');
    git('add', 'README.md', 'tsconfig.json');
    const result = preCommit();
    assert.equal(result.status, 0, result.out);
    assert.match(result.out, /cardwright\.+Passed/);
    git('commit', '-q', '--no-verify', '-m', 'docs');
  });

  it('fails on a bad staged card, naming the finding, and passes once it is fixed', () => {
    write('models/tiny/README.md', BAD_CARD);
    write('models/tiny/train.yaml', CONFIG);
    git('add', 'models');
    const bad = preCommit();
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, /cardwright\.+Failed/);
    assert.match(bad.out, /models\/tiny\/README\.md:2:10 error schema-enum "license" with value "apache2"/);
    assert.doesNotMatch(bad.out, /train\.yaml:\d+:\d+ error/);
    write('models/tiny/README.md', GOOD_CARD);
    git('add', 'models');
    const fixed = preCommit();
    assert.equal(fixed.status, 0, fixed.out);
    assert.match(fixed.out, /cardwright\.+Passed/);
    git('commit', '-q', '--no-verify', '-m', 'card');
  });

  it('fails on a bad staged training config', () => {
    write('models/tiny/train.yaml', BAD_CONFIG);
    git('add', 'models/tiny/train.yaml');
    const result = preCommit();
    assert.equal(result.status, 1, result.out);
    assert.match(result.out, /models\/tiny\/train\.yaml:3:\d+ error schema-enum/);
    write('models/tiny/train.yaml', CONFIG);
    git('add', 'models/tiny/train.yaml');
    assert.equal(preCommit().status, 0);
  });

  it('looks only at staged files: not at unstaged edits, untracked cards or committed ones', () => {
    // A bad card committed without the hook, and a bad untracked one: neither is staged.
    write('models/old/README.md', BAD_CARD);
    git('add', 'models/old');
    git('commit', '-q', '--no-verify', '-m', 'old card');
    write('models/new/README.md', BAD_CARD);
    // Staged: a good edit of the tiny card; unstaged on top of it: a bad one.
    write('models/tiny/README.md', GOOD_CARD.replace('# Model Card', '\n# Model Card'));
    git('add', 'models/tiny/README.md');
    write('models/tiny/README.md', BAD_CARD);
    const result = preCommit();
    assert.equal(result.status, 0, result.out);
    assert.match(result.out, /cardwright\.+Passed/);
    // pre-commit put the unstaged edit back.
    assert.equal(readFileSync(join(repo, 'models/tiny/README.md'), 'utf8'), BAD_CARD);
    // And with the bad edit staged, it fails.
    git('add', 'models/tiny/README.md');
    assert.equal(preCommit().status, 1);
  });
});
