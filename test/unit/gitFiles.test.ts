import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  configValue,
  openGitRepository,
  parseGitConfig,
  parsePackedRefs,
  parsePackIndex,
  stripCredentials,
} from '../../server/src/core/git';
import { memoryFileSystem } from '../support/memoryFileSystem';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('git config files (read, never acted on)', () => {
  it('reads sections, subsections, quoting, escapes, comments and continuations', () => {
    const entries = parseGitConfig(
      [
        '# comment',
        '[core]',
        '\tbare = false ; trailing comment',
        '\tfsmonitor = "rm -rf /"',
        '[Remote "origin"]',
        '\tURL = https://github.com/acme/a.git # comment',
        '\tfetch = +refs/heads/*:refs/remotes/origin/*',
        '[remote "Up Stream"] url = "git@example.com:a b.git"',
        '[remote.legacy]',
        '\turl = one \\',
        'two',
        '[alias]',
        '\tsay = "!echo \\"hi\\"\\tthere" ; run me',
        '[include]',
        '\tpath = ~/.evil',
        '[flags]',
        '\tenabled',
        '[remote "origin"]',
        '\turl = https://github.com/acme/b.git',
      ].join('\n'),
    );
    assert.equal(configValue(entries, 'remote', 'origin', 'url'), 'https://github.com/acme/b.git', 'the last one wins');
    assert.equal(configValue(entries, 'remote', 'Up Stream', 'url'), 'git@example.com:a b.git');
    assert.equal(configValue(entries, 'remote', 'up stream', 'url'), undefined, 'subsections are case-sensitive');
    assert.equal(configValue(entries, 'remote', 'legacy', 'url'), 'one two');
    assert.equal(configValue(entries, 'core', undefined, 'bare'), 'false');
    assert.equal(configValue(entries, 'alias', undefined, 'say'), '!echo "hi"\tthere');
    assert.equal(configValue(entries, 'flags', undefined, 'enabled'), 'true');
    assert.equal(configValue(entries, 'CORE', undefined, 'FSMONITOR'), 'rm -rf /', 'a value, never run');
  });

  it('include.path is not followed: only the repository config is read', () => {
    const fs = memoryFileSystem({
      '/r/.git/HEAD': 'ref: refs/heads/main\n',
      '/r/.git/config': '[include]\n\tpath = /elsewhere/config\n',
      '/elsewhere/config': '[remote "origin"]\n\turl = https://evil.example/x.git\n',
    });
    assert.equal(openGitRepository('/r', fs)?.remoteUrl(), undefined);
  });
});

