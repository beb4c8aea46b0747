/**
 * The scan skips what git skips: a table of .gitignore cases (negations, nested files, anchored
 * and `**` patterns, folders) in a repository this test makes, compared with what git itself
 * lists as untracked-and-not-ignored (`git ls-files --others --exclude-standard`, as `git status`).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isInside, isSameOrInside, relativeInside } from '../../server/src/core/paths';
import { findCandidateFiles } from '../../server/src/core/workspace/scan';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { scratchFolder } from '../support/gitRepos';

const FILES = [
  'README.md',
  'notes.md',
  'build/out.json',
  'build/keep/README.md',
  'models/a/README.md',
  'models/a/draft.md',
  'models/b/README.md',
  'models/b/config.yaml',
  'models/b/sub/README.md',
  'configs/train.yaml',
  'configs/local/train.yaml',
  'deep/x/y/cache.json',
  'deep/x/y/model.md',
  'docs/README.md',
  'docs/guide.md',
  'logs/run.json',
];

const GITIGNORES: Record<string, string> = {
  // Anchored, unanchored, folders, `**`, and a negation that cannot reach into an excluded folder.
  '.gitignore': '*.md\n!README.md\n/build/\n!build/keep/README.md\n**/cache.json\nlogs\n/configs/local/\n',
  // A deeper file re-includes what the parent excluded, and excludes what it allowed.
  'models/a/.gitignore': '!draft.md\n',
  'models/b/.gitignore': 'README.md\nconfig.yaml\n!sub/README.md\n',
  'docs/.gitignore': '!*.md\nREADME.md\n',
};

describe('git-ignore semantics as git has them', () => {
  const repo = scratchFolder();
  after(() => repo.remove());
  repo.git('.', 'init', '-q');
  for (const file of FILES) repo.write(file, file.endsWith('.md') ? '# x\n' : '{}\n');
  for (const [file, text] of Object.entries(GITIGNORES)) repo.write(file, text);

  it('lists exactly the candidate files git lists as not ignored', () => {
    const fromGit = repo
      .git('.', 'ls-files', '--others', '--exclude-standard')
      .split('\n')
      .filter((file) => /\.(md|ya?ml|json)$/.test(file))
      .sort();
    const scanned = findCandidateFiles(nodeFileSystem, repo.root)
      .map((path) => path.slice(repo.root.length + 1))
      .sort();
    assert.deepEqual(scanned, fromGit);
    // The table exercises both directions: some files are re-included, some excluded.
    assert.ok(fromGit.includes('models/a/draft.md') && fromGit.includes('models/b/sub/README.md'));
    assert.ok(!fromGit.includes('models/b/README.md') && !fromGit.includes('build/keep/README.md'));
    assert.ok(fromGit.includes('docs/guide.md') && !fromGit.includes('docs/README.md'));
  });

  it('a scan started inside the repository applies the ignore files above it', () => {
    const scanned = findCandidateFiles(nodeFileSystem, repo.path('models')).map((path) =>
      path.slice(repo.root.length + 1),
    );
    assert.deepEqual(scanned.sort(), ['models/a/README.md', 'models/a/draft.md', 'models/b/sub/README.md']);
  });
});

describe('path comparison', () => {
  it('handles the root folder and trailing slashes', () => {
    assert.equal(isInside('/a/b', '/'), true);
    assert.equal(isInside('/', '/'), false);
    assert.equal(isInside('/a/b', '/a/'), true);
    assert.equal(isInside('/ab', '/a'), false);
    assert.equal(isInside('/a', '/a'), false);
    assert.equal(isSameOrInside('/a/', '/a'), true);
    assert.equal(relativeInside('/x/y', '/'), 'x/y');
    assert.equal(relativeInside('/a/b/c', '/a'), 'b/c');
    assert.equal(relativeInside('/ab/c', '/a'), undefined);
  });

  it('resolves . and .. before comparing: <workspace>/a/../../x is outside', () => {
    assert.equal(isInside('/ws/a/../../x.py', '/ws'), false);
    assert.equal(isInside('/ws/../ws2/x.py', '/ws'), false);
    assert.equal(isInside('/ws/a/../x.py', '/ws'), true);
    assert.equal(isInside('/ws/./a/x.py', '/ws'), true);
    assert.equal(isInside('/ws/a/..', '/ws'), false);
    assert.equal(isSameOrInside('/ws/a/..', '/ws'), true);
    assert.equal(isSameOrInside('/ws/a/../..', '/ws'), false);
    assert.equal(relativeInside('/ws/a/../b/x.py', '/ws'), 'b/x.py');
    assert.equal(relativeInside('/ws/a/../../x.py', '/ws'), undefined);
    assert.equal(relativeInside('/ws/..hidden/x', '/ws'), '..hidden/x', 'a name starting with dots is a name');
  });
});
