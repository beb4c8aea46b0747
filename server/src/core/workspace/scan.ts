import { joinPath, type FileSystem } from '../fileSystem';
import { GitIgnoreStack } from './gitignore';

/** Folders never worth descending into, whatever `.gitignore` says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** File names that can be cards or training configs (the kind is decided from content later). */
const CANDIDATE = /\.(md|markdown|ya?ml|json|jsonc)$|^MLproject$/i;

export interface CandidateScan {
  /** Candidate files, depth first in name order. */
  files: string[];
  /** Git-ignored files and folders the scan passed over (a folder counts once: it is not entered). */
  gitIgnored: string[];
}

/**
 * Every candidate file below `root` (or `root` itself when it is a file: named explicitly, it is
 * the user's choice), depth first in name order so output is stable. Skips `node_modules`, `.git`
 * and, unless `noIgnore`, git-ignored paths, which it lists.
 */
export function scanCandidates(fs: FileSystem, root: string, options: { noIgnore?: boolean } = {}): CandidateScan {
  if (!fs.isDirectory(root)) return { files: [root], gitIgnored: [] };
  const files: string[] = [];
  const gitIgnored: string[] = [];
  const walk = (folder: string, ignores: GitIgnoreStack): void => {
    for (const name of fs.readDirectory(folder).sort()) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const path = joinPath(folder, name);
      // Links can loop (`up -> ..`) or repeat the tree: the scan follows none.
      if (fs.isSymbolicLink?.(path)) continue;
      const isDirectory = fs.isDirectory(path);
      if (!options.noIgnore && ignores.ignores(path, isDirectory)) {
        if (isDirectory || CANDIDATE.test(name)) gitIgnored.push(path);
        continue;
      }
      if (isDirectory) walk(path, ignores.enter(path));
      else if (CANDIDATE.test(name)) files.push(path);
    }
  };
  walk(root, GitIgnoreStack.forFolder(fs, root));
  return { files, gitIgnored };
}

/** The candidate files of `scanCandidates`, for hosts that need no account of what was skipped. */
export function findCandidateFiles(fs: FileSystem, root: string): string[] {
  return scanCandidates(fs, root).files;
}
