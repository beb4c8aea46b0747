import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * Real repositories for the git reader's tests, made by the git binary in a temp folder. Only
 * tests run git: the reader under test never does (see test/unit/runs/noProcess.test.ts).
 */

/** An environment where no user or system config changes what git writes. */
function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_AUTHOR_DATE: '2024-05-01T12:00:00Z',
    GIT_COMMITTER_DATE: '2024-05-01T12:00:00Z',
  };
}

export interface Scratch {
  root: string;
  /** Runs git in `cwd` (relative to root) and returns its trimmed output. */
  git(cwd: string, ...args: string[]): string;
  write(path: string, text: string): void;
  path(relative: string): string;
  remove(): void;
}

export function scratchFolder(): Scratch {
  const root = mkdtempSync(join(tmpdir(), 'cardwright-git-')).replace(/\\/g, '/');
  const env = gitEnv(root);
  return {
    root,
    git: (cwd, ...args) => execFileSync('git', args, { cwd: join(root, cwd), env, encoding: 'utf8' }).trim(),
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    path: (relative) => `${root}/${relative}`.replace(/\/$/, ''),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A repository at `folder` with `commits` commits of one file, on `main`, and an origin remote. */
export function makeRepository(scratch: Scratch, folder: string, commits = 3, objectFormat = 'sha1'): void {
  mkdirSync(join(scratch.root, folder), { recursive: true });
  scratch.git(folder, 'init', '-q', '-b', 'main', `--object-format=${objectFormat}`);
  for (let index = 1; index <= commits; index++) {
    scratch.write(`${folder}/train.py`, `print(${index})\n`);
    scratch.git(folder, 'add', 'train.py');
    scratch.git(folder, 'commit', '-q', '-m', `commit ${index}`);
  }
  scratch.git(folder, 'remote', 'add', 'origin', 'https://ana:not-a-real-token@github.com/acme/sentiment.git');
}
