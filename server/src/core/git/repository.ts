import { dirname, joinPath, type FileSystem } from '../fileSystem';

/**
 * Where a repository's files are. In a plain clone both dirs are `<top>/.git`. A linked worktree
 * or a submodule has a `.git` FILE (`gitdir: <path>`); a worktree's gitdir then names the shared
 * dir in its `commondir` file (git's gitrepository-layout(5)).
 */
export interface GitRepository {
  /** The working tree's top folder: the one holding `.git`. */
  workTree: string;
  /** This worktree's dir: HEAD, index and per-worktree refs. */
  gitDir: string;
  /** The shared dir: objects, refs, packed-refs, config. */
  commonDir: string;
}

/**
 * The repository that contains `path` (a file or a folder), found by walking up to the first
 * `.git` folder or file. Undefined outside a repository or when `.git` is broken.
 */
export function findRepository(path: string, fs: FileSystem): GitRepository | undefined {
  for (let folder = normalizePath(path); ; folder = dirname(folder)) {
    const dotGit = joinPath(folder, '.git');
    if (fs.exists(dotGit)) {
      const gitDir = fs.isDirectory(dotGit) ? dotGit : gitDirFromFile(fs, dotGit, folder);
      if (gitDir && fs.exists(joinPath(gitDir, 'HEAD'))) {
        const common = fs.readFile(joinPath(gitDir, 'commondir'))?.trim();
        return { workTree: folder, gitDir, commonDir: common ? resolvePath(gitDir, common) : gitDir };
      }
    }
    if (folder === '/' || dirname(folder) === folder || dirname(folder) === '.') return undefined;
  }
}

/** `gitdir: ../.git/worktrees/x` in a `.git` file, resolved against the folder holding it. */
function gitDirFromFile(fs: FileSystem, file: string, folder: string): string | undefined {
  const target = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFile(file) ?? '')?.[1];
  return target ? resolvePath(folder, target) : undefined;
}

/** `relative` resolved against `base` (absolute paths, Windows drive paths included, stand alone). */
export function resolvePath(base: string, relative: string): string {
  const path = relative.replace(/\\/g, '/');
  return normalizePath(path.startsWith('/') || /^[A-Za-z]:\//.test(path) ? path : `${base}/${path}`);
}

/** Collapses `.`, `..` and repeated slashes; drops a trailing slash. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}
