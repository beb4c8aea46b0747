import { joinPath, type FileSystem } from '../fileSystem';
import type { GitRepository } from './repository';

/*
 * References stored as files (gitrepository-layout(5), gitrevisions(7)):
 *   HEAD                   "ref: refs/heads/main" or a commit id (detached)
 *   refs/heads/<name>      a commit id; refs/tags/<name> a tag or commit id
 *   packed-refs            "<id> <ref>" lines, each optionally followed by "^<peeled id>"
 * HEAD and refs/bisect, refs/worktree, refs/rewritten belong to one worktree (its gitDir);
 * the rest are shared (commonDir). Repositories using the reftable format are not readable here.
 */

export interface PackedRef {
  id: string;
  /** For an annotated tag: the commit it points to. */
  peeled?: string;
}

/** Longest chain of symbolic refs followed (git's own limit is 5). */
const MAX_SYMREF_DEPTH = 5;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function parsePackedRefs(text: string): Map<string, PackedRef> {
  const refs = new Map<string, PackedRef>();
  let last: PackedRef | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('^')) {
      if (last) last.peeled = line.slice(1).trim();
      continue;
    }
    const [id, name] = line.trim().split(/\s+/);
    if (!id || !name || !OBJECT_ID.test(id)) continue;
    last = { id };
    refs.set(name, last);
  }
  return refs;
}

/** Per-worktree refs live in the worktree's gitDir, all others in the shared commonDir. */
function refFolder(repo: GitRepository, ref: string): string {
  const perWorktree = !ref.startsWith('refs/') || /^refs\/(bisect|worktree|rewritten)\//.test(ref);
  return perWorktree ? repo.gitDir : repo.commonDir;
}

/** What a ref file says: an id, or the ref it points to. Undefined when there is no such file. */
export function readLooseRef(
  fs: FileSystem,
  repo: GitRepository,
  ref: string,
): { id: string } | { target: string } | undefined {
  // Refuse names that would leave the git dir or read files that are not refs (config, index).
  if (ref.split('/').some((part) => part === '..' || part === '') || !/^(refs\/|[A-Z_]+$)/.test(ref)) return undefined;
  const text = fs.readFile(joinPath(refFolder(repo, ref), ref))?.trim();
  if (!text) return undefined;
  const target = /^ref:\s*(\S+)$/.exec(text)?.[1];
  if (target) return { target };
  return OBJECT_ID.test(text) ? { id: text } : undefined;
}

/**
 * The object id a full ref name (`HEAD`, `refs/heads/main`) points to, following symbolic refs;
 * loose files win over packed-refs as in git. Undefined for an unborn branch or a missing ref.
 */
export function resolveFullRef(
  fs: FileSystem,
  repo: GitRepository,
  ref: string,
  packed: () => Map<string, PackedRef>,
): string | undefined {
  let name = ref;
  for (let depth = 0; depth <= MAX_SYMREF_DEPTH; depth++) {
    const loose = readLooseRef(fs, repo, name);
    if (loose && 'id' in loose) return loose.id;
    if (loose && 'target' in loose) {
      name = loose.target;
      continue;
    }
    return packed().get(name)?.id;
  }
  return undefined;
}

/** The full ref names a short name may mean, in git's order (refs.c `ref_rev_parse_rules`). */
export function refCandidates(name: string): string[] {
  return [
    name,
    `refs/${name}`,
    `refs/tags/${name}`,
    `refs/heads/${name}`,
    `refs/remotes/${name}`,
    `refs/remotes/${name}/HEAD`,
  ];
}
