import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openGitRepository, readGitFacts, type GitReader } from '../../server/src/core/git';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { makeRepository, scratchFolder, type Scratch } from '../support/gitRepos';

/** A reader for the repository at `folder`; fails the test when there is none. */
function reader(scratch: Scratch, folder: string): GitReader {
  const git = openGitRepository(scratch.path(folder), nodeFileSystem);
  assert.ok(git, `a repository at ${folder}`);
  return git;
}

/** Every object id of the repository, as git lists them. */
function allObjects(scratch: Scratch, folder: string): string[] {
  return scratch
    .git(folder, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)')
    .split('\n')
    .filter(Boolean);
}

describe('git reader on real repositories (git only makes them)', () => {
  let scratch: Scratch;
  before(() => {
    scratch = scratchFolder();
    makeRepository(scratch, 'loose');
    makeRepository(scratch, 'packed');
    scratch.git('packed', 'tag', 'v1-light', 'HEAD~1');
    scratch.git('packed', 'tag', '-a', 'v1', '-m', 'release', 'HEAD~2');
    scratch.git('packed', 'branch', 'experiment', 'HEAD~1');
    scratch.git('packed', 'gc', '-q');
  });
  after(() => scratch.remove());

  it('finds the repository from a nested path and reads HEAD, branch and commit as git does', () => {
    scratch.write('loose/src/deep/file.txt', 'x');
    const git = openGitRepository(scratch.path('loose/src/deep/file.txt'), nodeFileSystem);
    assert.deepEqual(git?.repo, {
      workTree: scratch.path('loose'),
      gitDir: scratch.path('loose/.git'),
      commonDir: scratch.path('loose/.git'),
    });
    assert.deepEqual(git?.head(), {
      detached: false,
      branch: 'main',
      ref: 'refs/heads/main',
      commit: scratch.git('loose', 'rev-parse', 'HEAD'),
    });
    assert.equal(git?.branch(), 'main');
  });

  it('reads the remote URL without its credentials', () => {
    assert.equal(reader(scratch, 'loose').remoteUrl(), 'https://github.com/acme/sentiment.git');
    assert.deepEqual(reader(scratch, 'loose').remotes(), ['origin']);
    assert.equal(reader(scratch, 'loose').remoteUrl('upstream'), undefined);
  });

  it('loose objects: every object git lists exists; others do not', () => {
    const git = reader(scratch, 'loose');
    const objects = allObjects(scratch, 'loose');
    assert.ok(objects.length >= 9);
    for (const id of objects) assert.ok(git.hasObject(id), id);
    assert.equal(git.hasObject('0123456789abcdef0123456789abcdef01234567'), false);
    assert.equal(git.hasObject('not hex at all'), false);
  });

  it('after gc (pack + packed-refs): objects, branches and tags resolve as git rev-parse says', () => {
    const git = reader(scratch, 'packed');
    assert.ok(scratch.git('packed', 'count-objects', '-v').includes('in-pack:'));
    assert.equal(scratch.git('packed', 'for-each-ref', '--format=%(refname)', 'refs/heads/main'), 'refs/heads/main');
    for (const id of allObjects(scratch, 'packed')) assert.ok(git.hasObject(id), id);
    for (const rev of ['HEAD', 'main', 'experiment', 'refs/heads/experiment', 'v1', 'v1-light', 'tags/v1']) {
      assert.equal(git.resolve(rev), scratch.git('packed', 'rev-parse', rev), rev);
    }
    assert.equal(git.resolve('no-such-branch'), undefined);
  });

  it('resolves abbreviated ids like git, in packs and loose', () => {
    for (const folder of ['loose', 'packed']) {
      const git = reader(scratch, folder);
      const full = scratch.git(folder, 'rev-parse', 'HEAD~1');
      const short = scratch.git(folder, 'rev-parse', '--short=7', 'HEAD~1');
      assert.equal(git.resolve(short), full, folder);
      assert.equal(git.resolve(full.slice(0, 4)), scratch.git(folder, 'rev-parse', full.slice(0, 4)), folder);
      assert.ok(git.hasObject(short));
      assert.equal(git.resolve('abc'), undefined, 'three digits are too few');
    }
  });

  it('an abbreviation several objects share resolves to nothing, as git refuses it', () => {
    scratch.git('', 'init', '-q', '-b', 'main', 'many');
    for (let index = 0; index < 700; index++) scratch.write(`many/f${index}.txt`, `file ${index}\n`);
    scratch.git('many', 'add', '.');
    scratch.git('many', 'commit', '-q', '-m', 'many files');
    const objects = allObjects(scratch, 'many');
    const prefixes = new Map<string, number>();
    for (const id of objects) prefixes.set(id.slice(0, 4), (prefixes.get(id.slice(0, 4)) ?? 0) + 1);
    const shared = [...prefixes].find(([, count]) => count > 1)?.[0];
    assert.ok(shared, '700 objects share some 4-digit prefix');
    assert.throws(() => scratch.git('many', 'rev-parse', '--verify', '--quiet', shared));
    const check = (stage: string) => {
      const git = reader(scratch, 'many');
      assert.equal(git.resolve(shared), undefined, stage);
      assert.ok(git.findObjects(shared).length >= 2, stage);
      assert.ok(git.hasObject(shared), stage);
    };
    check('loose');
    scratch.git('many', 'gc', '-q');
    check('packed');
  });

  it('a detached HEAD', () => {
    scratch.git('', 'clone', '-q', 'loose', 'detached');
    scratch.git('detached', 'checkout', '-q', '--detach', 'HEAD~1');
    const git = reader(scratch, 'detached');
    assert.deepEqual(git.head(), { detached: true, commit: scratch.git('detached', 'rev-parse', 'HEAD') });
    assert.equal(git.branch(), undefined);
    assert.deepEqual(readGitFacts(scratch.path('detached'), nodeFileSystem), {
      workTree: scratch.path('detached'),
      detached: true,
      commit: scratch.git('detached', 'rev-parse', 'HEAD'),
      remote: scratch.path('loose'),
    });
  });

  it('a linked worktree: its own HEAD and branch, the shared objects, refs and config', () => {
    scratch.git('packed', 'worktree', 'add', '-q', '-b', 'feature', '../worktree', 'HEAD~1');
    scratch.write('worktree/new.txt', 'work in progress');
    scratch.git('worktree', 'add', 'new.txt');
    scratch.git('worktree', 'commit', '-q', '-m', 'on the feature branch');
    const git = reader(scratch, 'worktree');
    assert.equal(git.repo.workTree, scratch.path('worktree'));
    assert.equal(git.repo.gitDir, scratch.path('packed/.git/worktrees/worktree'));
    assert.equal(git.repo.commonDir, scratch.path('packed/.git'));
    assert.equal(git.branch(), 'feature');
    assert.equal(git.head()?.commit, scratch.git('worktree', 'rev-parse', 'HEAD'));
    assert.equal(git.resolve('main'), scratch.git('worktree', 'rev-parse', 'main'));
    assert.equal(git.remoteUrl(), 'https://github.com/acme/sentiment.git');
    assert.ok(git.hasObject(scratch.git('worktree', 'rev-parse', 'HEAD')));
    // The main checkout still sees its own HEAD.
    assert.equal(reader(scratch, 'packed').branch(), 'main');
  });

  it('a submodule: its .git file points into the parent .git/modules', () => {
    makeRepository(scratch, 'parent', 1);
    scratch.git('parent', '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', scratch.path('loose'), 'sub');
    const git = reader(scratch, 'parent/sub');
    assert.equal(git.repo.workTree, scratch.path('parent/sub'));
    assert.equal(git.repo.gitDir, scratch.path('parent/.git/modules/sub'));
    assert.equal(git.head()?.commit, scratch.git('parent/sub', 'rev-parse', 'HEAD'));
    assert.equal(git.remoteUrl(), scratch.path('loose'));
    assert.equal(reader(scratch, 'parent').head()?.commit, scratch.git('parent', 'rev-parse', 'HEAD'));
  });

  it('an unborn branch: HEAD names a branch with no commit yet', () => {
    scratch.git('', 'init', '-q', '-b', 'trunk', 'empty');
    assert.deepEqual(reader(scratch, 'empty').head(), { detached: false, branch: 'trunk', ref: 'refs/heads/trunk' });
    assert.equal(reader(scratch, 'empty').resolve('HEAD'), undefined);
  });

  it('a version 1 pack index, and objects borrowed through objects/info/alternates', () => {
    scratch.git('', 'clone', '-q', 'packed', 'v1');
    scratch.git('v1', '-c', 'pack.indexVersion=1', 'repack', '-q', '-a', '-d');
    const idx = readdirSync(scratch.path('v1/.git/objects/pack')).find((name) => name.endsWith('.idx')) ?? '';
    const magic = readFileSync(scratch.path(`v1/.git/objects/pack/${idx}`)).subarray(0, 4);
    assert.notDeepEqual([...magic], [0xff, 0x74, 0x4f, 0x63], 'a version 1 index has no magic');
    const v1 = reader(scratch, 'v1');
    for (const id of allObjects(scratch, 'v1')) assert.ok(v1.hasObject(id), id);
    assert.equal(v1.resolve(scratch.git('v1', 'rev-parse', '--short', 'HEAD')), scratch.git('v1', 'rev-parse', 'HEAD'));

    scratch.git('', 'clone', '-q', '--shared', 'packed', 'shared');
    const shared = reader(scratch, 'shared');
    assert.equal(scratch.git('shared', 'count-objects'), '0 objects, 0 kilobytes');
    assert.ok(shared.hasObject(scratch.git('shared', 'rev-parse', 'HEAD~2')));
  });

  it('a SHA-256 repository', () => {
    makeRepository(scratch, 'sha256', 2, 'sha256');
    scratch.git('sha256', 'gc', '-q');
    const git = reader(scratch, 'sha256');
    const head = scratch.git('sha256', 'rev-parse', 'HEAD');
    assert.equal(head.length, 64);
    assert.equal(git.hashLength(), 32);
    assert.equal(git.head()?.commit, head);
    assert.ok(git.hasObject(head));
    assert.equal(git.resolve(head.slice(0, 10)), head);
  });

  it('outside a repository there is nothing', () => {
    scratch.write('plain/file.txt', 'x');
    assert.equal(openGitRepository(scratch.path('plain/file.txt'), nodeFileSystem)?.repo.workTree, undefined);
  });
});
