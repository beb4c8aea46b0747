import { dirname, joinPath } from '../fileSystem';
import { openGitRepository, type GitReader } from '../git/gitReader';
import { readCardLinks } from '../provenance/cardLinks';
import type { RuleFamily } from './rule';

/**
 * The commit a card's provenance block records is not in the card's repository: the code that
 * trained the model cannot be checked out from here. Read from `.git` files (git is never run);
 * not checked outside a repository, or when the block names another repository.
 */
export const commitDriftRules: RuleFamily = {
  name: 'run-commit-unknown',
  kinds: ['model-card'],
  codes: [
    {
      code: 'run-commit-unknown',
      severity: 'warning',
      summary: "The provenance block's commit is not in the local repository.",
    },
  ],
  check({ doc, fs, path, report }) {
    const code = path ? readCardLinks(doc)?.code : undefined;
    const reader = path && code ? openGitRepository(dirname(path), fs) : undefined;
    if (!code || !reader || !namesThisRepository(reader, code.repository)) return;
    const commit = code.commit.value;
    if (reader.hasObject(commit)) return;
    const shallow = fs.exists(joinPath(reader.repo.commonDir, 'shallow'));
    const hint = shallow
      ? 'this clone is shallow: fetch the full history (`git fetch --unshallow`)'
      : 'fetch it, or link the run again if the history was rewritten';
    report({
      code: 'run-commit-unknown',
      span: code.commit.span,
      message: `The commit ${commit} is not in the repository at ${reader.repo.workTree}: ${hint}.`,
      data: { commit, repository: reader.repo.workTree, shallow },
    });
  },
};

/** True when the block names no repository, or one of this repository's remotes. */
function namesThisRepository(reader: GitReader, repository: string | undefined): boolean {
  if (!repository) return true;
  const remotes = reader.remotes().flatMap((name) => reader.remoteUrl(name) ?? []);
  return remotes.length === 0 || remotes.some((remote) => sameRepository(remote, repository));
}

/** Remote URLs compared without scheme, user, `.git` and case: `git@github.com:a/b.git` = `https://github.com/a/b`. */
export function sameRepository(a: string, b: string): boolean {
  const normalize = (url: string): string =>
    url
      .trim()
      .toLowerCase()
      .replace(/^[a-z+]+:\/\//, '')
      .replace(/^[^@/]+@/, '')
      .replace(/^([^/:]+):(?!\d)/, '$1/')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '');
  return normalize(a) === normalize(b);
}
