import { joinPath, type FileSystem } from '../fileSystem';
import { GitIgnoreStack } from './gitignore';

/** Folders never worth descending into, whatever `.gitignore` says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** File names that can be cards or training configs (the kind is decided from content later). */
const CANDIDATE = /\.(md|markdown|ya?ml|json|jsonc)$|^MLproject$/i;

/**
 * Every candidate file below `root` (or `root` itself when it is a file), depth first in name
 * order so output is stable. Skips `node_modules`, `.git` and git-ignored paths.
 */
export function findCandidateFiles(fs: FileSystem, root: string): string[] {
  if (!fs.isDirectory(root)) return [root];
  const found: string[] = [];
  const walk = (folder: string, ignores: GitIgnoreStack): void => {
    for (const name of fs.readDirectory(folder).sort()) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const path = joinPath(folder, name);
      // Links can loop (`up -> ..`) or repeat the tree: the scan follows none.
      if (fs.isSymbolicLink?.(path)) continue;
      const isDirectory = fs.isDirectory(path);
      if (ignores.ignores(path, isDirectory)) continue;
      if (isDirectory) walk(path, ignores.enter(path));
      else if (CANDIDATE.test(name)) found.push(path);
    }
  };
  walk(root, GitIgnoreStack.forFolder(fs, root));
  return found;
}