describe('git refs, .git files and pack indexes (hand-made)', () => {
  it('packed-refs: ids, peeled tags, comments', () => {
    const refs = parsePackedRefs(
      `# pack-refs with: peeled fully-peeled sorted\n${A} refs/heads/main\n${B} refs/tags/v1\n^${C}\nnot a line\n`,
    );
    assert.deepEqual(Object.fromEntries(refs), { 'refs/heads/main': { id: A }, 'refs/tags/v1': { id: B, peeled: C } });
  });

  it('follows symbolic refs; loose refs win over packed ones; HEAD cannot name files outside refs', () => {
    const fs = memoryFileSystem({
      '/r/.git/HEAD': 'ref: refs/heads/alias\n',
      '/r/.git/refs/heads/alias': 'ref: refs/heads/main\n',
      '/r/.git/refs/heads/main': `${A}\n`,
      '/r/.git/packed-refs': `${B} refs/heads/main\n${C} refs/remotes/origin/dev\n`,
      '/r/.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/dev\n',
      '/r/.git/config': `[core]\n\tbare = false\n`,
      '/r/.git/ORIG_HEAD': `${B}\n`,
    });
    const git = openGitRepository('/r', fs);
    assert.deepEqual(git?.head(), { detached: false, branch: 'alias', ref: 'refs/heads/alias', commit: A });
    assert.equal(git?.resolve('main'), A);
    assert.equal(git?.resolve('origin'), C, 'refs/remotes/<name>/HEAD, as git rev-parse');
    assert.equal(git?.resolve('ORIG_HEAD'), B);
    assert.equal(git?.resolve('config'), undefined, 'config is a file of the git dir, not a ref');
    assert.equal(git?.resolve('../../etc/passwd'), undefined);
  });

  it('a symbolic ref loop ends', () => {
    const fs = memoryFileSystem({
      '/r/.git/HEAD': 'ref: refs/heads/a\n',
      '/r/.git/refs/heads/a': 'ref: refs/heads/a\n',
    });
    assert.equal(openGitRepository('/r', fs)?.head()?.commit, undefined);
  });

  it('a .git file with a relative gitdir and a commondir (a linked worktree)', () => {
    const fs = memoryFileSystem({
      '/main/.git/HEAD': 'ref: refs/heads/main\n',
      '/main/.git/refs/heads/main': `${A}\n`,
      '/main/.git/refs/heads/feature': `${B}\n`,
      '/main/.git/config': '[remote "origin"]\n\turl = https://x:y@example.com/r.git\n',
      '/main/.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n',
      '/main/.git/worktrees/wt/commondir': '../..\n',
      '/wt/.git': 'gitdir: ../main/.git/worktrees/wt\n',
      '/wt/src/train.py': 'print()\n',
    });
    const git = openGitRepository('/wt/src/train.py', fs);
    assert.deepEqual(git?.repo, { workTree: '/wt', gitDir: '/main/.git/worktrees/wt', commonDir: '/main/.git' });
    assert.equal(git?.head()?.commit, B);
    assert.equal(git?.remoteUrl(), 'https://example.com/r.git');
  });

  it('a broken .git file is no repository; the search goes on upwards', () => {
    const fs = memoryFileSystem({
      '/outer/.git/HEAD': `${A}\n`,
      '/outer/inner/.git': 'nonsense\n',
      '/outer/inner/x': '',
    });
    assert.equal(openGitRepository('/outer/inner/x', fs)?.repo.workTree, '/outer');
  });

  it('pack indexes that are truncated or of an unknown version are ignored', () => {
    assert.equal(parsePackIndex(new Uint8Array(100)), undefined);
    const v3 = new Uint8Array(8 + 1024);
    v3.set([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 3]);
    assert.equal(parsePackIndex(v3), undefined);
    const claimsMore = new Uint8Array(8 + 1024);
    claimsMore.set([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]);
    claimsMore.set([0, 0, 0, 9], 8 + 255 * 4);
    assert.equal(parsePackIndex(claimsMore), undefined, 'says 9 objects, holds none');
  });

  it('without readBinary, packed objects are not seen (loose ones are)', () => {
    const fs = memoryFileSystem({
      '/r/.git/HEAD': `${A}\n`,
      [`/r/.git/objects/aa/${A.slice(2)}`]: 'zlib bytes',
    });
    const { readBinary: _unused, ...textOnly } = fs;
    const git = openGitRepository('/r', textOnly);
    assert.equal(git?.hasObject(A), true);
    assert.equal(git?.hasObject(B), false);
  });
});

describe('stripCredentials', () => {
  it('drops user and token from HTTP(S) URLs, passwords from others, keeps scp-style remotes', () => {
    assert.equal(stripCredentials('https://user:ghp_x@github.com/o/r.git'), 'https://github.com/o/r.git');
    assert.equal(stripCredentials('https://oauth2token@gitlab.com/o/r'), 'https://gitlab.com/o/r');
    assert.equal(stripCredentials('ssh://git:secret@host:22/r.git'), 'ssh://git@host:22/r.git');
    assert.equal(stripCredentials('ssh://git@host/r.git'), 'ssh://git@host/r.git');
    assert.equal(stripCredentials('git@github.com:o/r.git'), 'git@github.com:o/r.git');
    assert.equal(stripCredentials(' https://github.com/o/r '), 'https://github.com/o/r');
  });
});

describe('reftable repositories', () => {
  it('report no HEAD rather than the placeholder branch, and still find objects', () => {
    const fs = memoryFileSystem({
      '/r/.git/HEAD': 'ref: refs/heads/.invalid\n',
      '/r/.git/config': '[extensions]\n\trefStorage = reftable\n',
      '/r/.git/reftable/tables.list': '0x000000000001-0x000000000001-00000000.ref\n',
      [`/r/.git/objects/aa/${A.slice(2)}`]: 'zlib bytes',
    });
    const git = openGitRepository('/r', fs);
    assert.equal(git?.usesReftable(), true);
    assert.equal(git?.head(), undefined);
    assert.equal(git?.resolve('main'), undefined);
    assert.equal(git?.resolve(A.slice(0, 8)), A);
  });
});
